//! The names Tab completes: commands, intrinsic functions and special variables, each with
//! its shortest abbreviation. Functions and special variables are offered only when minim's
//! parser knows them, so the lists follow the language as it grows.

use std::sync::OnceLock;

use crate::error::kind;
use crate::syntax::parser::{parse_expr, svn};

/// A name with its abbreviation (`WRITE`, `W`).
pub type Word = (&'static str, &'static str);

/// GT.M's commands. minim parses them all; the few it does not run raise INVCMD naming
/// themselves.
pub const COMMANDS: &[Word] = &[
    ("BREAK", "B"),
    ("CLOSE", "C"),
    ("DO", "D"),
    ("ELSE", "E"),
    ("FOR", "F"),
    ("GOTO", "G"),
    ("HALT", "H"),
    ("HANG", "H"),
    ("IF", "I"),
    ("JOB", "J"),
    ("KILL", "K"),
    ("LOCK", "L"),
    ("MERGE", "M"),
    ("NEW", "N"),
    ("OPEN", "O"),
    ("QUIT", "Q"),
    ("READ", "R"),
    ("SET", "S"),
    ("TCOMMIT", "TC"),
    ("TRESTART", "TRE"),
    ("TROLLBACK", "TRO"),
    ("TSTART", "TS"),
    ("USE", "U"),
    ("VIEW", "V"),
    ("WRITE", "W"),
    ("XECUTE", "X"),
    ("ZBREAK", "ZB"),
    ("ZCOMPILE", "ZCOM"),
    ("ZCONTINUE", "ZC"),
    ("ZEDIT", "ZED"),
    ("ZGOTO", "ZG"),
    ("ZHALT", "ZHA"),
    ("ZHELP", "ZH"),
    ("ZKILL", "ZK"),
    ("ZLINK", "ZL"),
    ("ZMESSAGE", "ZM"),
    ("ZPRINT", "ZP"),
    ("ZRUPDATE", "ZRUP"),
    ("ZSHOW", "ZSH"),
    ("ZSTEP", "ZST"),
    ("ZSYSTEM", "ZSY"),
    ("ZTRIGGER", "ZTR"),
    ("ZWITHDRAW", "ZWI"),
    ("ZWRITE", "ZWR"),
];

/// GT.M's intrinsic functions; [`functions`] keeps those minim's parser accepts.
const ALL_FUNCTIONS: &[Word] = &[
    ("ASCII", "A"),
    ("CHAR", "C"),
    ("DATA", "D"),
    ("EXTRACT", "E"),
    ("FIND", "F"),
    ("FNUMBER", "FN"),
    ("GET", "G"),
    ("INCREMENT", "I"),
    ("JUSTIFY", "J"),
    ("LENGTH", "L"),
    ("NAME", "NA"),
    ("NEXT", "N"),
    ("ORDER", "O"),
    ("PIECE", "P"),
    ("QLENGTH", "QL"),
    ("QSUBSCRIPT", "QS"),
    ("QUERY", "Q"),
    ("RANDOM", "R"),
    ("REVERSE", "RE"),
    ("SELECT", "S"),
    ("STACK", "ST"),
    ("TEXT", "T"),
    ("TRANSLATE", "TR"),
    ("VIEW", "V"),
    ("ZASCII", "ZA"),
    ("ZCHAR", "ZCH"),
    ("ZCONVERT", "ZCO"),
    ("ZDATA", "ZDA"),
    ("ZDATE", "ZD"),
    ("ZEXTRACT", "ZE"),
    ("ZFIND", "ZF"),
    ("ZJOBEXAM", "ZJOBEXAM"),
    ("ZJUSTIFY", "ZJ"),
    ("ZLENGTH", "ZL"),
    ("ZPARSE", "ZPARSE"),
    ("ZPIECE", "ZPI"),
    ("ZPREVIOUS", "ZP"),
    ("ZSEARCH", "ZSEARCH"),
    ("ZSUBSTR", "ZSUB"),
    ("ZTRANSLATE", "ZTR"),
    ("ZTRNLNM", "ZTRNLNM"),
    ("ZWIDTH", "ZW"),
    ("ZWRITE", "ZWR"),
];

