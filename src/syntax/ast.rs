//! The syntax tree of an M routine. Every command and expression keeps its source span so a
//! run-time error can point into the line. The tree is built once per routine and never
//! re-parsed; the evaluator walks it by reference.

use std::rc::Rc;

use crate::error::{MError, Span};
use crate::intern::{Sym, SymMap};
use crate::number::{NumError, Number};
use crate::syntax::pattern::Pattern;
use crate::value::Value;

mod builtin;
mod cmdargs;
mod device;
mod set;
pub use builtin::*;
pub use cmdargs::*;
pub use device::*;
pub use set::*;

/// A parsed routine (or one direct-mode line, as a routine of one line).
#[derive(Debug)]
pub struct Routine {
    pub name: Sym,
    pub source: Rc<str>,
    pub lines: Vec<Line>,
    /// Label name -> index into `lines`.
    pub labels: SymMap<usize>,
    /// XECUTE text and indirection run as a one-line routine of their own: labels in it
    /// refer to the routine it was called from.
    pub xecute: bool,
}

#[derive(Debug)]
pub struct Line {
    pub label: Option<Label>,
    /// Number of leading dots: the argumentless-DO block level.
    pub level: usize,
    /// How many lines right after this one are deeper (the dot blocks under it): the block
    /// loop steps over them at once. Filled when the routine is loaded (`parse_routine`);
    /// 0 for a line on its own.
    pub deeper: usize,
    /// The commands up to the first syntax error, if any.
    pub body: Vec<Cmd>,
    /// GT.M compiles a bad line up to the error: the commands before it run, then the error
    /// is raised when the line ends (even when IF skipped the rest).
    pub error: Option<MError>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Label {
    pub name: Sym,
    pub formals: Option<Vec<Sym>>,
    /// Run-time state GT.M keeps per label: once called with an actual list, every later
    /// call NEWs the formals, even a `DO label` without one (before that, it does not).
    pub called_with_actuals: std::cell::Cell<bool>,
}

#[derive(Debug)]
pub struct Cmd {
    pub kind: CmdKind,
    /// The postconditional: the command runs only when it is true.
    pub cond: Option<Expr>,
    pub span: Span,
    /// `kind`'s shape, decoded once by `Cmd::new`: the command loop dispatches on this byte.
    pub op: CmdOp,
}

impl Cmd {
    pub fn new(kind: CmdKind, cond: Option<Expr>, span: Span) -> Cmd {
        let op = CmdOp::of(&kind);
        Cmd {
            kind,
            cond,
            span,
            op,
        }
    }
}

/// The commands the command loop runs itself, told apart by one byte (`Cmd::op`) instead of
/// `CmdKind`'s tag, which sits in a niche of its payload and takes several instructions to
/// decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmdOp {
    Set,
    /// Argumentless DO: the dot block below.
    DoBlock,
    Do,
    /// Argumentless QUIT.
    Quit,
    QuitValue,
    For,
    If,
    Else,
    /// IF or ELSE on a line with a syntax error after it: when it skips the rest of the
    /// line, that error is not raised (`Interp::rest_skipped`). Set by the parser
    /// (`CmdOp::on_bad_line`), so that IF and ELSE elsewhere need not look at their line.
    IfOnBadLine,
    ElseOnBadLine,
    Xecute,
    /// NEW of names only (`new c`, `new i,j`): no special variable, exclusive NEW or
    /// indirection.
    NewNames,
    Other,
}

impl CmdOp {
    pub fn of(kind: &CmdKind) -> CmdOp {
        match kind {
            CmdKind::Set(_) => CmdOp::Set,
            CmdKind::Do(args) if args.is_empty() => CmdOp::DoBlock,
            CmdKind::Do(_) => CmdOp::Do,
            CmdKind::Quit(None) => CmdOp::Quit,
            CmdKind::Quit(Some(_)) => CmdOp::QuitValue,
            CmdKind::For(_) => CmdOp::For,
            CmdKind::If(_) => CmdOp::If,
            CmdKind::Else => CmdOp::Else,
            CmdKind::Xecute(_) => CmdOp::Xecute,
            CmdKind::New(Some(args)) if args.iter().all(|a| matches!(a, NewArg::Name(_))) => {
                CmdOp::NewNames
            }
            _ => CmdOp::Other,
        }
    }

    /// The op of a command on a line whose commands end in a syntax error.
    pub fn on_bad_line(self) -> CmdOp {
        match self {
            CmdOp::If => CmdOp::IfOnBadLine,
            CmdOp::Else => CmdOp::ElseOnBadLine,
            op => op,
        }
    }
}

