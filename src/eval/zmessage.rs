//! ZMESSAGE and `$ZMESSAGE`: GT.M's message for a number, raised as an error or shown.
//!
//! What GT.M does with a number (probed under GT.M V7.0-005):
//! - 1 to 999999 is an errno: `%SYSTEM-E-ENOn` with the system's text for it.
//! - a number of one of GT.M's messages (the severity in its low three bits: 0 W, 1 S, 2 E,
//!   3 I, 4 F, 5-7 U) is that message, its `!AD`/`!UL`... holes filled from the details given
//!   after colons; minim knows the messages it raises itself.
//! - anything else (0, negatives, unknown numbers) is `%SYSTEM-E-UNKNOWN, Unknown system
//!   error n`.
//!
//! W, E and U raise the error (a trap sees it in `$ZSTATUS` and `$ECODE`); S and I only write
//! the message to standard error and go on; F writes it and ends the process with status 253.

use std::borrow::Cow;

use super::{Flow, Here, Interp};
use crate::error::{ErrorKind, MError, MResult, Signalled, kind, os_text};
use crate::syntax::ast::ZMessageArg;
use crate::value::Value;

/// GT.M ends the process with this status after a fatal (F) message.
const FATAL_STATUS: i32 = 253;

/// GT.M's message texts where minim's own text for the kind differs: holes that are numbers
/// (`!UL`, `!SL`, `!XL`, `!UJ`, `!XJ`), and texts minim extends with the secondary message
/// GT.M adds when it raises the error itself (ZMESSAGE gives the primary one only).
/// Every other kind's text is minim's, each `{}` an `!AD`.
const GTM_TEXTS: &[(&str, &str)] = &[
    ("ZGBLDIRACC", "Cannot access global directory !AD!AD!AD."),
    (
        "ILLESOCKBFSIZE",
        "The specified socket buffer size is 0x!XL, which is either 0 or too big",
    ),
    ("INVECODEVAL", "Invalid value for $ECODE (!AD)"),
    ("ERRWZINTR", "Error while processing $ZINTERRUPT"),
    ("PARFILSPC", "Parameter: !AD  file specification: !AD"),
    (
        "GVSUBOFLOW",
        "Maximum combined length of subscripts exceeded",
    ),
    (
        "NULSUBSC",
        "!AD Null subscripts are not allowed for database file: !AD",
    ),
    (
        "REC2BIG",
        "Record size (!UL) is greater than maximum (!UL) for region: !AD",
    ),
    (
        "TRESTNOT",
        "Cannot TRESTART, transaction is not restartable",
    ),
    ("MAXARGCNT", "Maximum number of arguments !UL exceeded"),
    ("COLLATIONUNDEF", "Collation type !UL is not defined"),
    ("INVDLRCVAL", "Invalid $CHAR() value !UL"),
    (
        "SOCKMAX",
        "Attempt to exceed maximum sockets (!UL) for the SOCKET device",
    ),
    ("NOSUBSCRIPT", "No such subscript found (!SL)"),
    (
        "PEERPIDMISMATCH",
        "Local socket peer with PID=!UL does not match specified PID=!UL",
    ),
    (
        "INVROLLBKLVL",
        "Rollback level (!UL) not less than current $TLEVEL(!UL).  Can't rollback.",
    ),
    (
        "TROLLBK2DEEP",
        "Intended rollback(!SL) deeper than the current $tlevel(!UL)",
    ),
    (
        "MALLOCCRIT",
        "Memory allocation critical due to request for !UJ bytes from 0x!XJ",
    ),
    (
        "MEMORY",
        "Central memory exhausted during request for !UJ bytes from 0x!XJ",
    ),
    (
        "RESTRICTEDOP",
        "Attempt to perform a restricted operation: !AZ",
    ),
];

impl Interp {
    /// `ZMESSAGE code[:detail...],...`.
    pub(super) fn exec_zmessage(&mut self, args: &[ZMessageArg], here: &Here) -> MResult<Flow> {
        for a in args {
            if a.details.is_empty()
                && let Some(text) = self.plain_indirection(&a.code, here)?
            {
                match self.indirect_cmd("ZMESSAGE", text.bytes(), here)? {
                    Flow::Normal => continue,
                    other => return Ok(other),
                }
            }
            let code = message_number(&self.eval(&a.code, here)?);
            let mut details = Vec::with_capacity(a.details.len());
            for d in &a.details {
                details.push(self.eval(d, here)?);
            }
            let e = signal(code, &details);
            let severity = e.signalled.as_ref().map_or('E', |s| s.severity);
            match severity {
                'S' | 'I' => eprintln!("{}", e.gtm_text()),
                'F' => {
                    eprintln!("{}", e.gtm_text());
                    return Ok(Flow::Halt(FATAL_STATUS));
                }
                _ => return Err(e),
            }
        }
        Ok(Flow::Normal)
    }
}

