//! The pipeline shared by the CLI and the language server: spec → domain → writers → checker →
//! ranker.
