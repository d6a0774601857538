//! A token-level grammar for DeepCoder lists programs as `domain::lists::tokens` writes them:
//! `x0 = INPUT | x1 = INPUT | x2 = Map (+1) x0 | x3 = ZipWith (+) x2 x1`.
//!
//! The state machine knows the task's input types (and, optionally, its output type), so it
//! only admits type-correct programs for that task: exactly one `xi = INPUT` per input, numbered
//! canonically, then statements `xk = Op [lambda] args` whose lambda has the operation's lambda
//! type and whose arguments are earlier variables of the operation's argument types, at least
//! one statement, at most [`MAX_VARIABLES`] variables, and a last statement of the task's output
//! type.

use super::{Grammar, EOS};
use crate::domain::lists::dsl::{Lambda, Op, Type, ALL_LAMBDAS, ALL_OPS, MAX_VARIABLES};
use crate::domain::lists::tokens::{EQUALS, FIRST_LAMBDA, FIRST_OP, FIRST_VAR, INPUT, SEP};

/// Tokens of the cheapest statement after a `|`: `xk = Op xj` (an operation of one list
/// argument exists for either result type).
const CHEAPEST_STATEMENT: usize = 4;

/// What the next token must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// After a complete statement: `|` or EOS.
    Boundary,
    /// The defined variable `x<defined>`.
    Var,
    /// `=`.
    Equals,
    /// `INPUT` (while inputs remain) or an operation.
    Rhs,
    /// The operation's lambda.
    Lambda(Op),
    /// The operation's argument number `.1`.
    Arg(Op, u8),
}

/// Decoder state of the lists grammar for one task (small and `Copy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListsGrammar {
    inputs: u8,
    output: Option<Type>,
    types: [Type; MAX_VARIABLES],
    defined: u8,
    phase: Phase,
}

fn op_of(token: u32) -> Option<Op> {
    ALL_OPS.get(token.checked_sub(FIRST_OP)? as usize).copied()
}

fn lambda_of(token: u32) -> Option<Lambda> {
    ALL_LAMBDAS
        .get(token.checked_sub(FIRST_LAMBDA)? as usize)
        .copied()
}

fn var_of(token: u32) -> Option<usize> {
    let i = token.checked_sub(FIRST_VAR)? as usize;
    (i < MAX_VARIABLES).then_some(i)
}

impl ListsGrammar {
    /// The state before the first token of a program for a task with these input types and,
    /// when known, this output type. More than [`MAX_VARIABLES`] - 1 inputs admit no program.
    pub fn new(input_types: &[Type], output: Option<Type>) -> Self {
        let mut types = [Type::List; MAX_VARIABLES];
        for (slot, t) in types.iter_mut().zip(input_types) {
            *slot = *t;
        }
        Self {
            inputs: input_types.len().min(MAX_VARIABLES + 1) as u8,
            output,
            types,
            defined: 0,
            phase: Phase::Var,
        }
    }

    fn defined(&self) -> usize {
        usize::from(self.defined)
    }

    fn in_inputs(&self) -> bool {
        self.defined() < usize::from(self.inputs)
    }

    fn has_var_of(&self, t: Type) -> bool {
        self.types[..self.defined()].contains(&t)
    }

    /// Whether every argument type of `op` has a variable defined so far.
    fn op_applicable(&self, op: Op) -> bool {
        op.arg_types().iter().all(|&t| self.has_var_of(t))
    }

    /// Whether some statement can be written once the inputs are defined (a list input exists).
    fn statements_possible(&self) -> bool {
        let n = usize::from(self.inputs);
        n <= MAX_VARIABLES && self.types[..n.min(MAX_VARIABLES)].contains(&Type::List)
    }

    fn last_type(&self) -> Option<Type> {
        self.defined().checked_sub(1).map(|i| self.types[i])
    }

    /// Whether a complete program may end here.
    fn complete(&self) -> bool {
        self.phase == Phase::Boundary
            && self.defined() > usize::from(self.inputs)
            && (self.output.is_none() || self.last_type() == self.output)
    }

