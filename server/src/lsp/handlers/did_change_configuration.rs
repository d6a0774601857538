//! `workspace/didChangeConfiguration`: apply the `docsynth` settings (pulling them with
//! `workspace/configuration` when the notification carries none), re-check the environment and
//! re-analyze open documents.

use crate::lsp::background::schedule_analysis;
use crate::lsp::guard::lock;
use crate::lsp::handlers::initialized::check_health;
use crate::lsp::state::ServerState;
use std::sync::Arc;
use std::time::Duration;
use tower_lsp_server::ls_types::{ConfigurationItem, DidChangeConfigurationParams, MessageType};

/// Handles `workspace/didChangeConfiguration`.
pub async fn handle(state: &Arc<ServerState>, params: DidChangeConfigurationParams) {
    let mut value = params.settings;
    if value.get("docsynth").is_none() {
        let pulled = state
            .client
            .configuration(vec![ConfigurationItem {
                scope_uri: None,
                section: Some("docsynth".to_string()),
            }])
            .await;
        if let Ok(mut items) = pulled {
            if let Some(v) = items.pop().filter(|v| !v.is_null()) {
                value = serde_json::json!({ "docsynth": v });
            }
        }
    }
    if value.is_null() || (value.is_object() && value.as_object().is_some_and(|m| m.is_empty())) {
        return;
    }
    let before = state.settings();
    let mut after = before.clone();
    let warnings = after.apply_json(&value);
    for w in warnings {
        state.log(MessageType::WARNING, w).await;
    }
    if after == before {
        return;
    }
    *state.settings.write().unwrap_or_else(|p| p.into_inner()) = after.clone();
    state
        .log(MessageType::INFO, format!("docsynth settings: {after:?}"))
        .await;
    if after.python_path != before.python_path
        || after.model_dir != before.model_dir
        || after.engine != before.engine
        || after.execution() != before.execution()
    {
        check_health(state).await;
    }
    let uris: Vec<String> = lock(&state.docs).keys().cloned().collect();
    for uri in uris {
        schedule_analysis(state, &uri, Duration::ZERO);
    }
}
