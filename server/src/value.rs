//! Python values as they appear in examples: parsed from literal source text and printed back.

use serde::{Deserialize, Serialize};

/// A Python value that examples can state as a literal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer (fits in i64; larger literals are not parsed).
    Int(i64),
    /// A float.
    Float(f64),
    /// A `str`.
    Str(String),
    /// A `list`.
    List(Vec<Value>),
    /// A `tuple`.
    Tuple(Vec<Value>),
    /// A `dict`, in source order.
    Dict(Vec<(Value, Value)>),
}
