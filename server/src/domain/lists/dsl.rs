//! The DeepCoder DSL (Balog et al. 2017, Appendix F) with ExeDec's conventions: 15 operations,
//! 19 lambdas, programs as statement sequences over `int` and `list[int]` variables.

/// Most variables (inputs plus statements) a program may have, as in ExeDec.
pub const MAX_VARIABLES: usize = 10;

/// ExeDec's int bound: every value must lie in `[-EXEDEC_MAX_INT, EXEDEC_MAX_INT]`.
pub const EXEDEC_MAX_INT: i64 = 50;

/// The type of a program variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// `int`.
    Int,
    /// `list[int]`.
    List,
}

/// The type of a lambda argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LambdaType {
    /// `int -> int`.
    IntToInt,
    /// `int -> bool`.
    IntToBool,
    /// `(int, int) -> int`.
    IntIntToInt,
}

/// The 15 operations, in ExeDec's vocabulary order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `xs[0]`, NULL when empty.
    Head,
    /// `xs[-1]`, NULL when empty.
    Last,
    /// `xs[:n]` (Python slicing).
    Take,
    /// `xs[n:]` (Python slicing).
    Drop,
    /// `xs[n]` when `0 <= n < len(xs)`, else NULL.
    Access,
    /// `min(xs)`, NULL when empty.
    Minimum,
    /// `max(xs)`, NULL when empty.
    Maximum,
    /// `xs[::-1]`.
    Reverse,
    /// `sorted(xs)`.
    Sort,
    /// `sum(xs)`.
    Sum,
    /// `[f(x) for x in xs]`.
    Map,
    /// `[x for x in xs if f(x)]`.
    Filter,
    /// `len([x for x in xs if f(x)])`.
    Count,
    /// `[f(x, y) for x, y in zip(xs, ys)]`.
    ZipWith,
    /// Running fold: `y0 = x0; yi = f(y(i-1), xi)`.
    Scanl1,
}

/// Every operation, in vocabulary order.
pub const ALL_OPS: [Op; 15] = [
    Op::Head,
    Op::Last,
    Op::Take,
    Op::Drop,
    Op::Access,
    Op::Minimum,
    Op::Maximum,
    Op::Reverse,
    Op::Sort,
    Op::Sum,
    Op::Map,
    Op::Filter,
    Op::Count,
    Op::ZipWith,
    Op::Scanl1,
];

impl Op {
    /// The ExeDec token (`Map`, `ZipWith`, ...).
    pub fn token(self) -> &'static str {
        match self {
            Op::Head => "Head",
            Op::Last => "Last",
            Op::Take => "Take",
            Op::Drop => "Drop",
            Op::Access => "Access",
            Op::Minimum => "Minimum",
            Op::Maximum => "Maximum",
            Op::Reverse => "Reverse",
            Op::Sort => "Sort",
            Op::Sum => "Sum",
            Op::Map => "Map",
            Op::Filter => "Filter",
            Op::Count => "Count",
            Op::ZipWith => "ZipWith",
            Op::Scanl1 => "Scanl1",
        }
    }

    /// Parses an ExeDec operation token.
    pub fn from_token(token: &str) -> Option<Op> {
        ALL_OPS.iter().copied().find(|op| op.token() == token)
    }

    /// The lambda argument type, for higher-order operations.
    pub fn lambda_type(self) -> Option<LambdaType> {
        match self {
            Op::Map => Some(LambdaType::IntToInt),
            Op::Filter | Op::Count => Some(LambdaType::IntToBool),
            Op::ZipWith | Op::Scanl1 => Some(LambdaType::IntIntToInt),
            _ => None,
        }
    }

    /// Types of the variable arguments (after the lambda, if any).
    pub fn arg_types(self) -> &'static [Type] {
        match self {
            Op::Take | Op::Drop | Op::Access => &[Type::Int, Type::List],
            Op::ZipWith => &[Type::List, Type::List],
            _ => &[Type::List],
        }
    }

    /// The result type.
    pub fn output_type(self) -> Type {
        match self {
            Op::Head | Op::Last | Op::Access | Op::Minimum | Op::Maximum | Op::Sum | Op::Count => {
                Type::Int
            }
            _ => Type::List,
        }
    }
}

