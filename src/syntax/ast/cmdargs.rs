//! The arguments of the special-purpose commands (ZMESSAGE, VIEW, LOCK, TSTART, ZWRITE,
//! MERGE, ZGOTO, ZSHOW, JOB).

use super::{Actual, EntryRef, Expr, Glvn, Span, Svn};
use crate::intern::Sym;

/// One ZMESSAGE argument: the message number and the details its text takes.
#[derive(Debug)]
pub struct ZMessageArg {
    pub code: Expr,
    pub details: Vec<Expr>,
}

/// One VIEW argument: the keyword and its parameters.
#[derive(Debug)]
pub struct ViewArg {
    pub keyword: Expr,
    pub params: Vec<Expr>,
}

/// One LOCK (ZALLOCATE, ZDEALLOCATE) argument.
#[derive(Debug)]
pub struct LockArg {
    pub op: LockOp,
    pub names: Vec<Glvn>,
    pub timeout: Option<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockOp {
    /// `LOCK name`: release everything held, then take the names.
    Replace,
    /// `LOCK +name`: take the names as well (incrementally).
    Add,
    /// `LOCK -name`: release one level of each name.
    Remove,
}

#[derive(Debug)]
pub struct TstartArg {
    /// What a restart puts back; `None` makes the transaction not restartable.
    pub restore: Option<TpRestore>,
}

#[derive(Clone, Debug)]
pub enum TpRestore {
    /// `TSTART *`: every local variable.
    All,
    Names(Vec<Sym>),
}

/// A ZWRITE argument: a name and subscripts, `*` meaning any further subscripts.
#[derive(Debug)]
pub struct ZwArg {
    /// `ZWRITE @x`: x holds the argument.
    pub indirect: Option<Expr>,
    /// `ZWRITE $ZSTATUS`: a special variable, shown as `$ZSTATUS="..."`.
    pub svn: Option<Svn>,
    /// `ZWRITE ^name...` (an indirect argument says so in its text).
    pub global: bool,
    pub name: Sym,
    /// `ZWRITE ?1A`: every variable whose name matches, instead of `name`.
    pub name_pattern: Option<std::rc::Rc<crate::syntax::pattern::Pattern>>,
    pub subs: Vec<ZwSub>,
    pub span: Span,
}

#[derive(Debug)]
pub enum ZwSub {
    Expr(Expr),
    /// `lo:hi`, either end optional: the subscripts in that collation range.
    Range(Option<Expr>, Option<Expr>),
    /// `*`: this node and everything below it (only as the last subscript).
    Star,
    /// `?1N`: the subscripts that match the pattern.
    Pattern(std::rc::Rc<crate::syntax::pattern::Pattern>),
}

#[derive(Debug)]
pub enum MergeArg {
    Copy(Glvn, Glvn),
    Indirect(Expr),
}

#[derive(Debug)]
pub struct ZGotoArg {
    pub level: Expr,
    pub target: Option<EntryRef>,
}

#[derive(Debug)]
pub struct ZShowArg {
    pub codes: Expr,
    pub target: Option<Glvn>,
}

/// The job parameters GT.M knows, with the shortest abbreviation it takes.
const PARAMS: &[(&str, usize)] = &[
    ("CMDLINE", 3),
    ("DEFAULT", 3),
    ("ERROR", 3),
    ("GBLDIR", 3),
    ("INPUT", 2),
    ("OUTPUT", 3),
    ("PASSCURLVN", 4),
    ("PRIORITY", 3),
    ("PROCESS_NAME", 3),
    ("SCHEDULE", 3),
    ("STARTUP", 3),
];

pub fn job_param(given: &str) -> Option<&'static str> {
    PARAMS
        .iter()
        .find(|(full, min)| given.len() >= *min && full.starts_with(given))
        .map(|(full, _)| *full)
}

/// `JOB label^routine(args):(params):timeout`.
#[derive(Debug)]
pub struct JobArg {
    pub target: EntryRef,
    pub args: Vec<Actual>,
    /// The job parameters, names in upper case as given (`OUT`).
    pub params: Vec<(String, Option<Expr>)>,
    pub timeout: Option<Expr>,
}
