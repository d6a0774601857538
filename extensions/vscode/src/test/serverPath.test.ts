/** Unit tests of the binary lookup and the settings shape (node:test, no VS Code needed). */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import type * as vscode from "vscode";
import { findServer, searchPath } from "../serverPath";
import { readServerSettings } from "../settings";

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "docsynth-ext-"));
}

function executable(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "#!/bin/sh\n");
  fs.chmodSync(file, 0o755);
  return file;
}

void test("the setting wins when it names an executable", () => {
  const dir = scratch();
  const bin = executable(path.join(dir, "custom", "docsynth"));
  assert.deepEqual(findServer(bin, "useBundled", dir, ""), { path: bin, source: "setting" });
});

void test("a setting that is not executable is an error, not a fallback", () => {
  const dir = scratch();
  executable(path.join(dir, "bin", "docsynth"));
  const plain = path.join(dir, "plain");
  fs.writeFileSync(plain, "");
  fs.chmodSync(plain, 0o644);
  const found = findServer(plain, "fromEnvironment", dir, "");
  assert.ok("error" in found && found.error.includes("not an executable"));
});

void test("importStrategy orders the bundled copy and PATH; nothing found is an error", () => {
  const dir = scratch();
  const onPath = executable(path.join(dir, "p2", "docsynth"));
  const bundled = executable(path.join(dir, "ext", "bin", "docsynth"));
  const ext = path.join(dir, "ext");
  const pathVar = [path.join(dir, "p1"), path.join(dir, "p2")].join(path.delimiter);
  assert.deepEqual(findServer("", "useBundled", ext, pathVar), { path: bundled, source: "bundled" });
  assert.deepEqual(findServer("", "fromEnvironment", ext, pathVar), { path: onPath, source: "PATH" });
  // Each falls back to the other.
  assert.deepEqual(findServer("  ", "fromEnvironment", ext, ""), { path: bundled, source: "bundled" });
  assert.deepEqual(findServer("", "useBundled", path.join(dir, "none"), pathVar), { path: onPath, source: "PATH" });
  const none = findServer("", "useBundled", path.join(dir, "none"), "");
  assert.ok("error" in none && none.error.includes("pip install docsynth"));
  assert.equal(searchPath("docsynth", undefined), undefined);
});

void test("settings are shaped for the server: empty paths unset, diagnostics a boolean", () => {
  const values: Record<string, unknown> = {
    pythonPath: "  ",
    modelDir: "/models",
    device: "tpu",
    beamSize: 4,
    "diagnostics.enable": false,
    engine: "search",
    runExamples: "sometimes",
  };
  const config = {
    get: <T>(key: string, fallback: T): T => (key in values ? (values[key] as T) : fallback),
  } as unknown as vscode.WorkspaceConfiguration;
  assert.deepEqual(readServerSettings(config, false), {
    pythonPath: undefined,
    modelDir: "/models",
    device: "auto",
    beamSize: 4,
    latentBeams: 3,
    budgetMs: 2000,
    maxActions: 5,
    diagnostics: false,
    engine: "search",
    runExamples: "trusted",
    workspaceTrusted: false,
  });
  values.runExamples = "never";
  assert.equal(readServerSettings(config, true).runExamples, "never");
});
