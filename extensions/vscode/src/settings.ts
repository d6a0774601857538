/** The `docsynth.*` settings, read from VS Code and shaped for the server. */
import * as vscode from "vscode";

/** Where the neural models run. */
export type Device = "auto" | "cpu" | "cuda";

/** Which writers synthesize: both, the neural model only, or enumerative search only. */
export type Engine = "all" | "neural" | "search";

/** When the server may run the workspace's examples (and candidates). */
export type RunExamples = "always" | "trusted" | "never";

/** The settings the server understands (sent as initializationOptions and on change). */
export interface ServerSettings {
  pythonPath?: string;
  modelDir?: string;
  device: Device;
  beamSize: number;
  latentBeams: number;
  budgetMs: number;
  maxActions: number;
  diagnostics: boolean;
  engine: Engine;
  runExamples: RunExamples;
  /** Whether VS Code trusts the workspace (Workspace Trust); `runExamples: "trusted"` needs it. */
  workspaceTrusted: boolean;
}

/** Reads the server's settings from a configuration section; empty strings become "unset". */
export function readServerSettings(config: vscode.WorkspaceConfiguration, workspaceTrusted: boolean): ServerSettings {
  const text = (key: string): string | undefined => {
    const value = config.get<string>(key, "").trim();
    return value === "" ? undefined : value;
  };
  const device = config.get<string>("device", "auto");
  const engine = config.get<string>("engine", "all");
  const runExamples = config.get<string>("runExamples", "trusted");
  return {
    pythonPath: text("pythonPath"),
    modelDir: text("modelDir"),
    device: device === "cpu" || device === "cuda" ? device : "auto",
    beamSize: config.get<number>("beamSize", 10),
    latentBeams: config.get<number>("latentBeams", 3),
    budgetMs: config.get<number>("budgetMs", 2000),
    maxActions: config.get<number>("maxActions", 5),
    diagnostics: config.get<boolean>("diagnostics.enable", true),
    engine: engine === "neural" || engine === "search" ? engine : "all",
    runExamples: runExamples === "always" || runExamples === "never" ? runExamples : "trusted",
    workspaceTrusted,
  };
}
