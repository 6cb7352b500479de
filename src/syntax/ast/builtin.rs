//! The names of M's built-ins as the parser resolves them: intrinsic functions, `$ZBIT`
//! operations and special variables.

/// Intrinsic functions (`$PIECE`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Ascii,
    Char,
    Data,
    Extract,
    Find,
    Fnumber,
    Get,
    Justify,
    Length,
    Order,
    /// `$ZPREVIOUS(x)`: `$ORDER(x,-1)`.
    Zprevious,
    /// `$ZQGBLMOD(gvn)`.
    Zqgblmod,
    Piece,
    Query,
    Random,
    Reverse,
    Translate,
    Zwrite,
    Name,
    Qlength,
    Qsubscript,
    Increment,
    Stack,
    Ztrnlnm,
    Zdate,
    Zmessage,
    /// `$NEXT`: `$ORDER` with -1 for the start and the end.
    Next,
    Zsubstr,
    Zconvert,
    Zwidth,
    /// The `$ZBIT...` bit-string functions.
    Zbit(BitOp),
    Zparse,
    Zsearch,
    Zgetjpi,
    Zsigproc,
    Zjobexam,
    View,
    Zsyslog,
    /// `$ZSOCKET`: a bit for each argument left empty (`$ZSOCKET(,"NUMBER")`); the
    /// expressions are those of the others.
    Zsocket(u8),
    /// `$ZAHANDLE(lvn)`: the identifier of the array a local name is bound to.
    Zahandle,
    /// `$ZCOLLATE(gvn,coll[,dir])`: a global name's database key bytes, or back.
    Zcollate,
    /// `$ZATRANSFORM(x,coll[,dir[,force]])`: a subscript's key bytes, or back.
    Zatransform,
    /// A GT.M function minim does not have: raises INVFCN naming it when reached.
    Unsupported(&'static str),
}

/// Which `$ZBIT...` function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitOp {
    And,
    Count,
    Find,
    Get,
    Len,
    Not,
    Or,
    Set,
    Str,
    Xor,
}

/// Intrinsic special variables (`$TEST`...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Svn {
    Device,
    Ecode,
    Estack,
    Etrap,
    Horolog,
    Io,
    Job,
    Key,
    Principal,
    Quit,
    Stack,
    Test,
    X,
    Y,
    Za,
    Zb,
    Zcmdline,
    Zeof,
    Zstatus,
    Ztrap,
    Zversion,
    Zlevel,
    Zpos,
    Zhorolog,
    Zut,
    Zjob,
    /// `$ZKEY`: the ready sockets of the current SOCKET device.
    Zkey,
    Tlevel,
    Trestart,
    Reference,
    System,
    Storage,
    Zminim,
    Zchset,
    Zpatnumeric,
    Zcstatus,
    Zdirectory,
    Zerror,
    Zeditor,
    Zgbldir,
    Zininterrupt,
    Zinterrupt,
    Zmode,
    Zprompt,
    Zquit,
    Zroutines,
    Zsource,
    Zstep,
    Zsystem,
    Ztexit,
    Zyerror,
    Zdateform,
    Zcompile,
    Zmaxtptime,
    Zmalloclim,
    Zrealstor,
    Zallocstor,
    Zusedstor,
    Zstrpllim,
    Ztimeout,
    Zio,
    Zclose,
    Zaudit,
}
