//! A thread-safe pool of runners for callers that check from several threads (the LSP).

use super::batch::Runner;
use super::config::{resolve_interpreter, Interpreter, RunnerConfig};
use super::RunnerError;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};

/// Hands out [`Runner`]s, reusing idle ones (their workers stay warm). Cheap to clone.
#[derive(Clone)]
pub struct RunnerPool {
    inner: Arc<PoolInner>,
}

struct PoolInner {
    config: RunnerConfig,
    interpreter: Interpreter,
    idle: Mutex<Vec<Runner>>,
    max_idle: usize,
}

impl RunnerPool {
    /// Probes the interpreter once; runners are started on demand and at most `max_idle` are
    /// kept warm.
    pub fn new(config: RunnerConfig, max_idle: usize) -> Result<Self, RunnerError> {
        let interpreter =
            resolve_interpreter(config.python.as_deref(), config.workspace.as_deref())?;
        Ok(Self {
            inner: Arc::new(PoolInner {
                config,
                interpreter,
                idle: Mutex::new(Vec::new()),
                max_idle,
            }),
        })
    }

    /// The interpreter all runners use.
    pub fn interpreter(&self) -> &Interpreter {
        &self.inner.interpreter
    }

    /// An idle runner, or a new one; it returns to the pool when dropped.
    pub fn get(&self) -> Result<PooledRunner, RunnerError> {
        let reused = self.inner.idle.lock().ok().and_then(|mut idle| idle.pop());
        let runner = match reused {
            Some(r) => r,
            None => {
                Runner::with_interpreter(self.inner.config.clone(), self.inner.interpreter.clone())?
            }
        };
        Ok(PooledRunner {
            pool: self.clone(),
            runner: Some(runner),
        })
    }
}

/// A runner borrowed from a [`RunnerPool`]; dereferences to [`Runner`].
pub struct PooledRunner {
    pool: RunnerPool,
    runner: Option<Runner>,
}

impl Deref for PooledRunner {
    type Target = Runner;
    fn deref(&self) -> &Runner {
        self.runner.as_ref().expect("runner present until drop")
    }
}

impl DerefMut for PooledRunner {
    fn deref_mut(&mut self) -> &mut Runner {
        self.runner.as_mut().expect("runner present until drop")
    }
}

impl Drop for PooledRunner {
    fn drop(&mut self) {
        if let Some(runner) = self.runner.take() {
            if let Ok(mut idle) = self.pool.inner.idle.lock() {
                if idle.len() < self.pool.inner.max_idle {
                    idle.push(runner);
                }
            }
        }
    }
}
