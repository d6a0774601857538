/** The docsynth VS Code extension: starts `docsynth lsp` for Python files and wires its settings. */
import { execFile } from "child_process";
import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { findServer, FoundServer, ImportStrategy } from "./serverPath";
import { readServerSettings, ServerSettings } from "./settings";

/** The command that asks the server to implement the function at the cursor. */
export const SYNTHESIZE_COMMAND = "docsynth.synthesize";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function currentSettings(): ServerSettings {
  return readServerSettings(vscode.workspace.getConfiguration("docsynth"), vscode.workspace.isTrusted);
}

/** Sends the current settings (and workspace trust) to the running server. */
async function sendSettings(): Promise<void> {
  await client?.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { docsynth: currentSettings() },
  });
}

/**
 * Arguments for `docsynth.synthesize` taken from the active editor, when none were given: the
 * server takes `[{uri, line}]` and implements the unimplemented function spanning that 0-based line.
 */
function cursorArguments(): unknown[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "python") return [];
  return [{ uri: editor.document.uri.toString(), line: editor.selection.active.line }];
}

/** The binary the settings choose: docsynth.serverPath, else by docsynth.importStrategy. */
function lookupServer(context: vscode.ExtensionContext): { strategy: ImportStrategy; found: FoundServer | { error: string } } {
  const config = vscode.workspace.getConfiguration("docsynth");
  const strategy: ImportStrategy =
    config.get<string>("importStrategy", "useBundled") === "fromEnvironment" ? "fromEnvironment" : "useBundled";
  return { strategy, found: findServer(config.get<string>("serverPath", ""), strategy, context.extensionPath) };
}

/**
 * "docsynth: Show what docsynth found": runs `docsynth doctor` (version, Python, ONNX Runtime and
 * its version, each model and its device, sandbox layers, a real sandboxed check) into the output
 * channel. It runs outside the workspace (in the temporary folder), so it never starts the
 * workspace's own interpreter.
 */
function showDoctor(context: vscode.ExtensionContext): void {
  const channel = output ?? vscode.window.createOutputChannel("docsynth");
  output = channel;
  const { strategy, found } = lookupServer(context);
  if ("error" in found) {
    channel.appendLine(found.error);
    void vscode.window.showErrorMessage(found.error);
    return;
  }
  channel.appendLine(`$ ${found.path} doctor   (found via ${found.source}; docsynth.importStrategy = ${strategy})`);
  execFile(found.path, ["doctor"], { cwd: os.tmpdir(), timeout: 120000 }, (err, stdout, stderr) => {
    channel.append(stdout);
    if (stderr) channel.append(stderr);
    // `doctor` exits 1 when a sandbox layer is missing; the report above says which.
    if (err && !stdout) channel.appendLine(`docsynth doctor failed: ${err.message}`);
    channel.show(true);
  });
}

function createClient(context: vscode.ExtensionContext, channel: vscode.OutputChannel): LanguageClient | undefined {
  const { strategy, found } = lookupServer(context);
  if ("error" in found) {
    channel.appendLine(found.error);
    void vscode.window.showErrorMessage(found.error);
    return undefined;
  }
  channel.appendLine(`Starting ${found.path} lsp (found via ${found.source}; docsynth.importStrategy = ${strategy}).`);
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
    ],
    initializationOptions: currentSettings(),
    outputChannel: channel,
    middleware: {
      // The palette runs the command with no arguments: fill in the cursor's document and position.
      executeCommand: (command, args, next): unknown =>
        next(command, command === SYNTHESIZE_COMMAND && args.length === 0 ? cursorArguments() : args),
      workspace: {
        // Answer `workspace/configuration` for "docsynth" with the same shape as initializationOptions.
        configuration: async (params, token, next): Promise<unknown[] | ResponseError> => {
          const result = await next(params, token);
          if (result instanceof ResponseError) return result;
          const values: unknown[] = result;
          return params.items.map((item, i): unknown => (item.section === "docsynth" ? currentSettings() : values[i]));
        },
      },
    },
  };
  return new LanguageClient("docsynth", "docsynth", serverOptions, clientOptions);
}

/**
 * Fallback for `docsynth.synthesize` while no running server provides it (vscode-languageclient
 * registers the command itself when the server advertises it, so the two must not overlap).
 */
let fallbackCommand: vscode.Disposable | undefined;

function setFallbackCommand(wanted: boolean): void {
  if (!wanted) {
    fallbackCommand?.dispose();
    fallbackCommand = undefined;
  } else if (!fallbackCommand) {
    fallbackCommand = vscode.commands.registerCommand(SYNTHESIZE_COMMAND, () => {
      void vscode.window.showWarningMessage(
        "docsynth: the language server is not running or does not offer docsynth.synthesize (see the docsynth output).",
      );
    });
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const channel = output ?? vscode.window.createOutputChannel("docsynth");
  output = channel;
  setFallbackCommand(false);
  const next = createClient(context, channel);
  if (next) {
    client = next;
    try {
      await next.start();
    } catch (err) {
      const message = `docsynth language server failed to start: ${err instanceof Error ? err.message : String(err)}`;
      channel.appendLine(message);
      void vscode.window.showErrorMessage(message);
    }
  }
  setFallbackCommand(!serverProvidesSynthesize());
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (err) {
      output?.appendLine(`Stopping the server failed: ${String(err)}`);
    }
  }
}

/** True when the running server registered `docsynth.synthesize` itself (executeCommandProvider). */
function serverProvidesSynthesize(): boolean {
  const commands = client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  return commands.includes(SYNTHESIZE_COMMAND);
}

/** Activates the extension: starts the server, registers commands, follows settings changes. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await startClient(context);

  context.subscriptions.push(
    { dispose: () => setFallbackCommand(false) },
    vscode.commands.registerCommand("docsynth.doctor", () => showDoctor(context)),
    vscode.commands.registerCommand("docsynth.restart", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("docsynth")) return;
      if (event.affectsConfiguration("docsynth.serverPath") || event.affectsConfiguration("docsynth.importStrategy")) {
        await stopClient();
        await startClient(context);
        return;
      }
      await sendSettings();
    }),
    // Trusting the workspace lets the server run its examples: tell it, no restart needed. (The
    // restricted settings, e.g. a workspace's docsynth.serverPath, apply from the next start.)
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output?.appendLine("Workspace trusted: docsynth may now run this workspace's examples.");
      await sendSettings();
    }),
  );
}

/** Deactivates the extension: stops the server. */
export async function deactivate(): Promise<void> {
  await stopClient();
}