/// GT.M's special variables; [`special_variables`] keeps those minim's parser accepts.
const ALL_SPECIAL_VARIABLES: &[Word] = &[
    ("DEVICE", "D"),
    ("ECODE", "EC"),
    ("ESTACK", "ES"),
    ("ETRAP", "ET"),
    ("HOROLOG", "H"),
    ("IO", "I"),
    ("JOB", "J"),
    ("KEY", "K"),
    ("PRINCIPAL", "P"),
    ("QUIT", "Q"),
    ("REFERENCE", "R"),
    ("STACK", "ST"),
    ("STORAGE", "S"),
    ("SYSTEM", "SY"),
    ("TEST", "T"),
    ("TLEVEL", "TL"),
    ("X", "X"),
    ("Y", "Y"),
    ("ZA", "ZA"),
    ("ZB", "ZB"),
    ("ZCHSET", "ZCH"),
    ("ZCMDLINE", "ZCM"),
    ("ZCSTATUS", "ZC"),
    ("ZDIRECTORY", "ZD"),
    ("ZEDITOR", "ZED"),
    ("ZEOF", "ZEO"),
    ("ZERROR", "ZE"),
    ("ZGBLDIR", "ZG"),
    ("ZHOROLOG", "ZH"),
    ("ZINTERRUPT", "ZINT"),
    ("ZJOB", "ZJ"),
    ("ZLEVEL", "ZL"),
    ("ZMINIM", "ZMINIM"),
    ("ZMODE", "ZMO"),
    ("ZPATNUMERIC", "ZPATN"),
    ("ZPOSITION", "ZPOS"),
    ("ZPROMPT", "ZPR"),
    ("ZQUIT", "ZQ"),
    ("ZREALSTOR", "ZR"),
    ("ZROUTINES", "ZRO"),
    ("ZSOURCE", "ZSO"),
    ("ZSTATUS", "ZS"),
    ("ZSTEP", "ZSTE"),
    ("ZSTRPLLIM", "ZSTR"),
    ("ZSYSTEM", "ZSY"),
    ("ZTEXIT", "ZTE"),
    ("ZTRAP", "ZT"),
    ("ZUSEDSTOR", "ZU"),
    ("ZUT", "ZUT"),
    ("ZVERSION", "ZV"),
    ("ZWRITE", "ZWR"),
    ("ZYERROR", "ZYER"),
];

/// The intrinsic functions minim knows.
pub fn functions() -> &'static [Word] {
    static KNOWN: OnceLock<Vec<Word>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        ALL_FUNCTIONS
            .iter()
            .copied()
            .filter(|(name, _)| match parse_expr(&format!("${name}(1)")) {
                Ok(_) => true,
                Err(e) => e.kind != kind::INVFCN,
            })
            .collect()
    })
}

/// The special variables minim knows.
pub fn special_variables() -> &'static [Word] {
    static KNOWN: OnceLock<Vec<Word>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        ALL_SPECIAL_VARIABLES
            .iter()
            .copied()
            .filter(|(name, _)| svn(name).is_some())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parser_decides_which_functions_and_variables_are_offered() {
        let f: Vec<&str> = functions().iter().map(|w| w.0).collect();
        assert!(f.contains(&"PIECE") && f.contains(&"SELECT") && f.contains(&"ORDER"));
        assert!(!f.contains(&"ZJOBEXAM") || parse_expr("$ZJOBEXAM(1)").is_ok());
        let v: Vec<&str> = special_variables().iter().map(|w| w.0).collect();
        assert!(v.contains(&"ECODE") && v.contains(&"ZSTATUS") && v.contains(&"TEST"));
        assert!(v.iter().all(|n| svn(n).is_some()));
    }
}
