//! The VIEW command and `$VIEW()`: the keywords real GT.M code uses.
//!
//! Pinned against GT.M V7.0 (tests/golden/view1.m): an unknown keyword is VIEWNOTFOUND, a
//! keyword of the other form VIEWCMD or VIEWFN, a wrong number of parameters VIEWARGCNT.
//! minim has one database region, DEFAULT, whose writes are durable when they return, without
//! journal or buffer pool: the flushing, isolation, statistics and garbage-collection
//! keywords are accepted and have nothing to do. UNDEF/NOUNDEF change what an undefined
//! local reads as. The null-subscript restrictions are not provided: a clear error.

use super::Interp;
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::ViewArg;
use crate::value::Value;

/// VIEW keywords accepted with no effect in minim (see the module comment), with the most
/// parameters each takes.
const NO_EFFECT: &[(&str, usize)] = &[
    ("BREAKMSG", 1),
    ("DBFLUSH", 2),
    ("DBSYNC", 1),
    ("EPOCH", 1),
    ("FLUSH", 1),
    ("FULL_BOOLEAN", 0),
    ("FULL_BOOLWARN", 0),
    ("NOFULL_BOOLEAN", 0),
    ("GVDUPSETNOOP", 1),
    ("GVSRESET", 1),
    ("JNLFLUSH", 1),
    ("JNLWAIT", 0),
    ("JOBPID", 1),
    ("LABELS", 1),
    ("LINK", 1),
    ("LV_GCOL", 0),
    ("LV_REHASH", 0),
    ("LVNULLSUBS", 0),
    ("NOISOLATION", 1),
    ("POOLLIMIT", 2),
    ("RESETGVSTATS", 0),
    ("STATSHARE", 1),
    ("NOSTATSHARE", 1),
    ("STP_GCOL", 0),
    ("ZDIR_FORM", 1),
];

/// `$VIEW` keywords and the parameters each needs (min, max).
const FN_KEYWORDS: &[(&str, usize, usize)] = &[
    ("BADCHAR", 0, 0),
    ("BREAKMSG", 0, 0),
    ("FULL_BOOLEAN", 0, 0),
    ("GDSCERT", 0, 0),
    ("GVDUPSETNOOP", 0, 0),
    ("GVFILE", 1, 1),
    ("GVFIRST", 0, 0),
    ("GVNEXT", 1, 1),
    ("JNLACTIVE", 1, 1),
    ("JNLFILE", 1, 1),
    ("LABELS", 0, 0),
    ("LINK", 0, 0),
    ("LOGTPRESTART", 0, 0),
    ("LVNULLSUBS", 0, 0),
    ("NOISOLATION", 1, 1),
    ("PATCODE", 0, 0),
    ("POOLLIMIT", 1, 1),
    ("REGION", 1, 1),
    ("STATSHARE", 0, 1),
    ("TRANSACTIONID", 0, 1),
    ("UNDEF", 0, 0),
    ("ZDIR_FORM", 0, 0),
];

/// GT.M keywords minim does not provide (memory and routine-table figures, tracing): a clear
/// error naming them.
const NOT_PROVIDED: &[&str] = &[
    "ICHITS", "SPSIZE", "STKSIZ", "RTNNEXT", "YDIRTREE", "TRACE", "LV_CREF", "LV_REF", "STORDUMP",
    "GVSTATS", "YGVN2GDS", "YGDS2GVN", "DBFLUSH",
];

/// Keywords of the VIEW command only: `$VIEW` of them is VIEWFN.
const CMD_ONLY: &[&str] = &[
    "DBSYNC",
    "EPOCH",
    "FLUSH",
    "JNLFLUSH",
    "JOBPID",
    "NOUNDEF",
    "NOBADCHAR",
    "NOLOGTPRESTART",
    "NOLVNULLSUBS",
    "NEVERLVNULLSUBS",
    "NOFULL_BOOLEAN",
    "NOSTATSHARE",
    "STP_GCOL",
    "LV_GCOL",
    "LV_REHASH",
    "RESETGVSTATS",
    "GVSRESET",
];