#[derive(Debug)]
pub enum CmdKind {
    Set(Vec<SetArg>),
    Write(Vec<WriteArg>),
    Read(Vec<ReadArg>),
    Kill(Option<Vec<KillArg>>),
    New(Option<Vec<NewArg>>),
    If(Vec<Expr>),
    Else,
    /// FOR's scope is the rest of the line; `None` is the argumentless FOR.
    For(Option<ForArg>),
    /// An empty list is the argumentless DO of a dot block.
    Do(Vec<DoArg>),
    Goto(Vec<GotoArg>),
    Quit(Option<Expr>),
    Halt,
    Hang(Vec<Expr>),
    Xecute(Vec<Conditional>),
    Open(Vec<DeviceArg>),
    Use(Vec<DeviceArg>),
    Close(Vec<DeviceArg>),
    ZHalt(Option<Expr>),
    View(Vec<ViewArg>),
    /// `ZSYSTEM cmd,...` (GT.M has no argument postconditionals here); with no argument, an
    /// interactive shell.
    ZSystem(Option<Vec<Expr>>),
    /// `ZWRITE` with no argument: every local variable.
    ZWrite(Option<Vec<ZwArg>>),
    ZLink(Vec<Expr>),
    /// `ZGOTO level:entryref`; no argument is ZGOTO to level 1... as GT.M: the top.
    ZGoto(Option<ZGotoArg>),
    Merge(Vec<MergeArg>),
    ZShow(Option<Vec<ZShowArg>>),
    Job(Vec<JobArg>),
    ZKill(Vec<KillArg>),
    /// `LOCK` with no argument releases every lock.
    Lock(Option<Vec<LockArg>>),
    ZAllocate(Vec<LockArg>),
    ZDeallocate(Option<Vec<LockArg>>),
    /// `TSTART` with no argument starts a transaction that cannot restart.
    Tstart(Option<TstartArg>),
    Tcommit,
    Trollback(Option<Expr>),
    Trestart,
    /// BREAK: stop in direct mode (a routine run without a terminal goes on).
    Break,
    /// `ZBREAK label^routine[:action[:count]]`, `ZBREAK -label^routine`, `ZBREAK -*`.
    ZBreak(Vec<ZBreakArg>),
    /// ZCONTINUE: leave the stop and go on.
    ZContinue,
    /// `ZSTEP [INTO|OVER|OUTOF]`: go on and stop at the next line of that kind.
    ZStep(StepKind),
    /// `ZPRINT [entryref[:entryref]]`: the lines of a routine, or of a range.
    ZPrint(Option<(EntryRef, Option<EntryRef>)>),
    /// `ZMESSAGE code[:detail...],...`: raise (or show) GT.M's message with that number.
    ZMessage(Vec<ZMessageArg>),
    /// A valid M command minim does not provide: raises INVCMD naming it when executed.
    Unsupported(&'static str),
    /// A command whose arguments name an unknown function, special variable or
    /// deviceparameter: GT.M compiles it into this error, raised only when the command runs.
    Deferred(Box<MError>),
}

/// An expression with an optional `:condition` (XECUTE, DO and GOTO arguments).
#[derive(Debug)]
pub struct Conditional {
    pub expr: Expr,
    pub cond: Option<Expr>,
    /// XECUTE: a literal's text parsed once, or the texts a computed argument ran last.
    pub compiled: CompiledXecute,
}

/// XECUTE text parsed, with whether GT.M runs it inline (in the current frame: none of its
/// commands is NEW, QUIT, GOTO or FOR and it holds no indirection).
#[derive(Clone, Debug)]
pub struct XecuteCode {
    pub routine: Rc<Routine>,
    pub inlines: bool,
}

/// The parsed text of an XECUTE argument (see `Conditional::compiled`): a literal's one
/// text, or the last few texts of a computed argument (bounded in `eval::xecute`).
#[derive(Debug, Default)]
pub struct CompiledXecute(pub std::cell::RefCell<Vec<XecuteCode>>);

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// How the evaluator runs this node: a handler chosen for its shape on its first
    /// evaluation (`eval::expr`), so later evaluations dispatch on nothing.
    pub form: ExprForm,
    /// How a condition (IF's argument, a postcondition) tests this node: a handler chosen
    /// for its shape on its first test (`eval::truth`).
    pub truth: TruthForm,
    /// Evaluating it may change a local variable: it holds an extrinsic, `$INCREMENT` or
    /// indirection (whose text may hold either). GT.M reads a plain local operand only when
    /// the operation that uses it runs, after such a neighbour (see `eval::order`).
    pub changes_locals: bool,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        let changes_locals = kind.changes_locals();
        Expr {
            kind,
            span,
            form: ExprForm::default(),
            truth: TruthForm::default(),
            changes_locals,
        }
    }

    /// An unsubscripted local variable, `x`.
    pub fn is_plain_local(&self) -> bool {
        matches!(&self.kind, ExprKind::Var(Glvn::Local(_, subs)) if subs.is_empty())
    }
}

