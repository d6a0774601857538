//! Token-level grammars that mask the program decoder, one per domain, so that every finished
//! beam is a valid program: [`strings`] (RobustFill, prefix notation) and [`lists`] (DeepCoder
//! statements, type-checked against the task). The beam search is generic over [`Grammar`].

pub mod lists;
pub mod strings;

/// End of program (the same id in every domain's token table).
pub const EOS: u32 = 2;

/// A decoder state of a token grammar: what may come next, and how far the end is.
pub trait Grammar: Clone {
    /// True when `token` may come next (`EOS` only when the program is complete).
    fn allows(&self, token: u32) -> bool;

    /// Consumes `token`; returns false (leaving the state unchanged) when it is not allowed.
    /// `EOS` is accepted without changing the state.
    fn push(&mut self, token: u32) -> bool;

    /// True when the program so far is complete (EOS allowed).
    fn can_end(&self) -> bool;

    /// A lower bound on the tokens still needed before EOS (EOS itself not counted);
    /// `usize::MAX` when the program can no longer be completed.
    fn min_remaining(&self) -> usize;

    /// True when `token` may come next and the program can still end within `budget` tokens
    /// after it (EOS included): the program length cap.
    fn allows_within(&self, token: u32, budget: usize) -> bool {
        if !self.allows(token) {
            return false;
        }
        if token == EOS {
            return true;
        }
        let mut next = self.clone();
        next.push(token) && next.min_remaining().saturating_add(1) <= budget
    }
}

/// True when `tokens` (no BOS/EOS) drive `start` to a complete program.
pub fn accepts<G: Grammar>(mut start: G, tokens: &[u32]) -> bool {
    tokens.iter().all(|&t| t != EOS && start.push(t)) && start.can_end()
}