/// GT.M takes the code's integer part, held to a 32-bit signed number
/// (`ZMESSAGE 99999999999` is 2147483647).
fn message_number(v: &Value) -> i32 {
    v.int().clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// The error ZMESSAGE raises for `code`, its holes filled from `details`.
pub fn signal(code: i32, details: &[Value]) -> MError {
    if is_errno(code) {
        let mut e = MError::new(kind::TEXT);
        e.message = os_text(code);
        e.errno = Some(code);
        return e;
    }
    let Some(k) = known(code) else {
        let mut e = MError::new(kind::TEXT);
        e.message = format!("Unknown system error {code}");
        e.signalled = Some(Signalled {
            number: code,
            severity: 'E',
            unknown: true,
        });
        return e;
    };
    let mut e = MError::new(k);
    e.message = fill(&gtm_text(k), details);
    e.signalled = Some(Signalled {
        number: code,
        severity: crate::error::severity_letter(code as u32),
        unknown: false,
    });
    e
}

/// `$ZMESSAGE(code)`: the message with its holes shown as GT.M's directives.
pub fn zmessage_text(code: i64) -> Value {
    let code = code.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let text = if is_errno(code) {
        format!("%SYSTEM-E-ENO{code}, {}", os_text(code))
    } else if let Some(k) = known(code) {
        let letter = crate::error::severity_letter(code as u32);
        format!("%GTM-{letter}-{}, {}", k.mnemonic, gtm_text(k))
    } else {
        "%SYSTEM-E-UNKNOWN, Unknown system error !SL".to_string()
    };
    Value::from(text.as_str())
}

/// GT.M reads 1 to 999999 as an errno (probed: 999999 is ENO999999, 1000000 UNKNOWN).
fn is_errno(code: i32) -> bool {
    (1..1_000_000).contains(&code)
}

/// The kind with GT.M's number `code`, whatever its severity bits and GT.M's flag bit 28
/// (`ZMESSAGE 150374122` is ZGBLDIRACC, which GT.M itself raises as 418809578).
fn known(code: i32) -> Option<ErrorKind> {
    const FLAGS: u32 = 0x1000_0000;
    let n = code as u32 & !FLAGS & !7;
    kind::ALL
        .iter()
        .copied()
        .find(|k| k.number() & !FLAGS & !7 == n)
}

/// The kind's text in GT.M's form, its holes as FAO directives.
fn gtm_text(k: ErrorKind) -> Cow<'static, str> {
    match GTM_TEXTS.iter().find(|(m, _)| *m == k.mnemonic) {
        Some((_, t)) => Cow::Borrowed(t),
        None if k.template().contains("{}") => Cow::Owned(k.template().replace("{}", "!AD")),
        None => Cow::Borrowed(k.template()),
    }
}

/// Fills GT.M's FAO directives from the details in order (a missing one is empty or 0):
/// `!AD`/`!AZ` the text, `!UL` the integer as an unsigned 32-bit number, `!SL` signed,
/// `!XL` eight hexadecimal digits, `!UJ`/`!XJ` the 64-bit forms.
fn fill(template: &str, details: &[Value]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut args = details.iter();
    let mut rest = template;
    while let Some(at) = rest.find('!') {
        out.push_str(&rest[..at]);
        let directive = rest.get(at + 1..at + 3).unwrap_or("");
        match directive {
            "AD" | "AZ" => out.push_str(&args.next().map(Value::to_text).unwrap_or_default()),
            _ => {
                let n = arg_int(&mut args);
                out.push_str(&match directive {
                    "UL" => (n as u32).to_string(),
                    "SL" => (n as i32).to_string(),
                    "XL" => format!("{:08X}", n as u32),
                    "UJ" => (n as u64).to_string(),
                    "XJ" => format!("{:016X}", n as u64),
                    _ => {
                        out.push('!');
                        rest = &rest[at + 1..];
                        continue;
                    }
                });
            }
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

fn arg_int<'a>(args: &mut impl Iterator<Item = &'a Value>) -> i64 {
    args.next().map_or(0, Value::int)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Value {
        Value::from(s)
    }

    #[test]
    fn errno_known_and_unknown_numbers() {
        let e = signal(2, &[]);
        assert_eq!(e.gtm_text(), "%SYSTEM-E-ENO2, No such file or directory");
        assert_eq!(e.ecode(), ",Z2,");
        let e = signal(150373850, &[v("x")]);
        assert_eq!(e.gtm_text(), "%GTM-E-UNDEF, Undefined local variable: x");
        assert_eq!(e.ecode(), ",M6,Z150373850,");
        let e = signal(-1, &[]);
        assert_eq!(e.gtm_text(), "%SYSTEM-E-UNKNOWN, Unknown system error -1");
        assert_eq!(e.ecode(), ",Z4294967295,");
        assert!(e.zstatus().starts_with("-1,"));
        assert_eq!(signal(150373848, &[]).gtm_text().get(..7), Some("%GTM-W-"));
    }

    #[test]
    fn directives_take_numbers_as_gtm() {
        assert_eq!(fill("a !UL b", &[v("-5")]), "a 4294967291 b");
        assert_eq!(fill("0x!XL", &[v("255")]), "0x000000FF");
        assert_eq!(fill("(!SL) !UL", &[v("-3")]), "(-3) 0");
        assert_eq!(fill("!AD!AD.", &[v("/x")]), "/x.");
        assert_eq!(
            fill("!UJ 0x!XJ", &[v("-1"), v("-1")]),
            "18446744073709551615 0xFFFFFFFFFFFFFFFF"
        );
    }

    #[test]
    fn zmessage_function_shows_directives() {
        assert_eq!(
            zmessage_text(150373851).bytes(),
            b"%GTM-I-UNDEF, Undefined local variable: !AD"
        );
        assert_eq!(
            zmessage_text(0).bytes(),
            b"%SYSTEM-E-UNKNOWN, Unknown system error !SL"
        );
    }
}