impl ExprKind {
    /// See `Expr::changes_locals`; the children's flags are already known.
    fn changes_locals(&self) -> bool {
        let any = |es: &[Expr]| es.iter().any(|e| e.changes_locals);
        match self {
            ExprKind::Lit(_) | ExprKind::Svn(_) => false,
            ExprKind::Extrinsic(..) | ExprKind::Func(Func::Increment, _) => true,
            ExprKind::Var(g) => match g {
                Glvn::Local(_, subs) | Glvn::Global(_, subs) | Glvn::Naked(subs) => any(subs),
                Glvn::Indirect(..) => true,
                Glvn::Extended(x) => any(&x.env) || any(&x.subs),
            },
            ExprKind::Func(_, args) => any(args),
            ExprKind::Select(pairs) => pairs
                .iter()
                .any(|(c, v)| c.changes_locals || v.changes_locals),
            ExprKind::Text(t) => t.offset.as_ref().is_some_and(|o| o.changes_locals),
            ExprKind::Unary(_, x) => x.changes_locals,
            ExprKind::Binary { lhs, rhs, .. } => lhs.changes_locals || rhs.changes_locals,
            ExprKind::Match { lhs, pattern, .. } => {
                lhs.changes_locals || matches!(pattern, PatternRef::Indirect(p) if p.changes_locals)
            }
        }
    }
}

/// The handler the evaluator chose for an expression node (see `Expr::form`).
pub type EvalFn =
    fn(&mut crate::eval::Interp, &Expr, &crate::eval::Here) -> crate::error::MResult<Value>;

#[derive(Debug, Default)]
pub struct ExprForm(pub std::cell::Cell<Option<EvalFn>>);

/// The handler the evaluator chose to test an expression's truth (see `Expr::truth`).
pub type TruthFn =
    fn(&mut crate::eval::Interp, &Expr, &crate::eval::Here) -> crate::error::MResult<bool>;

#[derive(Debug, Default)]
pub struct TruthForm(pub std::cell::Cell<Option<TruthFn>>);

#[derive(Debug)]
pub enum ExprKind {
    /// A string or number literal, converted once at parse time.
    Lit(Value),
    Var(Glvn),
    Func(Func, Vec<Expr>),
    /// `$SELECT(cond:value,...)`.
    Select(Vec<(Expr, Expr)>),
    /// `$TEXT(label+offset^routine)`.
    Text(Box<EntryRef>),
    Svn(Svn),
    Extrinsic(Box<EntryRef>, Vec<Actual>),
    Unary(UnOp, Box<Expr>),
    /// A binary operator, `negated` for the `'=`, `'<`, ... forms.
    Binary {
        op: BinOp,
        negated: bool,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Match {
        negated: bool,
        lhs: Box<Expr>,
        pattern: PatternRef,
    },
}

#[derive(Debug)]
pub enum PatternRef {
    Lit(Rc<Pattern>),
    /// `?@expr`: the pattern text is evaluated and parsed at run time.
    Indirect(Box<Expr>),
}

/// A variable reference: local, global, or a name made by indirection.
#[derive(Debug)]
pub enum Glvn {
    Local(Sym, Vec<Expr>),
    Global(Sym, Vec<Expr>),
    /// `^(subscripts)`: the naked reference, relative to the last global reference.
    Naked(Vec<Expr>),
    /// `@expr` or `@expr@(subscripts)`.
    Indirect(Box<Expr>, Vec<Expr>),
    /// `^|env|name(subscripts)` or `^[env]name(subscripts)`: a global in a named global
    /// directory.
    Extended(Box<ExtGlobal>),
}

#[derive(Debug)]
pub struct ExtGlobal {
    /// One or two expressions: the global directory (and a second GT.M passes on).
    pub env: Vec<Expr>,
    /// Written `^[...]` rather than `^|...|`.
    pub bracket: bool,
    pub name: Sym,
    pub subs: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Plus,
    Minus,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Concat,
    Add,
    Sub,
    Mul,
    Div,
    IntDiv,
    Mod,
    Pow,
    Eq,
    Lt,
    Gt,
    Contains,
    Follows,
    SortsAfter,
    And,
    Or,
}

impl BinOp {
    pub fn is_arith(self) -> bool {
        matches!(
            self,
            BinOp::Add
                | BinOp::Sub
                | BinOp::Mul
                | BinOp::Div
                | BinOp::IntDiv
                | BinOp::Mod
                | BinOp::Pow
        )
    }