/// The 19 lambdas, in ExeDec's vocabulary order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lambda {
    /// `x + 1`.
    PlusOne,
    /// `x - 1`.
    MinusOne,
    /// `x * 2`.
    TimesTwo,
    /// `x // 2`.
    DivTwo,
    /// `-x`.
    Negate,
    /// `x ** 2`.
    Square,
    /// `x * 3`.
    TimesThree,
    /// `x // 3`.
    DivThree,
    /// `x * 4`.
    TimesFour,
    /// `x // 4`.
    DivFour,
    /// `x > 0`.
    IsPositive,
    /// `x < 0`.
    IsNegative,
    /// `x % 2 == 0`.
    IsEven,
    /// `x % 2 == 1`.
    IsOdd,
    /// `x + y`.
    Add,
    /// `x - y`.
    Subtract,
    /// `x * y`.
    Multiply,
    /// `min(x, y)`.
    Min,
    /// `max(x, y)`.
    Max,
}

/// Every lambda, in vocabulary order.
pub const ALL_LAMBDAS: [Lambda; 19] = [
    Lambda::PlusOne,
    Lambda::MinusOne,
    Lambda::TimesTwo,
    Lambda::DivTwo,
    Lambda::Negate,
    Lambda::Square,
    Lambda::TimesThree,
    Lambda::DivThree,
    Lambda::TimesFour,
    Lambda::DivFour,
    Lambda::IsPositive,
    Lambda::IsNegative,
    Lambda::IsEven,
    Lambda::IsOdd,
    Lambda::Add,
    Lambda::Subtract,
    Lambda::Multiply,
    Lambda::Min,
    Lambda::Max,
];

impl Lambda {
    /// The ExeDec token (`(+1)`, `(min)`, ...).
    pub fn token(self) -> &'static str {
        match self {
            Lambda::PlusOne => "(+1)",
            Lambda::MinusOne => "(-1)",
            Lambda::TimesTwo => "(*2)",
            Lambda::DivTwo => "(/2)",
            Lambda::Negate => "(*(-1))",
            Lambda::Square => "(**2)",
            Lambda::TimesThree => "(*3)",
            Lambda::DivThree => "(/3)",
            Lambda::TimesFour => "(*4)",
            Lambda::DivFour => "(/4)",
            Lambda::IsPositive => "(>0)",
            Lambda::IsNegative => "(<0)",
            Lambda::IsEven => "(%2==0)",
            Lambda::IsOdd => "(%2==1)",
            Lambda::Add => "(+)",
            Lambda::Subtract => "(-)",
            Lambda::Multiply => "(*)",
            Lambda::Min => "(min)",
            Lambda::Max => "(max)",
        }
    }

    /// Parses an ExeDec lambda token.
    pub fn from_token(token: &str) -> Option<Lambda> {
        ALL_LAMBDAS.iter().copied().find(|l| l.token() == token)
    }

    /// The lambda's type.
    pub fn lambda_type(self) -> LambdaType {
        match self {
            Lambda::IsPositive | Lambda::IsNegative | Lambda::IsEven | Lambda::IsOdd => {
                LambdaType::IntToBool
            }
            Lambda::Add | Lambda::Subtract | Lambda::Multiply | Lambda::Min | Lambda::Max => {
                LambdaType::IntIntToInt
            }
            _ => LambdaType::IntToInt,
        }
    }

    /// Lambdas of one type, in vocabulary order.
    pub fn of_type(ty: LambdaType) -> impl Iterator<Item = Lambda> {
        ALL_LAMBDAS
            .iter()
            .copied()
            .filter(move |l| l.lambda_type() == ty)
    }

    /// Whether a binary lambda is commutative.
    pub fn is_commutative(self) -> bool {
        matches!(
            self,
            Lambda::Add | Lambda::Multiply | Lambda::Min | Lambda::Max
        )
    }

    /// Applies an `int -> int` lambda (floor division, as in Python).
    #[inline]
    pub fn apply1(self, x: i64) -> i64 {
        match self {
            Lambda::PlusOne => x + 1,
            Lambda::MinusOne => x - 1,
            Lambda::TimesTwo => x * 2,
            Lambda::DivTwo => x.div_euclid(2),
            Lambda::Negate => -x,
            Lambda::Square => x * x,
            Lambda::TimesThree => x * 3,
            Lambda::DivThree => x.div_euclid(3),
            Lambda::TimesFour => x * 4,
            Lambda::DivFour => x.div_euclid(4),
            _ => x,
        }
    }

    /// Applies an `int -> bool` lambda (Python's `%`, so `-3 % 2 == 1`).
    #[inline]
    pub fn test(self, x: i64) -> bool {
        match self {
            Lambda::IsPositive => x > 0,
            Lambda::IsNegative => x < 0,
            Lambda::IsEven => x.rem_euclid(2) == 0,
            Lambda::IsOdd => x.rem_euclid(2) == 1,
            _ => false,
        }
    }

    /// Applies an `(int, int) -> int` lambda.
    #[inline]
    pub fn apply2(self, x: i64, y: i64) -> i64 {
        match self {
            Lambda::Add => x + y,
            Lambda::Subtract => x - y,
            Lambda::Multiply => x * y,
            Lambda::Min => x.min(y),
            Lambda::Max => x.max(y),
            _ => x,
        }
    }
}

