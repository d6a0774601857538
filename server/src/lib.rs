//! docsynth: writes Python functions from their docstrings and examples, and only offers code
//! that it has run against those examples.
//!
//! The pipeline (see `ARCHITECTURE.md`): [`spec`] extracts functions and their examples from
//! Python source; [`domain`] holds the program spaces (DSLs) and their writers; [`runner`] checks
//! candidates in a sandboxed Python process; [`pipeline`] ties them together for the CLI and LSP.

pub mod ask;
pub mod cancel;
pub mod check;
pub mod cli;
pub mod domain;
pub mod edit;
pub(crate) mod intent;
pub mod lsp;
pub mod neural;
pub mod pipeline;
pub mod rank;
pub mod runner;
pub mod spec;
pub mod text;
pub mod value;
