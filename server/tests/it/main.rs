//! The one integration-test binary: every behaviour test of the `docsynth` crate and binary.

mod check_cli;
mod common;
mod hostile;
mod lists_bench;
mod lists_dsl;
mod lists_python;
mod lsp_code_actions;
mod lsp_diagnostics;
mod lsp_hostile_input;
mod lsp_protocol;
mod lsp_random_edits;
mod lsp_trust;
mod neural_lists;
mod neural_ort;
mod python_pipeline;
mod runner_batch;
mod runner_sandbox;
mod runner_semantics;
mod runner_support;
mod spec_fixtures;
mod spec_robustness;
mod spec_value_repr;
mod staged_writers;
mod strings_exedec;
mod strings_pipeline;
mod strings_render_differential;