    /// Tokens still needed after the current statement ends, given the variables defined then
    /// and the type of the last one (`None`: the statement's operation is still free to choose,
    /// so its type can be the output's).
    fn after_statement(&self, defined: usize, last: Option<Type>) -> usize {
        let n = usize::from(self.inputs);
        if !self.statements_possible() {
            return usize::MAX;
        }
        if defined < n {
            // The missing inputs (`| xi = INPUT`), then one statement of the right type.
            let missing = 4 * (n - defined);
            return if n < MAX_VARIABLES {
                missing + 1 + CHEAPEST_STATEMENT
            } else {
                usize::MAX
            };
        }
        let fits = last.is_none() || self.output.is_none() || last == self.output;
        if defined > n && fits {
            0
        } else if defined < MAX_VARIABLES {
            1 + CHEAPEST_STATEMENT
        } else {
            usize::MAX
        }
    }

    /// The current statement's remaining tokens and, when fixed, its result type.
    fn rest_of_statement(&self) -> (usize, Option<Type>) {
        let input = self.in_inputs();
        let input_type = Some(self.types[self.defined().min(MAX_VARIABLES - 1)]);
        match self.phase {
            Phase::Boundary => (0, self.last_type()),
            Phase::Var if input => (3, input_type),
            Phase::Equals if input => (2, input_type),
            Phase::Rhs if input => (1, input_type),
            Phase::Var => (CHEAPEST_STATEMENT, None),
            Phase::Equals => (CHEAPEST_STATEMENT - 1, None),
            Phase::Rhs => (CHEAPEST_STATEMENT - 2, None),
            Phase::Lambda(op) => (1 + op.arg_types().len(), Some(op.output_type())),
            Phase::Arg(op, i) => (
                op.arg_types().len() - usize::from(i),
                Some(op.output_type()),
            ),
        }
    }

    /// Ends the current statement, defining a variable of type `t`.
    fn define(&mut self, t: Type) {
        let k = self.defined();
        if let Some(slot) = self.types.get_mut(k) {
            *slot = t;
        }
        self.defined += 1;
        self.phase = Phase::Boundary;
    }

    /// After an operation's lambda or its first arguments: the next argument or the end.
    fn next_arg(&mut self, op: Op, i: u8) {
        if usize::from(i) < op.arg_types().len() {
            self.phase = Phase::Arg(op, i);
        } else {
            self.define(op.output_type());
        }
    }
}

impl Grammar for ListsGrammar {
    fn allows(&self, token: u32) -> bool {
        match self.phase {
            Phase::Boundary => {
                (token == SEP && self.defined() < MAX_VARIABLES)
                    || (token == EOS && self.complete())
            }
            Phase::Var => token == FIRST_VAR + u32::from(self.defined),
            Phase::Equals => token == EQUALS,
            Phase::Rhs if self.in_inputs() => token == INPUT,
            Phase::Rhs => op_of(token).is_some_and(|op| self.op_applicable(op)),
            Phase::Lambda(op) => {
                lambda_of(token).is_some_and(|l| Some(l.lambda_type()) == op.lambda_type())
            }
            Phase::Arg(op, i) => var_of(token).is_some_and(|v| {
                v < self.defined() && op.arg_types().get(usize::from(i)) == Some(&self.types[v])
            }),
        }
    }

    fn push(&mut self, token: u32) -> bool {
        if !self.allows(token) {
            return false;
        }
        match self.phase {
            Phase::Boundary if token == EOS => {}
            Phase::Boundary => self.phase = Phase::Var,
            Phase::Var => self.phase = Phase::Equals,
            Phase::Equals => self.phase = Phase::Rhs,
            Phase::Rhs if token == INPUT => {
                let t = self.types[self.defined()];
                self.define(t);
            }
            Phase::Rhs => {
                if let Some(op) = op_of(token) {
                    if op.lambda_type().is_some() {
                        self.phase = Phase::Lambda(op);
                    } else {
                        self.next_arg(op, 0);
                    }
                }
            }
            Phase::Lambda(op) => self.next_arg(op, 0),
            Phase::Arg(op, i) => self.next_arg(op, i + 1),
        }
        true
    }

    fn can_end(&self) -> bool {
        self.complete()
    }

