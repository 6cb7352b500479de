//! From source text to the syntax tree: `line` splits lines and takes off labels and dots,
//! `lexer` makes tokens of the commands, `parser` builds the `ast`.

mod arity;
pub mod ast;
pub mod lexer;
pub mod line;
mod missing;
mod names;
pub mod parser;
mod patmatch;
pub mod pattern;
pub mod source;
mod unterminated;
