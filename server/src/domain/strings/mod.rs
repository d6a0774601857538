//! The string program space: the RobustFill DSL of the Latent Programmer release, extended to
//! several inputs and all printable ASCII.

pub mod dsl;
pub mod interp;
pub mod tokens;
