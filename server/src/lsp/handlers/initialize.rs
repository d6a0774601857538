//! `initialize`: negotiate the position encoding, record client capabilities, read
//! `initializationOptions`, and announce what the server does.

use crate::lsp::guard::lock;
use crate::lsp::position::Encoding;
use crate::lsp::state::{file_path, ClientCaps, ServerState};
use crate::lsp::SYNTHESIZE_COMMAND;
use tower_lsp_server::ls_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, ExecuteCommandOptions,
    HoverProviderCapability, InitializeParams, InitializeResult, OneOf, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, WorkDoneProgressOptions,
    WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

/// Handles `initialize`.
pub fn handle(state: &ServerState, params: InitializeParams) -> InitializeResult {
    let caps = &params.capabilities;
    let encoding = Encoding::negotiate(
        caps.general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let code_action = caps
        .text_document
        .as_ref()
        .and_then(|t| t.code_action.as_ref());
    let client_caps = ClientCaps {
        encoding,
        work_done_progress: caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false),
        resolve_edit: code_action
            .and_then(|c| c.resolve_support.as_ref())
            .is_some_and(|r| r.properties.iter().any(|p| p == "edit")),
        disabled_actions: code_action
            .and_then(|c| c.disabled_support)
            .unwrap_or(false),
        document_changes: caps
            .workspace
            .as_ref()
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false),
        apply_edit: caps
            .workspace
            .as_ref()
            .and_then(|w| w.apply_edit)
            .unwrap_or(false),
    };
    *state.caps.write().unwrap_or_else(|p| p.into_inner()) = client_caps;

    let mut roots: Vec<_> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| file_path(&f.uri))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        if let Some(p) = params.root_uri.as_ref().and_then(file_path) {
            roots.push(p);
        }
    }
    *state.roots.write().unwrap_or_else(|p| p.into_inner()) = roots;

    // The defaults are the command line's (`docsynth lsp --run-examples`).
    let mut settings = state.settings();
    if let Some(opts) = &params.initialization_options {
        let warnings = settings.apply_json(opts);
        lock(&state.pending_logs).extend(warnings);
    }
    *state.settings.write().unwrap_or_else(|p| p.into_inner()) = settings;

    InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                resolve_provider: Some(true),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: vec![SYNTHESIZE_COMMAND.to_string()],
                work_done_progress_options: WorkDoneProgressOptions::default(),
            }),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..Default::default()
        },
        server_info: Some(ServerInfo {
            name: "docsynth".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        offset_encoding: None,
    }
}
