//! `MError`: the one error value of the interpreter.
//!
//! Every failure (syntax, run time, device) becomes an `MError`. The same value feeds
//! `$ZSTATUS`, `$ECODE`, the error trap and the miette report shown to a person.
//! Codes and message texts are GT.M's (V7.0): its error number is
//! `150372352 + 8 * index + severity`, and the severity of a run-time error is E (2).

use std::fmt;
use std::ops::Range;

/// The GT.M errors minim raises: mnemonic, GT.M message index, standard `$ECODE` (M code, if any)
/// and the message text (`{}` marks where the detail goes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorKind {
    pub mnemonic: &'static str,
    index: u32,
    /// The ANSI error code (`M6`), when the standard defines one.
    pub m_code: Option<u16>,
    text: &'static str,
    /// GT.M's severity: 0 W(arning), 2 E(rror), 3 I(nformation), 4 F(atal).
    severity: u32,
}

macro_rules! errors {
    ($($name:ident = $index:literal $(/ $sev:literal)?, $m:expr, $text:literal;)*) => {
        $(pub const $name: ErrorKind = ErrorKind {
            mnemonic: stringify!($name), index: $index, m_code: $m, text: $text,
            severity: errors!(@sev $($sev)?),
        };)*
        /// Every kind above, for lookups by number.
        pub const ALL: &[ErrorKind] = &[$($name),*];
    };
    (@sev) => { 2 };
    (@sev $s:literal) => { $s };
}

