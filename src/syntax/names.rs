//! The names of M's commands, intrinsic functions and special variables as GT.M takes them:
//! each with its abbreviations, in any case, and what the parser makes of it.

use super::ast::*;

/// Command keywords, recognised by abbreviation or full name in any case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Word {
    Set,
    Write,
    Read,
    Kill,
    New,
    If,
    Else,
    For,
    Do,
    Goto,
    Quit,
    H,
    Halt,
    Hang,
    Xecute,
    Open,
    Use,
    Close,
    ZHalt,
    ZSystem,
    View,
    ZWrite,
    ZLink,
    ZGoto,
    Merge,
    ZShow,
    Job,
    ZKill,
    Lock,
    ZAllocate,
    ZDeallocate,
    Tstart,
    Tcommit,
    Trollback,
    Trestart,
    Break,
    ZBreak,
    ZContinue,
    ZStep,
    ZPrint,
    ZMessage,
    Other(&'static str),
}

pub(super) fn word(name: &str) -> Option<Word> {
    use Word::*;
    let up = name.to_ascii_uppercase();
    Some(match up.as_str() {
        "S" | "SET" => Set,
        "W" | "WRITE" => Write,
        "R" | "READ" => Read,
        "K" | "KILL" => Kill,
        "N" | "NEW" => New,
        "I" | "IF" => If,
        "E" | "ELSE" => Else,
        "F" | "FOR" => For,
        "D" | "DO" => Do,
        "G" | "GOTO" => Goto,
        "Q" | "QUIT" => Quit,
        "H" => H,
        "HALT" => Halt,
        "HANG" => Hang,
        "X" | "XECUTE" => Xecute,
        "O" | "OPEN" => Open,
        "U" | "USE" => Use,
        "C" | "CLOSE" => Close,
        "ZHALT" | "ZHA" => ZHalt,
        "ZSY" | "ZSYSTEM" => ZSystem,
        "V" | "VIEW" => View,
        "ZWR" | "ZWRITE" => ZWrite,
        "ZL" | "ZLINK" => ZLink,
        "ZG" | "ZGOTO" => ZGoto,
        "M" | "MERGE" => Merge,
        "ZSH" | "ZSHOW" => ZShow,
        "J" | "JOB" => Job,
        "ZK" | "ZKILL" | "ZWI" | "ZWITHDRAW" => ZKill,
        "L" | "LOCK" => Lock,
        "ZA" | "ZALLOCATE" => ZAllocate,
        "ZD" | "ZDEALLOCATE" => ZDeallocate,
        "TS" | "TSTART" => Tstart,
        "TC" | "TCOMMIT" => Tcommit,
        "TRO" | "TROLLBACK" => Trollback,
        "TRE" | "TRESTART" => Trestart,
        "B" | "BREAK" => Break,
        "ZB" | "ZBREAK" => ZBreak,
        "ZC" | "ZCONTINUE" => ZContinue,
        "ZST" | "ZSTEP" => ZStep,
        "ZP" | "ZPRINT" => ZPrint,
        _ if is_abbrev(&up, "ZM", "ZMESSAGE") => ZMessage,
        _ => return other_command(&up).map(Other),
    })
}

/// Valid M/GT.M commands minim does not run; they parse, and raise INVCMD naming themselves.
fn other_command(up: &str) -> Option<&'static str> {
    const OTHERS: &[(&str, &str, &str)] = &[
        ("ZAT", "ZATTACH", "ZATTACH"),
        ("ZCOM", "ZCOMPILE", "ZCOMPILE"),
        ("ZED", "ZEDIT", "ZEDIT"),
        ("ZH", "ZHELP", "ZHELP"),
        ("ZRUP", "ZRUPDATE", "ZRUPDATE"),
        ("ZTR", "ZTRIGGER", "ZTRIGGER"),
    ];
    OTHERS
        .iter()
        .find(|(short, full, _)| is_abbrev(up, short, full))
        .map(|(_, _, name)| *name)
}

/// GT.M takes a Z command in its short form or any longer prefix of its full name.
fn is_abbrev(up: &str, short: &str, full: &str) -> bool {
    up.starts_with(short) && full.starts_with(up)
}