    fn min_remaining(&self) -> usize {
        let (rest, ty) = self.rest_of_statement();
        let defined = self.defined() + usize::from(self.phase != Phase::Boundary);
        let after = self.after_statement(defined, ty);
        rest.saturating_add(after)
    }
}

/// True when `tokens` (no BOS/EOS) form a complete, type-correct program for a task with these
/// input types and output type.
pub fn is_valid_program(tokens: &[u32], input_types: &[Type], output: Option<Type>) -> bool {
    super::accepts(ListsGrammar::new(input_types, output), tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lists::text_form::parse_program;
    use crate::domain::lists::tokens::{program_tokens, vocabulary};

    fn ids(text: &str) -> Vec<u32> {
        let vocab = vocabulary();
        text.split_whitespace()
            .map(|w| {
                vocab
                    .iter()
                    .position(|v| v == w)
                    .unwrap_or_else(|| panic!("no token `{w}`")) as u32
            })
            .collect()
    }

    const L: Type = Type::List;
    const I: Type = Type::Int;

    #[test]
    fn accepts_well_typed_programs() {
        let p = ids("x0 = INPUT | x1 = INPUT | x2 = Take x1 x0 | x3 = Map (*2) x2 | x4 = Sum x3");
        assert!(is_valid_program(&p, &[L, I], Some(I)));
        assert!(is_valid_program(&p, &[L, I], None));
        let p = ids("x0 = INPUT | x1 = ZipWith (max) x0 x0 | x2 = Scanl1 (+) x1");
        assert!(is_valid_program(&p, &[L], Some(L)));
    }

    #[test]
    fn rejects_ill_typed_and_incomplete_programs() {
        let reject = |text: &str, ins: &[Type], out: Option<Type>| {
            assert!(!is_valid_program(&ids(text), ins, out), "accepted `{text}`");
        };
        reject("x0 = INPUT", &[L], None); // no statement
        reject("x0 = INPUT | x1 = Sum x0", &[L, L], None); // one input missing
        reject(
            "x0 = INPUT | x1 = INPUT | x2 = INPUT | x3 = Sum x0",
            &[L, L],
            None,
        );
        reject("x0 = INPUT | x1 = Sum x0", &[I], None); // Sum of an int
        reject("x0 = INPUT | x1 = INPUT | x2 = Take x0 x1", &[L, I], None); // swapped args
        reject("x0 = INPUT | x1 = Map (+) x0", &[L], None); // binary lambda for Map
        reject("x0 = INPUT | x1 = Filter (*2) x0", &[L], None); // int->int for Filter
        reject("x0 = INPUT | x1 = Map x0", &[L], None); // missing lambda
        reject("x0 = INPUT | x1 = Reverse x1", &[L], None); // self reference
        reject("x0 = INPUT | x1 = Reverse x2", &[L], None); // undefined variable
        reject("x0 = INPUT | x2 = Reverse x0", &[L], None); // numbering
        reject("x1 = INPUT | x0 = Reverse x1", &[L], None); // numbering
        reject("x0 = INPUT | x1 = Reverse x0", &[L], Some(I)); // output type
        reject("x0 = INPUT | x1 = Sum x0", &[L], Some(L)); // output type
        reject("x0 = INPUT | x1 = Sum x0 |", &[L], None); // dangling separator
        reject("x0 = INPUT | x1 = ZipWith (+) x0", &[L], None); // missing argument
        reject("x0 = INPUT | x1 = Reverse x0 x0", &[L], None); // extra argument
    }

    #[test]
    fn never_more_than_ten_variables() {
        let mut text = String::from("x0 = INPUT");
        for k in 1..MAX_VARIABLES {
            text.push_str(&format!(" | x{k} = Reverse x{}", k - 1));
        }
        let p = ids(&text);
        assert!(is_valid_program(&p, &[L], Some(L)));
        let mut g = ListsGrammar::new(&[L], Some(L));
        assert!(p.iter().all(|&t| g.push(t)));
        assert!(!g.allows(SEP));
        // With an int output the 10th variable is a dead end.
        let mut g = ListsGrammar::new(&[L], Some(I));
        assert!(p[..p.len() - 5].iter().all(|&t| g.push(t)));
        assert_eq!(g.min_remaining(), 1 + CHEAPEST_STATEMENT);
        let sep = p[p.len() - 5];
        assert!(g.allows(sep) && g.push(sep));
        assert_eq!(g.min_remaining(), CHEAPEST_STATEMENT);
        assert!(g.push(FIRST_VAR + 9) && g.push(EQUALS));
        let reverse = ids("Reverse")[0];
        assert!(g.allows(reverse));
        assert!(
            !g.allows_within(reverse, 100),
            "Reverse cannot end an int program"
        );
        assert!(g.allows_within(ids("Sum")[0], 100));
    }

    #[test]
    fn min_remaining_is_exact_for_the_cheapest_completion() {
        let mut g = ListsGrammar::new(&[L, I], Some(I));
        // `x0 = INPUT | x1 = INPUT | x2 = Sum x0` is 12 tokens.
        assert_eq!(g.min_remaining(), 12);
        let p = ids("x0 = INPUT | x1 = INPUT | x2 = Sum x0");
        for (k, &t) in p.iter().enumerate() {
            assert!(g.push(t));
            assert_eq!(g.min_remaining(), p.len() - k - 1, "after {k} tokens");
        }
        assert!(g.can_end());
        // A task without a list input admits no program at all.
        let g = ListsGrammar::new(&[I], None);
        assert_eq!(g.min_remaining(), usize::MAX);
    }

    #[test]
    fn length_cap_prunes_what_cannot_finish() {
        let mut g = ListsGrammar::new(&[L], None);
        for t in ids("x0 = INPUT | x1 =") {
            assert!(g.push(t));
        }
        let zip = ids("ZipWith")[0];
        let rev = ids("Reverse")[0];
        // After the operation: `x0 EOS` = 2 tokens for Reverse, `(+) x0 x0 EOS` = 4 for ZipWith.
        assert!(g.allows_within(rev, 2) && !g.allows_within(rev, 1));
        assert!(g.allows_within(zip, 4) && !g.allows_within(zip, 3));
    }

    #[test]
    fn every_exedec_deepcoder_test_program_is_accepted_token_by_token() {
        // `../shared/benchmarks` of the checkout (worktrees live deeper: nearest ancestor).
        let Some(path) = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|a| a.join("shared/benchmarks/exedec_deepcoder_test.jsonl"))
            .find(|p| p.exists())
        else {
            eprintln!("skipping: no shared/benchmarks/exedec_deepcoder_test.jsonl");
            return;
        };
        let tasks = match crate::domain::lists::load_exedec_tasks(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("skipping: {e}");
                return;
            }
        };
        assert_eq!(tasks.len(), 6000);
        let mut longest = 0;
        for (split, task, truth) in &tasks {
            let program = parse_program(truth).expect("parses");
            let tokens = program_tokens(&program);
            longest = longest.max(tokens.len());
            let ex = &task.examples[0];
            let ins: Vec<Type> = ex
                .inputs
                .iter()
                .map(|v| crate::domain::lists::to_dsl(v).expect("dsl").ty())
                .collect();
            let out = crate::domain::lists::to_dsl(&ex.output).expect("dsl").ty();
            let mut g = ListsGrammar::new(&ins, Some(out));
            for (k, &t) in tokens.iter().enumerate() {
                let left = tokens.len() - k;
                assert!(g.min_remaining() <= left, "{split} `{truth}` at {k}");
                assert!(g.allows_within(t, left), "{split} `{truth}` token {k}");
                assert!(g.push(t));
            }
            assert!(g.can_end() && g.allows(EOS), "{split} `{truth}`");
            assert!(!g.allows(EOS) || g.min_remaining() == 0);
            // Any other input signature or output type rejects it (when that type is used).
            let other = if out == L { I } else { L };
            assert!(!is_valid_program(&tokens, &ins, Some(other)), "{truth}");
            // Dropping the last token leaves an incomplete program.
            assert!(!is_valid_program(&tokens[..tokens.len() - 1], &ins, None));
        }
        println!("longest test program: {longest} tokens");
    }
}