/// GT.M error kinds, named by their mnemonics.
#[allow(non_upper_case_globals)]
pub mod kind {
    use super::ErrorKind;
    errors! {
        CMD = 13, None, "Command expected but not found";
        COLON = 14, None, "Colon (:) expected in this context";
        COMMA = 15, None, "Comma expected in this context";
        CTRLC = 19 / 3, None, "CTRL_C encountered";
        DEVPARUNK = 36, None, "Deviceparameter unknown";
        EQUAL = 46, None, "Equal sign expected but not found";
        EXPR = 53, None, "Expression expected but not found";
        FCHARMAXARGS = 56, None, "Argument count of $CHAR function exceeded the maximum of 255";
        INDEXTRACHARS = 82, None, "Indirection string contains extra trailing characters";
        INVCMD = 87, None, "Invalid command keyword encountered";
        INVFCN = 88, None, "Invalid function name";
        INVSVN = 90, Some(8), "Invalid special variable name";
        IOEOF = 91, None, "Attempt to read past an end-of-file";
        IONOTOPEN = 92, None, "Attempt to USE an I/O device which has not been opened";
        JUSTFRACT = 102, None, "Fraction specifier to $JUSTIFY cannot be negative";
        LABELEXPECTED = 104, None, "Label expected in this context";
        TEXTARG = 180, Some(5), "Invalid argument to $TEXT function";
        LABELMISSING = 105, Some(13), "Label referenced but not defined: {}";
        LSEXPECTED = 112, None, "A line separator is expected here";
        DIVZERO = 107, Some(9), "Attempt to divide by zero";
        MAXNRSUBSCRIPTS = 116, None, "Maximum number of subscripts exceeded";
        MAXSTRLEN = 117, Some(75), "Maximum string length exceeded";
        NUMOFLOW = 144, Some(92), "Numeric overflow";
        PATCODE = 147, Some(10), "Illegal syntax for pattern";
        RPARENMISSING = 161, None, "Right parenthesis expected";
        RTNNAME = 162, None, "Routine name expected here";
        SELECTFALSE = 168, Some(4), "No argument to $SELECT was true";
        SPOREOL = 169, None, "Either a space or an end-of-line was expected but not found";
        STACKCRIT = 173, None, "Stack space critical";
        STACKOFLOW = 174, None, "Stack overflow";
        SVNOSET = 177, None, "Cannot SET this special variable";
        UNDEF = 187, Some(6), "Undefined local variable: {}";
        VAREXPECTED = 189, Some(39), "Variable expected in this context";
        MAXARGCNT = 191, None, "Maximum number of arguments {} exceeded";
        ZGOTOLTZERO = 201, None, "Cannot ZGOTO a level less than zero";
        ZLINKFILE = 203, None, "Error while zlinking \"{}\"";
        ZGBLDIRACC = 221, Some(26), "Cannot access global directory {}";
        FILENOTFND = 248, None, "File {} not found";
        QUITARGUSE = 259, Some(16), "Quit cannot take an argument in this context";
        NOTEXTRINSIC = 262, Some(16), "Quit does not return to an extrinsic function: argument not allowed";
        FMLLSTMISSING = 264, Some(20), "The formal list is absent from a label called with an actual list: {}";
        ACTLSTTOOLONG = 265, Some(58), "More actual parameters than formal parameters: {}";
        QUITARGREQD = 275, Some(17), "Quit from an extrinsic must have an argument";
        TEXT = 398, None, "{}";
        RMWIDTHPOS = 451, None, "File record size or width must be greater than zero";
        RMWIDTHTOOBIG = 480, None, "File record size or width too big";
        GTMEISDIR = 1314, None, "{} : Is a directory";
        SETZDIR = 33555348, None, "Cannot change working directory to {}";
        BADCASECODE = 1088, None, "{} is not a valid case conversion code";
        LVORDERARG = 113, None, "Argument to local variable $NEXT must be subscripted";
        INVBITLEN = 475, None, "Invalid size of the bit string";
        ZPARSFLDBAD = 205, None, "Illegal $ZPARSE() field parameter: {}";
        ZSRCHSTRMCT = 215, None, "Search stream identifier out of range";
        BADJPIPARAM = 4, None, "{} is not a legal parameter for $ZGETJPI()";
        INVBITSTR = 476, None, "Invalid bit string";
        INVBITPOS = 477, None, "Invalid position in the bit string";
        NEGFRACPWR = 484, None, "Invalid operation: fractional power of negative number";
        INVPORTSPEC = 498, None, "Invalid port specification";
        INVADDRSPEC = 499, None, "Invalid IP address specification";
        SOCKWRITE = 531, None, "Write to a socket failed";
        PROTNOTSUP = 577, None, "Protocol {} not supported";
        ANCOMPTINC = 630, None, "Deviceparameter {} is not compatible with any other deviceparameters in the {} command";
        ABNCOMPTINC = 631, None, "Deviceparameter {} and deviceparameter {} are not compatible in the {} command";
        SOCKNOTFND = 633, None, "Socket {} not found";
        ILLESOCKBFSIZE = 850, None, "The specified socket buffer size is {}, which is either 0 or too big";
        ZSOCKETATTR = 1379, None, "Attribute \"{}\" invalid for $ZSOCKET function";
        ZSOCKETNOTSOCK = 1380, None, "$ZSOCKET function called but device is not a socket";
        NOSOCKETINDEV = 851, None, "There is no socket in the current socket device";
        SETECODE = 894, None, "Non-empty value assigned to $ECODE (user-defined error trap)";
        INVDLRCVAL = 1092, None, "Invalid $CHAR() value {}";
        SOCKMAX = 1099, None, "Attempt to exceed maximum sockets ({}) for the SOCKET device";
        LABELUNKNOWN = 106, Some(13), "Label referenced but not defined";
        LABELNOTFND = 1394, Some(13), "GOTO referenced a label that does not exist";
        RANDARGNEG = 154, Some(3), "Random number generator argument must be greater than or equal to one";
        FNARGINC = 58, Some(2), "Format specifiers to $FNUMBER are incompatible: \"{}\"";
        FNUMARG = 61, Some(2), "$FNUMBER format specifier \"{}\" contains an illegal character: \"{}\"";
        FALLINTOFLST = 261, None, "Fall-through to a label with formallist is not allowed";
        GBLNAME = 65, Some(29), "Either an identifier or a left parenthesis is expected after a ^ in this context";
        UNIMPLOP = 188, None, "Unimplemented construct encountered";
        EXTGBLDEL = 223, None, "Invalid delimiter for extended global syntax";
        PATCLASS = 146, None, "Illegal character class for pattern code";
        PATUPPERLIM = 151, Some(10), "Pattern code upper limit is less than lower limit";
        PATLIT = 148, None, "Illegal character or unbalanced quotes for pattern literal";
        PATNOTFOUND = 925, None, "Current pattern table has no characters with pattern code {}";
        LKNAMEXPECTED = 108, None, "An identifier is expected after a ^ in this context";
        RWARG = 165, None, "This is not a legal argument for a READ command";
        OFFSETINV = 452, Some(13), "Entry point {} not valid";
        COMMAORRPAREXP = 16, None, "Comma or right parenthesis expected but not found";
        RHMISSING = 157, None, "Right-hand side of expression expected";
        DEVOPENFAIL = 875, None, "Error opening {}";
        INVECODEVAL = 893, Some(101), "Invalid value for $ECODE";
        SVNONEW = 1103, None, "Cannot NEW this special variable";
        ZDATEFMT = 196, None, "$ZDATE format string contains invalid character";
        ORDER2 = 457, None, "Invalid second argument to $ORDER.  Must be -1 or 1.";
        ZDATEBADDATE = 1213, None, "$ZDATE() date argument {} is less than -365 (the $HOROLOG value for 01-JAN-1840) or greater than 364570088 (the $HOROLOG value for 31-DEC-999999)";
        FNNAMENEG = 456, None, "Depth argument to $NAME cannot be negative";
        MERGEDESC = 871, Some(19), "Merge operation not possible.  {} is descendent of {}.";
        NOCANONICNAME = 897, None, "Value is not a canonic name ({})";
        NOSUBSCRIPT = 898, None, "No such subscript found ({})";
        ERRWETRAP = 903, None, "Error while processing $ETRAP";
        ERRWZINTR = 940, None, "Error while processing $ZINTERRUPT{}";
        ZTIMEOUT = 1507 / 0, None, "Time expired";
        DEVICEREADONLY = 158, None, "Cannot write to read-only device";
        DEVICEWRITEONLY = 1211, None, "Cannot read from a write-only device";
        DEVPARINAP = 29, None, "Device parameter inappropriate to this command";
        DEVPARMNEG = 38, None, "Deviceparameter must be a positive value";
        VIEWCMD = 182, None, "View parameter {} is not valid with the VIEW command";
        VIEWFN = 178, None, "View parameter {} is not valid with the $VIEW() function";
        VIEWAMBIG = 210, None, "View parameter {} is ambiguous";
        VIEWNOTFOUND = 211, None, "View parameter {} not valid";
        VIEWARGCNT = 193, None, "View parameter {} has inappropriate number of subparameters";
        VIEWGVN = 163, None, "Invalid global key name used with VIEW/$VIEW(): {}";
        REQDVIEWPARM = 430, None, "Required View parameter is missing";
        ACOMPTBINC = 676, None, "Deviceparameter {} is compatible with only {} in the command {}";
        JOBLABOFF = 96, None, "Label and offset not found in created process";
        JOBFAIL = 95, None, "JOB command failure";
        PEERPIDMISMATCH = 1240, None, "Local socket peer with PID={} does not match specified PID={}";
        JOBPARUNK = 100, None, "Job parameter unknown";
        PARFILSPC = 145, None, "Parameter: {} file specification: {}";
        JOBACTREF = 917, None, "Actual parameter in job command passed by reference";
        GETADDRINFO = 1345, None, "Error in getting address info";
        DBFILERR = 24, None, "Error with database file {}";
        GBLOFLOW = 66, None, "Database file {} is full";
        GVNAKED = 74, Some(1), "Illegal naked global reference";
        GVSUBOFLOW = 79, None, "Maximum combined length of subscripts exceeded,%GTM-I-GVIS, \t\tGlobal variable: {}";
        GVUNDEF = 80, Some(7), "Global variable undefined: {}";
        NULSUBSC = 143, None, "{} failed because Null subscripts are not allowed for database file: {},%GTM-I-GVIS, \t\tGlobal variable: {}";
        REC2BIG = 156, Some(75), "Record size ({}) is greater than maximum ({}) for region: DEFAULT,%GTM-I-GVIS, \t\tGlobal variable: {}";
        TLVLZERO = 463, Some(44), "Transaction is not in progress";
        TRESTNOT = 464, None, "Cannot TRESTART, transaction is not restartable,%GTM-E-TRESTLOC, Transaction start: {}, Transaction failure: {}";
        TPQUIT = 466, None, "Cannot QUIT out of a routine with an active transaction";
        INVROLLBKLVL = 674, None, "Rollback level ({}) not less than current $TLEVEL({}).  Can't rollback.";
        TROLLBK2DEEP = 673, None, "Intended rollback({}) deeper than the current $tlevel({})";
        MALLOCCRIT = 1343 / 0, None, "Memory allocation critical due to request for {} bytes from 0x{}";
        MEMORY = 123 / 4, None, "Central memory exhausted during request for {} bytes from 0x{}";
        NAMEEXPECTED = 260, None, "A local variable name is expected in this context";
        COLLATIONUNDEF = 491, None, "Collation type {} is not defined";
        RESTRICTEDOP = 1482, None, "Attempt to perform a restricted operation: {}";
    }
}