/// GT.M's Z functions: (shortest form, full name). As for special variables, GT.M takes the
/// shortest form or any longer prefix of the full name; the first row that fits wins. In M
/// mode the byte functions (`$ZASCII`...) are the standard ones.
const ZFUNCS: &[(&str, &str, Func)] = &[
    ("ZAH", "ZAHANDLE", Func::Zahandle),
    ("ZATR", "ZATRANSFORM", Func::Zatransform),
    ("ZA", "ZASCII", Func::Ascii),
    ("ZBITA", "ZBITAND", Func::Zbit(BitOp::And)),
    ("ZBITC", "ZBITCOUNT", Func::Zbit(BitOp::Count)),
    ("ZBITF", "ZBITFIND", Func::Zbit(BitOp::Find)),
    ("ZBITG", "ZBITGET", Func::Zbit(BitOp::Get)),
    ("ZBITL", "ZBITLEN", Func::Zbit(BitOp::Len)),
    ("ZBITN", "ZBITNOT", Func::Zbit(BitOp::Not)),
    ("ZBITO", "ZBITOR", Func::Zbit(BitOp::Or)),
    ("ZBITSTR", "ZBITSTR", Func::Zbit(BitOp::Str)),
    ("ZBITS", "ZBITSET", Func::Zbit(BitOp::Set)),
    ("ZBITX", "ZBITXOR", Func::Zbit(BitOp::Xor)),
    ("ZCH", "ZCHAR", Func::Char),
    ("ZCOL", "ZCOLLATE", Func::Zcollate),
    ("ZCO", "ZCONVERT", Func::Zconvert),
    ("ZDA", "ZDATA", Func::Data),
    ("ZD", "ZDATE", Func::Zdate),
    ("ZE", "ZEXTRACT", Func::Extract),
    ("ZF", "ZFIND", Func::Find),
    ("ZG", "ZGETJPI", Func::Zgetjpi),
    ("ZINCR", "ZINCREMENT", Func::Increment),
    ("ZJOBE", "ZJOBEXAM", Func::Zjobexam),
    ("ZJ", "ZJUSTIFY", Func::Justify),
    ("ZL", "ZLENGTH", Func::Length),
    ("ZM", "ZMESSAGE", Func::Zmessage),
    ("ZPARS", "ZPARSE", Func::Zparse),
    ("ZPE", "ZPEEK", Func::Unsupported("$ZPEEK")),
    ("ZPI", "ZPIECE", Func::Piece),
    ("ZP", "ZPREVIOUS", Func::Zprevious),
    ("ZQGB", "ZQGBLMOD", Func::Zqgblmod),
    ("ZSEA", "ZSEARCH", Func::Zsearch),
    ("ZSIGP", "ZSIGPROC", Func::Zsigproc),
    ("ZSOC", "ZSOCKET", Func::Zsocket(0)),
    ("ZSUB", "ZSUBSTR", Func::Zsubstr),
    ("ZSYSLO", "ZSYSLOG", Func::Zsyslog),
    ("ZTRNL", "ZTRNLNM", Func::Ztrnlnm),
    ("ZTRI", "ZTRIGGER", Func::Unsupported("$ZTRIGGER")),
    ("ZTR", "ZTRANSLATE", Func::Translate),
    ("ZWR", "ZWRITE", Func::Zwrite),
    ("ZW", "ZWIDTH", Func::Zwidth),
];

pub(super) fn func(name: &str) -> Option<Func> {
    use Func::*;
    let up = name.to_ascii_uppercase();
    if up.starts_with('Z') {
        return ZFUNCS
            .iter()
            .find(|(short, full, _)| up.starts_with(short) && full.starts_with(up.as_str()))
            .map(|(_, _, f)| *f);
    }
    // Standard functions: the short form or the full name only (GT.M: `$NAM` is INVFCN).
    Some(match up.as_str() {
        "A" | "ASCII" => Ascii,
        "C" | "CHAR" => Char,
        "D" | "DATA" => Data,
        "E" | "EXTRACT" => Extract,
        "F" | "FIND" => Find,
        "FN" | "FNUMBER" => Fnumber,
        "G" | "GET" => Get,
        "J" | "JUSTIFY" => Justify,
        "L" | "LENGTH" => Length,
        "N" | "NEXT" => Next,
        "O" | "ORDER" => Order,
        "P" | "PIECE" => Piece,
        "Q" | "QUERY" => Query,
        "R" | "RANDOM" => Random,
        "RE" | "REVERSE" => Reverse,
        "TR" | "TRANSLATE" => Translate,
        "NA" | "NAME" => Name,
        "QL" | "QLENGTH" => Qlength,
        "QS" | "QSUBSCRIPT" => Qsubscript,
        "I" | "INCR" | "INCREMENT" => Increment,
        "ST" | "STACK" => Stack,
        "V" | "VIEW" => View,
        _ => return None,
    })
}