    /// An arithmetic operator on two values: each operand's number is made (or read from its
    /// cache) once. The evaluator and constant folding both use it, so they cannot differ.
    #[inline(always)]
    pub fn arith(self, a: &Value, b: &Value) -> Result<Number, NumError> {
        let (x, y) = (a.num_checked()?, b.num_checked()?);
        match self {
            BinOp::Add => x.add(y),
            BinOp::Sub => x.sub(y),
            BinOp::Mul => x.mul(y),
            BinOp::Div => x.div(y),
            BinOp::IntDiv => x.int_div(y),
            BinOp::Mod => x.modulo(y),
            _ => x.pow(y),
        }
    }
}

/// `label+offset^routine` as written in DO, GOTO, `$$` and `$TEXT`.
#[derive(Debug)]
pub struct EntryRef {
    pub label: Option<NameRef>,
    pub offset: Option<Expr>,
    pub routine: Option<NameRef>,
    pub span: Span,
    /// The line a reference without indirection or offset resolved to, kept so that a call
    /// looks up nothing.
    pub resolved: ResolvedTarget,
}

/// A call target resolved once (see `EntryRef::resolved`).
#[derive(Debug, Default)]
pub struct ResolvedTarget {
    /// A plain `label` in a routine's own code: the routine that ran it and the label's line
    /// there, set on the first call. A routine's labels never change, so this holds for as
    /// long as that same routine runs the reference (the `Weak` keeps its address from being
    /// reused by another).
    pub local: std::cell::OnceCell<(std::rc::Weak<Routine>, usize)>,
    /// Any other reference without indirection or offset: `(generation of the routine table,
    /// routine, line)`, good while no routine is replaced.
    pub far: std::cell::RefCell<Option<(u64, std::rc::Weak<Routine>, usize)>>,
}

#[derive(Debug)]
pub enum NameRef {
    Name(Sym),
    Indirect(Box<Expr>),
}

/// An actual parameter of DO or `$$`.
#[derive(Debug)]
pub enum Actual {
    /// Left out: `f(1,,3)`.
    Empty,
    Value(Expr),
    /// `.name`: passed by reference.
    ByRef(Sym, Span),
}

// `Call` is DO's ordinary argument, run on every call: kept in place (no box to follow);
// `Indirect` is the rare one.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum DoArg {
    Call {
        target: EntryRef,
        args: Option<Vec<Actual>>,
        cond: Option<Expr>,
    },
    Indirect(Expr),
}

#[derive(Debug)]
pub enum GotoArg {
    Jump {
        target: EntryRef,
        cond: Option<Expr>,
    },
    Indirect(Expr),
}

#[derive(Debug)]
pub enum WriteArg {
    NewLine,
    FormFeed,
    Tab(Expr),
    Char(Expr),
    Expr(Expr),
    /// A concatenation not in parentheses: its operands are written one by one.
    Pieces(Expr),
    /// `/NAME(args)`: a device control mnemonic such as `/WAIT(5)`.
    /// Arguments may be left out (`/PASS(,5,h)`) or a name passed by reference
    /// (`/ACCEPT(.h,,5)`).
    Control(Sym, Vec<Actual>, Span),
    Indirect(Expr),
}

#[derive(Debug)]
pub enum ReadArg {
    NewLine,
    FormFeed,
    Tab(Expr),
    Prompt(Value),
    Var {
        target: Glvn,
        span: Span,
        len: Option<Expr>,
        timeout: Option<Expr>,
    },
    Char {
        target: Glvn,
        span: Span,
        timeout: Option<Expr>,
    },
    Indirect(Expr),
}

#[derive(Debug)]
pub enum KillArg {
    Var(Glvn, Span),
    Exclusive(Vec<Sym>),
    Indirect(Expr),
}

#[derive(Debug)]
pub enum NewArg {
    Name(Sym),
    Svn(Svn),
    Exclusive(Vec<Sym>),
    Indirect(Expr),
}

#[derive(Debug)]
pub struct ForArg {
    pub var: Glvn,
    pub items: Vec<ForItem>,
}

#[derive(Debug)]
pub enum ForItem {
    Value(Expr),
    Range {
        start: Expr,
        step: Expr,
        limit: Option<Expr>,
    },
}