/// One statement `x<k> = Op [lambda] args...`; arguments are variable indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Statement {
    /// The operation.
    pub op: Op,
    /// The lambda, for higher-order operations.
    pub lambda: Option<Lambda>,
    /// Variable indices of the arguments (`args[..op.arg_types().len()]` are used).
    pub args: [u8; 2],
}

impl Statement {
    /// The variable arguments actually used.
    pub fn arg_vars(&self) -> &[u8] {
        &self.args[..self.op.arg_types().len()]
    }
}

/// A program: `num_inputs` input variables `x0..`, then one variable per statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Program {
    /// Types of the inputs `x0, x1, ...`.
    pub input_types: Vec<Type>,
    /// The statements; statement `i` defines variable `input_types.len() + i`.
    pub statements: Vec<Statement>,
}

/// Why a program is not well formed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgramError {
    /// A statement refers to a variable not yet defined.
    #[error("statement {0} refers to undefined variable x{1}")]
    Undefined(usize, u8),
    /// An argument has the wrong type.
    #[error("statement {0} passes x{1} with the wrong type")]
    WrongType(usize, u8),
    /// A higher-order operation lacks its lambda or has one of the wrong type.
    #[error("statement {0} has a missing or mistyped lambda")]
    BadLambda(usize),
    /// No statements, or more than ten variables.
    #[error("a program needs 1 to {MAX_VARIABLES} variables and at least one statement")]
    BadLength,
}

impl Program {
    /// Number of variables (inputs plus statements).
    pub fn num_variables(&self) -> usize {
        self.input_types.len() + self.statements.len()
    }

    /// Types of every variable, checking that the program is well formed.
    pub fn check(&self) -> Result<Vec<Type>, ProgramError> {
        if self.statements.is_empty() || self.num_variables() > MAX_VARIABLES {
            return Err(ProgramError::BadLength);
        }
        let mut types = self.input_types.clone();
        for (i, s) in self.statements.iter().enumerate() {
            match (s.op.lambda_type(), s.lambda) {
                (None, None) => {}
                (Some(t), Some(l)) if l.lambda_type() == t => {}
                _ => return Err(ProgramError::BadLambda(i)),
            }
            for (&var, &want) in s.arg_vars().iter().zip(s.op.arg_types()) {
                match types.get(var as usize) {
                    None => return Err(ProgramError::Undefined(i, var)),
                    Some(&t) if t != want => return Err(ProgramError::WrongType(i, var)),
                    Some(_) => {}
                }
            }
            types.push(s.op.output_type());
        }
        Ok(types)
    }

    /// The program's result type (the last statement's).
    pub fn output_type(&self) -> Type {
        self.statements
            .last()
            .map_or(Type::Int, |s| s.op.output_type())
    }

    /// Number of DSL nodes (operations plus lambdas), the size prior's measure.
    pub fn size(&self) -> usize {
        self.statements
            .iter()
            .map(|s| 1 + usize::from(s.lambda.is_some()))
            .sum()
    }
}