/// The error kind with GT.M's number `n` (any severity), if minim knows it.
pub fn kind_by_number(n: u32) -> Option<ErrorKind> {
    kind::ALL
        .iter()
        .copied()
        .find(|k| k.number() & !7 == n & !7)
}

impl ErrorKind {
    /// GT.M's error number with its severity, as `$ZSTATUS` shows it.
    pub fn number(&self) -> u32 {
        // GT.M sets bit 28 in the number of ZGBLDIRACC (418809578).
        let flag = if self.index == 221 { 0x1000_0000 } else { 0 };
        150_372_352 + 8 * self.index + self.severity + flag
    }

    /// GT.M's severity letter: W, E or F.
    pub fn severity_letter(&self) -> char {
        severity_letter(self.severity)
    }

    /// The message text with `{}` where each detail goes (ZMESSAGE fills it itself).
    pub fn template(&self) -> &'static str {
        self.text
    }
}

/// GT.M's letter for the severity in an error number's low three bits (probed with
/// ZMESSAGE: 0 W, 1 S, 2 E, 3 I, 4 F, 5 to 7 U).
pub fn severity_letter(severity: u32) -> char {
    match severity & 7 {
        0 => 'W',
        1 => 'S',
        2 => 'E',
        3 => 'I',
        4 => 'F',
        _ => 'U',
    }
}

