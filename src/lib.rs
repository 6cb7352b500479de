//! minim: an interpreter for the M language (MUMPS) with GT.M's SOCKET device.
//!
//! The flow is one way: source text -> `syntax` (line splitter, logos lexer, chumsky parser)
//! -> AST -> `eval` (tree-walking evaluator) -> `device`. See `src/README.md` for the map.

pub mod bytes;
pub mod db;
pub mod dbtool;
pub mod device;
pub mod embedded;
pub mod env;
pub mod error;
pub mod eval;
pub mod intern;
pub mod interrupt;
pub mod locals;
pub mod memory;
pub mod number;
pub mod repl;
pub mod report;
pub mod spawn;
pub mod syntax;
pub mod value;

pub use error::MError;
pub use eval::{Interp, Outcome};