/// Special variables: (shortest form, full name). GT.M takes the shortest form or any longer
/// prefix of the full name (`$ZDIR`, `$ZPROM`); the first row that fits wins.
const SVNS: &[(&str, &str, Svn)] = &[
    ("D", "DEVICE", Svn::Device),
    ("EC", "ECODE", Svn::Ecode),
    ("ES", "ESTACK", Svn::Estack),
    ("ET", "ETRAP", Svn::Etrap),
    ("H", "HOROLOG", Svn::Horolog),
    ("I", "IO", Svn::Io),
    ("J", "JOB", Svn::Job),
    ("K", "KEY", Svn::Key),
    ("P", "PRINCIPAL", Svn::Principal),
    ("Q", "QUIT", Svn::Quit),
    ("ST", "STACK", Svn::Stack),
    ("S", "STORAGE", Svn::Storage),
    ("SY", "SYSTEM", Svn::System),
    ("T", "TEST", Svn::Test),
    ("X", "X", Svn::X),
    ("Y", "Y", Svn::Y),
    ("ZA", "ZA", Svn::Za),
    ("ZAL", "ZALLOCSTOR", Svn::Zallocstor),
    ("ZAUD", "ZAUDIT", Svn::Zaudit),
    ("ZB", "ZB", Svn::Zb),
    ("ZCM", "ZCMDLINE", Svn::Zcmdline),
    ("ZCO", "ZCOMPILE", Svn::Zcompile),
    ("ZCH", "ZCHSET", Svn::Zchset),
    ("ZCL", "ZCLOSE", Svn::Zclose),
    ("ZC", "ZCSTATUS", Svn::Zcstatus),
    ("ZDA", "ZDATEFORM", Svn::Zdateform),
    ("ZD", "ZDIRECTORY", Svn::Zdirectory),
    ("ZED", "ZEDITOR", Svn::Zeditor),
    ("ZEO", "ZEOF", Svn::Zeof),
    ("ZE", "ZERROR", Svn::Zerror),
    ("ZG", "ZGBLDIR", Svn::Zgbldir),
    ("ZH", "ZHOROLOG", Svn::Zhorolog),
    ("ZINI", "ZININTERRUPT", Svn::Zininterrupt),
    ("ZINT", "ZINTERRUPT", Svn::Zinterrupt),
    ("ZIO", "ZIO", Svn::Zio),
    ("ZJ", "ZJOB", Svn::Zjob),
    ("ZK", "ZKEY", Svn::Zkey),
    ("TL", "TLEVEL", Svn::Tlevel),
    ("TR", "TRESTART", Svn::Trestart),
    ("R", "REFERENCE", Svn::Reference),
    ("ZL", "ZLEVEL", Svn::Zlevel),
    ("ZMAL", "ZMALLOCLIM", Svn::Zmalloclim),
    ("ZMA", "ZMAXTPTIME", Svn::Zmaxtptime),
    ("ZMINIM", "ZMINIM", Svn::Zminim),
    ("ZMO", "ZMODE", Svn::Zmode),
    ("ZPATN", "ZPATNUMERIC", Svn::Zpatnumeric),
    ("ZPOS", "ZPOSITION", Svn::Zpos),
    ("ZPR", "ZPROMPT", Svn::Zprompt),
    ("ZQ", "ZQUIT", Svn::Zquit),
    ("ZRO", "ZROUTINES", Svn::Zroutines),
    ("ZR", "ZREALSTOR", Svn::Zrealstor),
    ("ZSO", "ZSOURCE", Svn::Zsource),
    ("ZSTE", "ZSTEP", Svn::Zstep),
    ("ZSTR", "ZSTRPLLIM", Svn::Zstrpllim),
    ("ZSY", "ZSYSTEM", Svn::Zsystem),
    ("ZS", "ZSTATUS", Svn::Zstatus),
    ("ZTE", "ZTEXIT", Svn::Ztexit),
    ("ZTIM", "ZTIMEOUT", Svn::Ztimeout),
    ("ZT", "ZTRAP", Svn::Ztrap),
    ("ZUT", "ZUT", Svn::Zut),
    ("ZU", "ZUSEDSTOR", Svn::Zusedstor),
    ("ZV", "ZVERSION", Svn::Zversion),
    ("ZYER", "ZYERROR", Svn::Zyerror),
];

pub fn svn(name: &str) -> Option<Svn> {
    let up = name.to_ascii_uppercase();
    let standard = !up.starts_with('Z');
    SVNS.iter()
        .find(|(short, full, _)| {
            // Standard names are taken in the short or full form only.
            if standard {
                up == *short || up == *full
            } else {
                up.starts_with(short) && full.starts_with(up.as_str())
            }
        })
        .map(|(_, _, s)| *s)
}

/// The full upper-case name of a special variable (`$ZSTATUS`), as ZWRITE shows it.
pub fn svn_full_name(s: Svn) -> &'static str {
    SVNS.iter()
        .find(|(_, _, v)| *v == s)
        .map_or("", |(_, full, _)| full)
}
