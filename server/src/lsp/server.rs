//! The `LanguageServer` implementation: a thin dispatcher onto one handler per method. Requests
//! run on their own task so a panic becomes an error reply; document notifications mutate state
//! synchronously (under `catch_unwind`) so edits apply in the order they arrive.

use super::background::publish;
use super::guard::{catch, spawn_caught};
use super::handlers;
use super::state::ServerState;
use std::sync::Arc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionParams, CodeActionResponse, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, ExecuteCommandParams, Hover, HoverParams,
    InitializeParams, InitializeResult, InitializedParams, LSPAny, MessageType,
};
use tower_lsp_server::LanguageServer;

/// The server object handed to `tower-lsp-server`.
#[derive(Debug)]
pub struct Backend {
    state: Arc<ServerState>,
}

impl Backend {
    /// A backend over `state`.
    pub fn new(state: Arc<ServerState>) -> Self {
        Self { state }
    }

    async fn report(&self, what: &str, why: String) {
        self.state
            .log(MessageType::ERROR, format!("docsynth: {what}: {why}"))
            .await;
    }

    async fn request<T, F>(&self, what: &'static str, fut: F) -> Result<T>
    where
        T: Send + 'static,
        F: std::future::Future<Output = Result<T>> + Send + 'static,
    {
        match spawn_caught(what, fut).await {
            Ok(r) => r,
            Err(why) => {
                self.report(what, why.clone()).await;
                let mut e = Error::internal_error();
                e.message = why.into();
                Err(e)
            }
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        catch("initialize", || {
            handlers::initialize::handle(&self.state, params)
        })
        .map_err(|why| {
            let mut e = Error::internal_error();
            e.message = why.into();
            e
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let st = Arc::clone(&self.state);
        if let Err(why) = spawn_caught("initialized", async move {
            handlers::initialized::handle(&st).await
        })
        .await
        {
            self.report("initialized", why).await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        if let Err(why) = catch("shutdown", || handlers::shutdown::handle(&self.state)) {
            self.report("shutdown", why).await;
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        if let Err(why) = catch("didOpen", || {
            handlers::did_open::handle(&self.state, params)
        }) {
            self.report("didOpen", why).await;
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri.as_str().to_string();
        match catch("didChange", || {
            handlers::did_change::handle(&self.state, params)
        }) {
            Ok(true) => {}
            Ok(false) => {
                self.state
                    .log(
                        MessageType::WARNING,
                        format!("docsynth: didChange for {uri}, which is not open; ignored"),
                    )
                    .await;
            }
            Err(why) => self.report("didChange", why).await,
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if let Err(why) = catch("didSave", || {
            handlers::did_save::handle(&self.state, params)
        }) {
            self.report("didSave", why).await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        match catch("didClose", || {
            handlers::did_close::handle(&self.state, params)
        }) {
            Ok(Some(uri)) => {
                self.state
                    .client
                    .publish_diagnostics(uri, Vec::new(), None)
                    .await
            }
            Ok(None) => {}
            Err(why) => self.report("didClose", why).await,
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let st = Arc::clone(&self.state);
        if let Err(why) = spawn_caught("didChangeConfiguration", async move {
            handlers::did_change_configuration::handle(&st, params).await
        })
        .await
        {
            self.report("didChangeConfiguration", why).await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        if let Err(why) = catch("didChangeWorkspaceFolders", || {
            handlers::did_change_workspace_folders::handle(&self.state, params)
        }) {
            self.report("didChangeWorkspaceFolders", why).await;
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let st = Arc::clone(&self.state);
        self.request("textDocument/codeAction", async move {
            handlers::code_action::handle(&st, params).await
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let st = Arc::clone(&self.state);
        self.request("textDocument/hover", async move {
            handlers::hover::handle(&st, params).await
        })
        .await
    }

    async fn code_action_resolve(&self, params: CodeAction) -> Result<CodeAction> {
        let st = Arc::clone(&self.state);
        self.request("codeAction/resolve", async move {
            handlers::code_action_resolve::handle(&st, params).await
        })
        .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let st = Arc::clone(&self.state);
        self.request("workspace/executeCommand", async move {
            let uri = params
                .arguments
                .first()
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let r = handlers::execute_command::handle(&st, params).await;
            if let Some(uri) = uri {
                publish(&st, &uri).await;
            }
            r
        })
        .await
    }
}
