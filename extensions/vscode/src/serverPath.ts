/** Finds the `docsynth` binary: the setting, then PATH, then the copy bundled in the extension. */
import * as fs from "fs";
import * as path from "path";

/** Where a binary was found, and how. */
export interface FoundServer {
  path: string;
  source: "setting" | "PATH" | "bundled";
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function binaryName(): string {
  return process.platform === "win32" ? "docsynth.exe" : "docsynth";
}

/** Searches the directories of a PATH string for an executable named `name`. */
export function searchPath(name: string, pathVar: string | undefined): string | undefined {
  for (const dir of (pathVar ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Resolves the server binary. A non-empty `setting` must point at an executable (a `~/` prefix is
 * expanded); otherwise PATH is searched, then `<extensionDir>/bin/docsynth`.
 * Returns an error message instead when nothing usable is found.
 */
export function findServer(
  setting: string,
  extensionDir: string,
  pathVar: string | undefined = process.env.PATH,
): FoundServer | { error: string } {
  const configured = setting.trim();
  if (configured !== "") {
    const home = process.env.HOME ?? "";
    const expanded = configured.startsWith("~/") ? path.join(home, configured.slice(2)) : configured;
    if (isExecutable(expanded)) return { path: expanded, source: "setting" };
    return { error: `docsynth.serverPath is set to "${configured}", which is not an executable file.` };
  }
  const onPath = searchPath(binaryName(), pathVar);
  if (onPath) return { path: onPath, source: "PATH" };
  const bundled = path.join(extensionDir, "bin", binaryName());
  if (isExecutable(bundled)) return { path: bundled, source: "bundled" };
  return {
    error:
      "docsynth binary not found: set docsynth.serverPath, put `docsynth` on PATH " +
      "(cargo install --path server), or bundle it as bin/docsynth in the extension.",
  };
}