impl Interp {
    pub(super) fn exec_view(&mut self, arg: &ViewArg, here: &super::Here) -> MResult<()> {
        let keyword = self
            .eval(&arg.keyword, here)?
            .to_text()
            .to_ascii_uppercase();
        let keyword = full_keyword(keyword)?;
        let mut params = Vec::with_capacity(arg.params.len());
        for p in &arg.params {
            params.push(self.eval(p, here)?);
        }
        let count = |max: usize| {
            if params.len() > max {
                Err(MError::with_args(kind::VIEWARGCNT, &[&keyword]))
            } else {
                Ok(())
            }
        };
        match keyword.as_str() {
            // minim runs M mode only (GT.M's `gtm_chset=M`): no character is bad, and the
            // setting is only remembered.
            "BADCHAR" | "NOBADCHAR" => {
                count(0)?;
                self.badchar = keyword == "BADCHAR";
            }
            "UNDEF" | "NOUNDEF" => {
                count(0)?;
                self.noundef = keyword == "NOUNDEF";
            }
            "GDSCERT" => {
                count(1)?;
                let on = params.first().is_none_or(Value::truth);
                self.gdscert = on;
                let text: &[u8] = if on {
                    b"Caution: Database Block Certification Has Been Enabled"
                } else {
                    b"Caution: Database Block Certification Has Been Disabled"
                };
                let dev = self.devices.principal_mut();
                dev.newline()?;
                dev.write(text)?;
                dev.newline()?;
            }
            "PATCODE" => {
                count(1)?;
                // Only GT.M's built-in pattern table, "M", exists in minim.
                if params
                    .first()
                    .is_some_and(|p| !p.to_text().eq_ignore_ascii_case("M"))
                {
                    return Err(MError::new(kind::TEXT).detail(format!(
                        "VIEW \"PATCODE\":\"{}\": minim has only the M pattern table",
                        params[0].to_text()
                    )));
                }
            }
            "NOLVNULLSUBS" | "NEVERLVNULLSUBS" => {
                return Err(MError::new(kind::TEXT).detail(format!(
                    "VIEW \"{keyword}\" is not supported by minim (null subscripts are always allowed in local variables)"
                )));
            }
            "YLCT" => return Err(MError::new(kind::REQDVIEWPARM)),
            // GT.M logs every nth TP restart to the operator log; minim keeps the frequency
            // for $VIEW and logs nothing. No parameter is 1; a negative one or text is 0.
            "LOGTPRESTART" => {
                count(2)?;
                self.logtprestart = params.first().map_or(1, |p| p.int().max(0));
            }
            "NOLOGTPRESTART" => {
                count(0)?;
                self.logtprestart = 0;
            }
            k => {
                if let Some((_, max)) = NO_EFFECT.iter().find(|(n, _)| *n == k) {
                    return count(*max);
                }
                if FN_KEYWORDS.iter().any(|(n, _, _)| *n == k) || FN_ONLY_NOT_PROVIDED.contains(&k)
                {
                    return Err(MError::with_args(kind::VIEWCMD, &[&keyword]));
                }
                if NOT_PROVIDED.contains(&k) || GTM_KEYWORDS.contains(&k) {
                    return Err(not_provided(&format!("VIEW \"{k}\"")));
                }
                return Err(MError::with_args(kind::VIEWNOTFOUND, &[&keyword]));
            }
        }
        Ok(())
    }

    /// `$VIEW(keyword[,param])`.
    pub(super) fn view_fn(&mut self, args: &[Value]) -> MResult<Value> {
        let keyword = args
            .first()
            .map(|k| k.to_text().to_ascii_uppercase())
            .unwrap_or_default();
        let keyword = full_keyword(keyword)?;
        let params = args.get(1..).unwrap_or(&[]);
        let Some((_, min, max)) = FN_KEYWORDS.iter().find(|(n, _, _)| *n == keyword) else {
            if CMD_ONLY.contains(&keyword.as_str()) {
                return Err(MError::with_args(kind::VIEWFN, &[&keyword]));
            }
            if NOT_PROVIDED.contains(&keyword.as_str()) || GTM_KEYWORDS.contains(&keyword.as_str())
            {
                return Err(not_provided(&format!("$VIEW(\"{keyword}\")")));
            }
            return Err(MError::with_args(kind::VIEWNOTFOUND, &[&keyword]));
        };
        // GT.M: NOISOLATION without a global is the command's form.
        if keyword == "NOISOLATION" && params.is_empty() {
            return Err(MError::with_args(kind::VIEWFN, &[&keyword]));
        }
        if params.len() < *min || params.len() > *max {
            return Err(MError::with_args(kind::VIEWARGCNT, &[&keyword]));
        }
        let p = params.first().map(Value::to_text).unwrap_or_default();
        Ok(match keyword.as_str() {
            "BREAKMSG" => Value::from_i64(31),
            "LOGTPRESTART" => Value::from_i64(self.logtprestart),
            "FULL_BOOLEAN" => Value::from("GT.M Boolean short-circuit"),
            "GDSCERT" => Value::from_bool(self.gdscert),
            "GVDUPSETNOOP" | "LABELS" | "LVNULLSUBS" => Value::from_i64(1),
            "UNDEF" => Value::from_bool(!self.noundef),
            "GVFILE" => {
                region(&p)?;
                let db = crate::db::DbConfig::from_env().location;
                Value::from(db.to_string_lossy().as_ref())
            }
            "GVFIRST" => Value::from("DEFAULT"),
            // The region after the one named: after "" the first, after DEFAULT none.
            "GVNEXT" => {
                if p.is_empty() {
                    Value::from("DEFAULT")
                } else {
                    region(&p)?;
                    Value::empty()
                }
            }
            "JNLACTIVE" | "POOLLIMIT" => {
                region(&p)?;
                Value::from_i64(0)
            }
            "JNLFILE" => {
                region(&p)?;
                Value::empty()
            }
            "NOISOLATION" => {
                global_name(&p)?;
                Value::from_i64(0)
            }
            "REGION" => {
                global_name(&p)?;
                Value::from("DEFAULT")
            }
            "LINK" => Value::from("NORECURSIVE"),
            "PATCODE" => Value::from("M"),
            "BADCHAR" => Value::from_bool(self.badchar),
            "STATSHARE" | "ZDIR_FORM" => Value::from_i64(0),
            _ => Value::empty(), // TRANSACTIONID: no transaction has an id of its own
        })
    }
}

