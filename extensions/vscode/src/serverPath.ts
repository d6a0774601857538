/**
 * Finds the `docsynth` binary: `docsynth.serverPath` if set, then, by `docsynth.importStrategy`,
 * the copy bundled in the extension before the `docsynth` on PATH (`useBundled`, the default) or
 * after it (`fromEnvironment`).
 */
import * as fs from "fs";
import * as path from "path";

/** Which of the bundled binary and the one on PATH is tried first. */
export type ImportStrategy = "useBundled" | "fromEnvironment";

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
 * expanded); otherwise `<extensionDir>/bin/docsynth` and PATH are searched in the order
 * `strategy` gives. Returns an error message instead when nothing usable is found.
 */
export function findServer(
  setting: string,
  strategy: ImportStrategy,
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
  const bundled = (): FoundServer | undefined => {
    const file = path.join(extensionDir, "bin", binaryName());
    return isExecutable(file) ? { path: file, source: "bundled" } : undefined;
  };
  const onPath = (): FoundServer | undefined => {
    const file = searchPath(binaryName(), pathVar);
    return file ? { path: file, source: "PATH" } : undefined;
  };
  const found = strategy === "fromEnvironment" ? (onPath() ?? bundled()) : (bundled() ?? onPath());
  return (
    found ?? {
      error:
        "docsynth binary not found: this extension package bundles none, and there is no `docsynth` on PATH. " +
        "Install one with `pip install docsynth` (or `pipx install docsynth`), or set docsynth.serverPath.",
    }
  );
}
