//! Panic containment: no request, notification or background job may bring the server down.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, MutexGuard};

/// Runs `f`, turning a panic into an error that names `what`.
pub fn catch<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| format!("{what} panicked: {}", panic_text(&*p)))
}

/// Runs a future on its own task, turning a panic into an error that names `what`.
pub async fn spawn_caught<T, F>(what: &str, fut: F) -> Result<T, String>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    tokio::spawn(fut).await.map_err(|e| {
        if e.is_panic() {
            format!("{what} panicked: {}", panic_text(&*e.into_panic()))
        } else {
            format!("{what} was cancelled")
        }
    })
}

/// Runs blocking work on the blocking pool, turning a panic into an error.
pub async fn blocking<T, F>(what: &str, f: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let name = what.to_string();
    match tokio::task::spawn_blocking(move || catch(&name, f)).await {
        Ok(r) => r,
        Err(e) => Err(format!("{what} did not finish: {e}")),
    }
}

/// Locks a mutex, recovering the data if an earlier holder panicked.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}
