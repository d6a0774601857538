//! A token-level grammar for RobustFill programs (prefix notation, arities from the DSL), used
//! to mask the decoder so every finished beam is a syntactically valid program.
//!
//! Token ids follow `robustfill_token_ids.json`: ops 3..=18, characters 19..=101, types
//! 102..=109, cases 110..=112, boundaries 113..=114, integers -100..=100 at 115..=315.

use super::{Grammar, EOS};

const COMPOSE: u32 = 3;
const CONST_STR: u32 = 4;
const SUB_STR: u32 = 5;
const GET_SPAN: u32 = 6;
const FIRST_OP: u32 = 3;
const LAST_OP: u32 = 18;
const FIRST_CHAR: u32 = 19;
const LAST_CHAR: u32 = 101;
const FIRST_TYPE: u32 = 102;
const LAST_TYPE: u32 = 109;
const FIRST_CASE: u32 = 110;
const LAST_CASE: u32 = 112;
const FIRST_BOUNDARY: u32 = 113;
const LAST_BOUNDARY: u32 = 114;
const FIRST_INT: u32 = 115;
const LAST_INT: u32 = 315;
const ZERO: u32 = 215;

/// What the next token must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// Any operation except Compose's restrictions (a top-level expression).
    Expr,
    /// Compose's first argument: a modification/nesting operation.
    ComposeOuter,
    /// Compose's second argument: a substring or modification operation.
    ComposeInner,
    Char,
    Regex,
    Type,
    Case,
    Boundary,
    Position,
    Index,
}

/// Decoder state: the argument slots still to fill, innermost last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GrammarState {
    pending: Vec<Slot>,
    expressions: usize,
}

fn arguments(op: u32) -> &'static [Slot] {
    use Slot::*;
    match op {
        COMPOSE => &[ComposeOuter, ComposeInner],
        CONST_STR => &[Char],
        SUB_STR => &[Position, Position],
        GET_SPAN => &[Regex, Index, Boundary, Regex, Index, Boundary],
        7 => &[Type, Index],        // GetToken
        8 => &[Case],               // ToCase
        9 => &[Char, Char],         // Replace
        10 => &[],                  // Trim
        11 | 12 => &[Regex],        // GetUpto, GetFrom
        13 => &[Type, Index],       // GetFirst
        14 => &[Type],              // GetAll
        15 => &[Type, Index, Char], // Substitute
        16 => &[Type, Char],        // SubstituteAll
        17 => &[Type, Index],       // Remove
        18 => &[Type],              // RemoveAll
        _ => &[],
    }
}

fn slot_allows(slot: Slot, t: u32) -> bool {
    match slot {
        Slot::Expr => (FIRST_OP..=LAST_OP).contains(&t),
        Slot::ComposeOuter => (7..=LAST_OP).contains(&t),
        Slot::ComposeInner => (SUB_STR..=LAST_OP).contains(&t),
        Slot::Char => (FIRST_CHAR..=LAST_CHAR).contains(&t),
        Slot::Regex => {
            (FIRST_CHAR..=LAST_CHAR).contains(&t) || (FIRST_TYPE..=LAST_TYPE).contains(&t)
        }
        Slot::Type => (FIRST_TYPE..=LAST_TYPE).contains(&t),
        Slot::Case => (FIRST_CASE..=LAST_CASE).contains(&t),
        Slot::Boundary => (FIRST_BOUNDARY..=LAST_BOUNDARY).contains(&t),
        Slot::Position => (FIRST_INT..=LAST_INT).contains(&t),
        Slot::Index => t != ZERO && (ZERO - 5..=ZERO + 5).contains(&t),
    }
}

impl GrammarState {
    /// The state before the first token.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when `token` may come next.
    pub fn allows(&self, token: u32) -> bool {
        match self.pending.last() {
            Some(&slot) => slot_allows(slot, token),
            None => slot_allows(Slot::Expr, token) || (token == EOS && self.expressions > 0),
        }
    }

    /// True when the program so far is complete (EOS allowed).
    pub fn can_end(&self) -> bool {
        self.pending.is_empty() && self.expressions > 0
    }

    /// Minimum number of tokens still needed before EOS (EOS itself not counted).
    pub fn min_remaining(&self) -> usize {
        let open = self.pending.len();
        if open == 0 && self.expressions == 0 {
            2
        } else {
            open
        }
    }

    /// Consumes `token`; returns false (leaving the state unchanged) when it is not allowed.
    pub fn push(&mut self, token: u32) -> bool {
        if !self.allows(token) {
            return false;
        }
        if token == EOS {
            return true;
        }
        let slot = self.pending.pop();
        if slot.is_none() {
            self.expressions += 1;
        }
        if matches!(
            slot,
            None | Some(Slot::Expr | Slot::ComposeOuter | Slot::ComposeInner)
        ) {
            self.pending.extend(arguments(token).iter().rev());
        }
        true
    }
}

impl Grammar for GrammarState {
    fn allows(&self, token: u32) -> bool {
        GrammarState::allows(self, token)
    }

    fn push(&mut self, token: u32) -> bool {
        GrammarState::push(self, token)
    }

    fn can_end(&self) -> bool {
        GrammarState::can_end(self)
    }

    fn min_remaining(&self) -> usize {
        GrammarState::min_remaining(self)
    }
}

/// True when `tokens` (no BOS/EOS) form a complete program under the grammar.
pub fn is_valid_program(tokens: &[u32]) -> bool {
    super::accepts(GrammarState::new(), tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_exedec_examples() {
        // Const('k') | GetToken(CHAR,-4) | ToCase(ALL_CAPS)(Remove(CHAR,1))
        let p = [4, 29, 7, 109, 211, 3, 8, 111, 17, 109, 216];
        assert!(is_valid_program(&p));
    }

    #[test]
    fn rejects_incomplete_and_ill_typed_programs() {
        assert!(!is_valid_program(&[]));
        assert!(!is_valid_program(&[5, 216])); // SubStr missing an argument
        assert!(!is_valid_program(&[7, 216, 109])); // GetToken(index, type): wrong order
        assert!(!is_valid_program(&[3, 5, 216, 217, 10])); // Compose(SubStr, …) not allowed
        assert!(!is_valid_program(&[7, 109, 215])); // index 0
    }

    #[test]
    fn eos_only_when_complete() {
        let mut g = GrammarState::new();
        assert!(!g.allows(EOS));
        assert!(g.push(10)); // Trim
        assert!(g.allows(EOS));
        assert!(g.push(8)); // ToCase
        assert!(!g.allows(EOS));
        assert!(!g.push(102));
        assert!(g.push(110));
        assert!(g.can_end());
    }
}