/// An error ZMESSAGE raised by number: GT.M shows the number as given (its severity bits
/// included, `-1` as `-1` in `$ZSTATUS` and `Z4294967295` in `$ECODE`), and a number it has
/// no message for as `%SYSTEM-E-UNKNOWN`.
#[derive(Clone, Debug, PartialEq)]
pub struct Signalled {
    pub number: i32,
    pub severity: char,
    pub unknown: bool,
}

/// A byte range in the source text of a routine or a direct-mode line.
pub type Span = Range<usize>;

/// One M error: what happened, where, and how `$ECODE`/`$ZSTATUS` show it. The data is
/// boxed so that `MResult` stays one word wide on the interpreter's hot paths.
#[derive(Clone, Debug, PartialEq)]
pub struct MError(Box<ErrorData>);

#[derive(Clone, Debug, PartialEq)]
pub struct ErrorData {
    pub kind: ErrorKind,
    /// The message after the mnemonic, details filled in (`Undefined local variable: x`).
    pub message: String,
    /// Extra `%GTM-I-TEXT` detail GT.M appends (`Connection reset by peer`).
    pub detail: Option<String>,
    /// `label+offset^routine`, filled in by the evaluator when the error leaves a line.
    pub place: String,
    /// Where in the source, when known; `routine` names the source it indexes.
    pub span: Option<Span>,
    pub routine: Option<String>,
    /// A user error set through `$ECODE` carries its own code list instead of the kind's.
    pub user_ecode: Option<String>,
    /// An operating-system error (errno): GT.M shows it as `%SYSTEM-E-ENOn`.
    pub errno: Option<i32>,
    /// Already added to `$ECODE` (an error inside trap code, passed on to the caller).
    pub recorded: bool,
    /// Not an error: HALT/ZHALT inside an extrinsic, carried up through expression
    /// evaluation to end the process with this status.
    pub halt: Option<i32>,
    /// Not an error: TRESTART unwinding to its transaction's TSTART.
    pub restart: bool,
    /// Not an error: a ZGOTO inside an extrinsic, carried up through expression evaluation;
    /// the interpreter holds where it goes.
    pub unwind: bool,
    /// Not an error: a device wait stopped for `$ZINTERRUPT`; the command resumes it.
    pub resume: bool,
    /// A plain-words explanation for the person reading the report (never in `$ZSTATUS`).
    pub hint: Option<String>,
    /// The DO/extrinsic chain below the failing frame, innermost caller first
    /// (`label+n^routine` each), for the report: at most `CHAIN_SHOWN` of them.
    pub chain: Vec<String>,
    /// How many callers below those in `chain` were left out.
    pub chain_more: usize,
    /// A syntax error already shown with its source line when its routine was loaded: the
    /// report when it is reached gives the message and the place only.
    pub shown_at_load: bool,
    /// Raised by ZMESSAGE with a number (see `Signalled`).
    pub signalled: Option<Signalled>,
}

