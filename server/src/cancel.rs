//! Cooperative cancellation shared by search, decoding and checking.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A cheap, clonable cancellation flag with an optional deadline.
///
/// Long-running work checks [`CancelToken::is_cancelled`] between steps and unwinds early.
#[derive(Clone, Debug, Default)]
pub struct CancelToken {
    flag: Arc<AtomicBool>,
    deadline: Option<Instant>,
}

impl CancelToken {
    /// A token that is never cancelled unless [`CancelToken::cancel`] is called.
    pub fn new() -> Self {
        Self::default()
    }

    /// A token that also counts as cancelled once `budget` has elapsed from now.
    pub fn with_budget(budget: Duration) -> Self {
        Self {
            flag: Arc::new(AtomicBool::new(false)),
            deadline: Instant::now().checked_add(budget),
        }
    }

    /// A child token sharing this token's flag but with a (possibly earlier) deadline.
    pub fn child_with_budget(&self, budget: Duration) -> Self {
        let own = Instant::now().checked_add(budget);
        let deadline = match (self.deadline, own) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Self {
            flag: Arc::clone(&self.flag),
            deadline,
        }
    }

    /// A child with `share` (0 to 1) of the time this token has left; a token without a
    /// deadline gives an unbounded child.
    pub fn child_with_share(&self, share: f64) -> Self {
        match self.remaining() {
            Some(left) => self.child_with_budget(left.mul_f64(share)),
            None => self.clone(),
        }
    }

    /// Requests cancellation; every clone observes it.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    /// True once cancelled or past the deadline.
    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed) || self.deadline.is_some_and(|d| Instant::now() >= d)
    }

    /// Time left before the deadline (`None` when there is no deadline).
    pub fn remaining(&self) -> Option<Duration> {
        self.deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
    }
}
