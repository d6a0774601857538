//! The checker: runs candidate bodies against examples in a sandboxed Python worker process.