impl MError {
    pub fn new(kind: ErrorKind) -> Self {
        Self::with_args(kind, &[])
    }

    /// An error whose message template gets `args` in its `{}` holes, in order.
    pub fn with_args(kind: ErrorKind, args: &[&str]) -> Self {
        let mut message = String::new();
        let mut args = args.iter();
        let mut parts = kind.text.split("{}").peekable();
        while let Some(part) = parts.next() {
            message.push_str(part);
            if parts.peek().is_some() {
                message.push_str(args.next().copied().unwrap_or(""));
            }
        }
        MError(Box::new(ErrorData {
            kind,
            message,
            detail: None,
            place: String::new(),
            span: None,
            routine: None,
            user_ecode: None,
            errno: None,
            recorded: false,
            halt: None,
            restart: false,
            unwind: false,
            resume: false,
            hint: None,
            chain: Vec::new(),
            chain_more: 0,
            shown_at_load: false,
            signalled: None,
        }))
    }

    /// An operating-system error, as GT.M reports it (`2,place,%SYSTEM-E-ENO2, No such file
    /// or directory`, `$ECODE=",Z2,"`).
    pub fn system(e: &std::io::Error) -> Self {
        let errno = e.raw_os_error().unwrap_or(5);
        let mut m = MError::new(kind::TEXT);
        // SAFETY: strerror returns a pointer to a static message for any errno.
        let text = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) };
        m.message = text.to_string_lossy().into_owned();
        m.errno = Some(errno);
        m
    }

    /// HALT with `status` from inside an expression (an extrinsic's frame).
    pub fn halting(status: i32) -> Self {
        let mut m = MError::new(kind::TEXT);
        m.halt = Some(status);
        m
    }

    /// ZGOTO out of an extrinsic: the flow itself waits in the interpreter.
    pub fn unwinding() -> Self {
        let mut m = MError::new(kind::TEXT);
        m.unwind = true;
        m
    }

    pub fn detail(mut self, text: impl Into<String>) -> Self {
        self.detail = Some(text.into());
        self
    }

    pub fn hint(mut self, text: impl Into<String>) -> Self {
        self.hint = Some(text.into());
        self
    }

    pub fn at(mut self, span: Span) -> Self {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }

    pub fn mnemonic(&self) -> String {
        if self.signalled.as_ref().is_some_and(|s| s.unknown) {
            return "UNKNOWN".to_string();
        }
        match self.errno {
            Some(n) => format!("ENO{n}"),
            None => self.kind.mnemonic.to_string(),
        }
    }

    fn facility(&self) -> &'static str {
        if self.errno.is_some() || self.signalled.as_ref().is_some_and(|s| s.unknown) {
            "SYSTEM"
        } else {
            "GTM"
        }
    }

    /// The number `$ZSTATUS` starts with: GT.M's error number, or the errno.
    pub fn number(&self) -> u32 {
        if let Some(s) = &self.signalled {
            return s.number as u32;
        }
        match self.errno {
            Some(n) => n as u32,
            None => self.kind.number(),
        }
    }

    /// `$ECODE` as GT.M sets it: `,M6,Z150373850,` (the M code only when the standard has one).
    pub fn ecode(&self) -> String {
        if let Some(code) = &self.user_ecode {
            return code.clone();
        }
        match self.kind.m_code {
            Some(m) if self.errno.is_none() => format!(",M{m},Z{},", self.number()),
            _ => format!(",Z{},", self.number()),
        }
    }

    /// The `%GTM-E-MNEMONIC, text[,%GTM-I-TEXT, detail]` part of `$ZSTATUS`.
    pub fn gtm_text(&self) -> String {
        let severity = match (&self.signalled, self.errno) {
            (Some(s), _) => s.severity,
            (None, Some(_)) => 'E',
            (None, None) => self.kind.severity_letter(),
        };
        let mut s = format!(
            "%{}-{severity}-{}, {}",
            self.facility(),
            self.mnemonic(),
            self.message
        );
        if let Some(d) = &self.detail {
            // A detail that is a GT.M message of its own (`%GTM-E-FILENOTFND, ...`) follows
            // as it is; plain text is GT.M's `%GTM-I-TEXT`.
            s.push_str(if d.starts_with('%') {
                ","
            } else {
                ",%GTM-I-TEXT, "
            });
            s.push_str(d);
        }
        s
    }

    /// `$ZSTATUS` exactly as GT.M formats it: `number,place,%GTM-E-MNEMONIC, text`.
    pub fn zstatus(&self) -> String {
        let number = match &self.signalled {
            Some(s) => s.number.to_string(),
            None => self.number().to_string(),
        };
        format!("{number},{},{}", self.place, self.gtm_text())
    }
}

