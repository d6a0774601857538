//! One handler per LSP request or notification, named after the method.

pub mod code_action;
pub mod code_action_resolve;
pub mod did_change;
pub mod did_change_configuration;
pub mod did_change_workspace_folders;
pub mod did_close;
pub mod did_open;
pub mod did_save;
pub mod execute_command;
pub mod hover;
pub mod initialize;
pub mod initialized;
pub mod shutdown;
