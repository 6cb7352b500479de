//! Device arguments (OPEN, USE, CLOSE) with their deviceparameters, and ZBREAK/ZSTEP.

use super::{EntryRef, Expr, Span};

/// An OPEN, USE or CLOSE argument: `dev:(params):timeout:mnemonicspace`.
#[derive(Debug)]
pub struct DeviceArg {
    pub device: Expr,
    pub params: Vec<DeviceParam>,
    pub timeout: Option<Expr>,
    pub mnemonic_space: Option<Expr>,
    pub span: Span,
}

#[derive(Debug)]
pub struct DeviceParam {
    pub keyword: DeviceKeyword,
    pub value: Option<Expr>,
}

/// Deviceparameters minim knows; any other keyword is GT.M's DEVPARUNK.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceKeyword {
    Append,
    Attach,
    Command,
    Connect,
    Delete,
    Delimiter,
    Destroy,
    Detach,
    /// ESCAPE and NOESCAPE: escape-sequence processing on READ; USE takes them (minim reads
    /// no escape sequences, and GT.M's files ignore them), OPEN refuses them (DEVPARINAP).
    Escape,
    Exception,
    Fixed,
    Independent,
    IoError,
    Listen,
    MoreReadTime,
    NewVersion,
    NoDelimiter,
    NoWrap,
    ReadOnly,
    RecordSize,
    Shell,
    Socket,
    Stderr,
    Width,
    /// The page length `$Y` wraps at: USE only (OPEN: DEVPARINAP).
    Length,
    Wrap,
    WriteOnly,
    ZBfSize,
    ZDelay,
    ZFf,
    ZIbfSize,
    ZNoDelay,
}

impl DeviceKeyword {
    /// Looks up a deviceparameter keyword (any case; GT.M's accepted abbreviations).
    pub fn from_name(name: &str) -> Option<Self> {
        use DeviceKeyword::*;
        let upper = name.to_ascii_uppercase();
        Some(match upper.as_str() {
            "APPEND" | "APP" => Append,
            "ATTACH" => Attach,
            "COMMAND" | "COMM" => Command,
            "CONNECT" => Connect,
            "DELETE" | "DEL" => Delete,
            "DELIMITER" | "DELIM" => Delimiter,
            "DESTROY" => Destroy,
            "DETACH" => Detach,
            "ESCAPE" | "ESC" | "NOESCAPE" | "NOESC" => Escape,
            "EXCEPTION" | "EXC" => Exception,
            "FIXED" => Fixed,
            "INDEPENDENT" | "INDEP" => Independent,
            "IOERROR" => IoError,
            "LENGTH" | "LENGT" | "LENG" | "LEN" | "LE" => Length,
            "LISTEN" | "ZLISTEN" => Listen,
            "MOREREADTIME" => MoreReadTime,
            "NEWVERSION" | "NEW" | "NEWV" => NewVersion,
            "NODELIMITER" | "NODELIM" => NoDelimiter,
            "NOWRAP" | "NOWR" => NoWrap,
            "READONLY" | "READ" | "REA" => ReadOnly,
            "RECORDSIZE" | "REC" => RecordSize,
            "SHELL" => Shell,
            "SOCKET" => Socket,
            "STDERR" => Stderr,
            "WRITEONLY" | "WRITEO" => WriteOnly,
            "WIDTH" | "WID" => Width,
            "WRAP" | "WR" => Wrap,
            "ZBFSIZE" => ZBfSize,
            "ZDELAY" => ZDelay,
            "ZFF" => ZFf,
            "ZIBFSIZE" => ZIbfSize,
            "ZNODELAY" => ZNoDelay,
            _ => return None,
        })
    }
}

/// One argument of ZBREAK.
#[derive(Debug)]
pub enum ZBreakArg {
    /// Break at the line; run `action` there (GT.M's default: BREAK), once `count` passes
    /// have gone by.
    Set {
        at: EntryRef,
        action: Option<Expr>,
        count: Option<Expr>,
    },
    Clear(EntryRef),
    ClearAll,
}

/// How ZSTEP goes on: into calls, over them, or out of the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Into,
    Over,
    Outof,
}