/// The system's text for an errno value, as GT.M shows it ("No such file or directory").
pub fn os_text(code: i32) -> String {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    match text.find(" (os error") {
        Some(k) => text[..k].to_string(),
        None => text,
    }
}

impl std::ops::Deref for MError {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for MError {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

impl fmt::Display for MError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let facility = if self.errno.is_some() {
            "SYSTEM"
        } else {
            "MINIM"
        };
        let severity = match (&self.signalled, self.errno) {
            (Some(s), _) => s.severity,
            (None, Some(_)) => 'E',
            (None, None) => self.kind.severity_letter(),
        };
        write!(
            f,
            "%{facility}-{severity}-{}, {}",
            self.mnemonic(),
            self.message
        )?;
        if let Some(d) = &self.detail {
            write!(f, ", {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for MError {}

pub type MResult<T> = Result<T, MError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_texts_match_gtm() {
        let e = MError::with_args(kind::UNDEF, &["x"]);
        assert_eq!(e.kind.number(), 150373850);
        assert_eq!(e.message, "Undefined local variable: x");
        assert_eq!(e.ecode(), ",M6,Z150373850,");
        assert_eq!(MError::new(kind::DIVZERO).kind.number(), 150373210);
        assert_eq!(kind::CMD.number(), 150372458);
    }

    #[test]
    fn zstatus_with_detail() {
        let mut e = MError::new(kind::IOEOF).detail("Connection reset by peer");
        e.place = "r+2^SRV".into();
        assert_eq!(
            e.zstatus(),
            "150373082,r+2^SRV,%GTM-E-IOEOF, Attempt to read past an end-of-file,%GTM-I-TEXT, Connection reset by peer"
        );
        assert_eq!(e.ecode(), ",Z150373082,");
    }
}
