// Bundles what the per-platform .vsix needs to work with nothing else installed, laid out as an
// installation prefix so the binary finds the rest beside itself:
//   bin/docsynth                        the stripped release binary
//   share/docsynth/models/<domain>/...  the shipped models (the files the wheel ships)
//   lib/libonnxruntime.so.*             ONNX Runtime
// `node scripts/bundle.mjs` copies them from the repository: the binary from
// DOCSYNTH_BUNDLE_BIN (default target/release/docsynth, which `maturin build --release` or
// `cargo build --release` leaves), the models from the wheel's list (server/wheel/...), and
// ONNX Runtime from DOCSYNTH_BUNDLE_ORT (default: the onnxruntime package of the repository's
// .venv). `--check` copies nothing and fails when anything is missing or the binary is not
// stripped; `npm run package` runs it before `vsce package --target linux-x64`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ext = path.resolve(import.meta.dirname, "..");
const repo = path.resolve(ext, "../..");
const shippedModels = path.join(repo, "server/wheel/docsynth.data/data/share/docsynth/models");
const check = process.argv.includes("--check");

function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}

/** The files each model ships: the wheel's list (symbolic links into models/). */
function modelFiles() {
  return fs.readdirSync(shippedModels).flatMap((domain) =>
    fs.readdirSync(path.join(shippedModels, domain)).map((file) => path.join(domain, file)),
  );
}

function ortLibrary(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).find((n) => /^libonnxruntime\.so\.\d/.test(n)) : undefined;
}

/** True when the ELF file has no symbol table left (stripped). */
function stripped(file) {
  try {
    return !/\.symtab/.test(execFileSync("readelf", ["-S", "-W", file], { encoding: "utf8" }));
  } catch {
    fail(`cannot read ${file} with readelf`);
  }
}

function verify() {
  const problems = [];
  const bin = path.join(ext, "bin/docsynth");
  if (!fs.existsSync(bin)) problems.push("bin/docsynth is missing");
  else if (!stripped(bin)) problems.push("bin/docsynth is not stripped (build with `maturin build --release` or strip it)");
  for (const file of modelFiles()) {
    if (!fs.existsSync(path.join(ext, "share/docsynth/models", file))) problems.push(`share/docsynth/models/${file} is missing`);
  }
  if (!ortLibrary(path.join(ext, "lib"))) problems.push("lib/libonnxruntime.so.* is missing");
  if (problems.length > 0) {
    fail(`the bundle is incomplete (run \`npm run bundle\` after a release build):\n  ${problems.join("\n  ")}`);
  }
  console.log("bundle: complete (bin/docsynth, share/docsynth/models, lib/libonnxruntime)");
}

if (!check) {
  const bin = process.env.DOCSYNTH_BUNDLE_BIN ?? path.join(repo, "target/release/docsynth");
  if (!fs.existsSync(bin)) fail(`${bin} not found: build it first (maturin build --release, or cargo build --release)`);
  let ortDir = process.env.DOCSYNTH_BUNDLE_ORT;
  if (!ortDir) {
    const py = path.join(repo, ".venv/bin/python");
    ortDir = execFileSync(py, ["-c", "import onnxruntime,os;print(os.path.join(os.path.dirname(onnxruntime.__file__),'capi'))"], {
      encoding: "utf8",
    }).trim();
  }
  const ort = ortLibrary(ortDir);
  if (!ort) fail(`no libonnxruntime.so.* in ${ortDir}`);
  for (const dir of ["bin", "lib", "share"]) fs.rmSync(path.join(ext, dir), { recursive: true, force: true });
  fs.mkdirSync(path.join(ext, "bin"), { recursive: true });
  fs.copyFileSync(bin, path.join(ext, "bin/docsynth"));
  fs.chmodSync(path.join(ext, "bin/docsynth"), 0o755);
  if (!stripped(path.join(ext, "bin/docsynth"))) execFileSync("strip", [path.join(ext, "bin/docsynth")]);
  for (const file of modelFiles()) {
    const to = path.join(ext, "share/docsynth/models", file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(fs.realpathSync(path.join(shippedModels, file)), to);
  }
  fs.mkdirSync(path.join(ext, "lib"), { recursive: true });
  fs.copyFileSync(path.join(ortDir, ort), path.join(ext, "lib", ort));
}
verify();
