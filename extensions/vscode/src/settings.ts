/** The `docsynth.*` settings, read from VS Code and shaped for the server. */
import * as vscode from "vscode";

/** Where the neural models run. */
export type Device = "auto" | "cpu" | "cuda";

/** The settings the server understands (sent as initializationOptions and on change). */
export interface ServerSettings {
  pythonPath?: string;
  modelDir?: string;
  device: Device;
  beamSize: number;
  latentBeams: number;
  budgetMs: number;
  maxActions: number;
  diagnostics: { enable: boolean };
}

/** Reads the server's settings from a configuration section; empty strings become "unset". */
export function readServerSettings(config: vscode.WorkspaceConfiguration): ServerSettings {
  const text = (key: string): string | undefined => {
    const value = config.get<string>(key, "").trim();
    return value === "" ? undefined : value;
  };
  const device = config.get<string>("device", "auto");
  return {
    pythonPath: text("pythonPath"),
    modelDir: text("modelDir"),
    device: device === "cpu" || device === "cuda" ? device : "auto",
    beamSize: config.get<number>("beamSize", 10),
    latentBeams: config.get<number>("latentBeams", 3),
    budgetMs: config.get<number>("budgetMs", 2000),
    maxActions: config.get<number>("maxActions", 3),
    diagnostics: { enable: config.get<boolean>("diagnostics.enable", true) },
  };
}