/// A keyword in full (see `GTM_KEYWORDS`); one GT.M does not have as it was written.
fn full_keyword(keyword: String) -> MResult<String> {
    if keyword.is_empty() || GTM_KEYWORDS.contains(&keyword.as_str()) {
        return Ok(keyword);
    }
    let mut found = GTM_KEYWORDS
        .iter()
        .filter(|k| k.starts_with(keyword.as_str()));
    match (found.next(), found.next()) {
        (Some(full), None) => Ok(full.to_string()),
        (Some(_), Some(_)) => Err(MError::with_args(kind::VIEWAMBIG, &[&keyword])),
        _ => Ok(keyword),
    }
}

/// GT.M V7.0's VIEW and `$VIEW` keywords. A keyword may be written as any prefix that
/// begins only one of them (`NOBADC`, `LAB`); a prefix of several is VIEWAMBIG (`NO`,
/// `GVFI`), as GT.M.
const GTM_KEYWORDS: &[&str] = &[
    "BADCHAR",
    "BREAKMSG",
    "DBFLUSH",
    "DBSYNC",
    "DEBUG1",
    "DEBUG2",
    "DEBUG3",
    "DEBUG4",
    "DEVICE",
    "DMTERM",
    "EPOCH",
    "FILL_FACTOR",
    "FLUSH",
    "FREEBLOCKS",
    "FREEZE",
    "FULL_BOOLEAN",
    "FULL_BOOLWARN",
    "GDSCERT",
    "GVACCESS_METHOD",
    "GVDUPSETNOOP",
    "GVFILE",
    "GVFIRST",
    "GVNEXT",
    "GVSRESET",
    "GVSTATS",
    "ICHITS",
    "ICMISS",
    "ICSIZE",
    "IMAGENAME",
    "JNLACTIVE",
    "JNLERROR",
    "JNLFILE",
    "JNLFLUSH",
    "JNLPOOL",
    "JNLTRANSACTION",
    "JNLWAIT",
    "JOBPID",
    "LABELS",
    "LINK",
    "LOGNONTP",
    "LOGTPRESTART",
    "LVMON",
    "LVNULLSUBS",
    "LV_CREF",
    "LV_GCOL",
    "LV_REF",
    "LV_REHASH",
    "MAX_SOCKETS",
    "NEVERLVNULLSUBS",
    "NOBADCHAR",
    "NODMTERM",
    "NOFULL_BOOLEAN",
    "NOISOLATION",
    "NOLOGNONTP",
    "NOLOGTPRESTART",
    "NOLVNULLSUBS",
    "NOSTATSHARE",
    "NOUNDEF",
    "PATCODE",
    "PATLOAD",
    "POOLLIMIT",
    "PROBECRIT",
    "RCHITS",
    "RCMISSES",
    "RCSIZE",
    "REGION",
    "RESETGVSTATS",
    "RTNCHECKSUM",
    "RTNNEXT",
    "SPSIZE",
    "STATSHARE",
    "STKSIZ",
    "STORDUMP",
    "STP_GCOL",
    "TESTPOINT",
    "TOTALBLOCKS",
    "TRACE",
    "TRANSACTIONID",
    "UNDEF",
    "YCHKCOLL",
    "YCOLLATE",
    "YDIRTREE",
    "YDIRTVAL",
    "YGDS2GVN",
    "YGLDCOLL",
    "YGVN2GDS",
    "YLCT",
    "YLGDE",
    "ZDEFBUFFER",
    "ZDEFCOUNT",
    "ZDEFER",
    "ZDEFSIZE",
    "ZDIR_FORM",
    "ZFLUSH",
];

/// Keywords GT.M has for `$VIEW` only, which minim does not provide: VIEW of them is VIEWCMD.
const FN_ONLY_NOT_PROVIDED: &[&str] = &["ICHITS", "SPSIZE", "STKSIZ", "RTNNEXT"];

fn not_provided(what: &str) -> MError {
    MError::new(kind::TEXT).detail(format!("{what} is not supported by minim"))
}

/// minim's one region is DEFAULT.
fn region(name: &str) -> MResult<()> {
    if name.eq_ignore_ascii_case("DEFAULT") {
        return Ok(());
    }
    Err(MError::new(kind::TEXT).detail(format!(
        "Region {name} is not known: minim has one region, DEFAULT"
    )))
}

/// A `^name` as `$VIEW("REGION")` and `$VIEW("NOISOLATION")` take it.
fn global_name(text: &str) -> MResult<()> {
    let name = text.strip_prefix('^').unwrap_or("");
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c == '%' || c.is_ascii_alphabetic());
    if first_ok && chars.all(|c| c.is_ascii_alphanumeric()) && name.len() <= 31 {
        return Ok(());
    }
    Err(MError::with_args(kind::VIEWGVN, &[&format!("\"{text}\"")]))
}
