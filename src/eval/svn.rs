//! Intrinsic special variables.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Here, Interp};
use crate::device::Param;
use crate::device::file::FileDevice;
use crate::device::pipe::PipeDevice;
use crate::device::socket::SocketDevice;
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::Svn;
use crate::value::Value;

/// Days from GT.M's `$HOROLOG` epoch (31 December 1840) to the Unix epoch.
const HOROLOG_UNIX_DAYS: i64 = 47117;

/// What `$ZVERSION` reports: GT.M's own text, since applications choose their code path by it
/// (as YottaDB keeps it too). minim names itself in `$ZMINIM`.
pub const ZVERSION: &str = "GT.M V7.0-005 Linux x86_64";

/// What `$ZMINIM` (minim's own variable) and `minim --version` report.
pub const ZMINIM: &str = concat!("minim V", env!("CARGO_PKG_VERSION"), " Linux x86_64");

/// GT.M's `$ZINTERRUPT` until a SET: a ZSHOW "*" dump to a file, `$TEST` unchanged.
pub const ZINTERRUPT_DEFAULT: &str = "IF $ZJOBEXAM()";

/// `$SYSTEM`: GT.M's vendor number 47, then `$gtm_sysid` or GT.M's default.
fn system() -> Value {
    let id = std::env::var("gtm_sysid").unwrap_or_else(|_| "gtm_sysid".to_string());
    Value::from(format!("47,{id}").as_str())
}

/// `$ZDIRECTORY`: the working directory with a trailing `/`, as GT.M shows it.
fn zdirectory() -> Value {
    let mut dir = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !dir.ends_with('/') {
        dir.push('/');
    }
    Value::from(dir.as_str())
}

/// The Z special variables SET may change; they are stored, and most have no further effect.
fn z_settable(s: Svn) -> bool {
    matches!(
        s,
        Svn::Zerror
            | Svn::Zgbldir
            | Svn::Zinterrupt
            | Svn::Zprompt
            | Svn::Zquit
            | Svn::Zroutines
            | Svn::Zsource
            | Svn::Zstep
            | Svn::Ztexit
            | Svn::Zyerror
            | Svn::Zdateform
            | Svn::Zcompile
            | Svn::Zmaxtptime
    )
}

/// GT.M's value of a Z special variable nothing has set (probed under GT.M V7.0-005).
fn z_default(s: Svn) -> Value {
    match s {
        Svn::Zerror => Value::from("Unprocessed $ZERROR, see $ZSTATUS"),
        Svn::Zinterrupt => Value::from(ZINTERRUPT_DEFAULT),
        Svn::Zprompt => Value::from("GTM>"),
        Svn::Zstep => Value::from("B"),
        Svn::Zmode => Value::from("INTERACTIVE"),
        Svn::Zchset | Svn::Zpatnumeric => Value::from("M"),
        Svn::Zcstatus => Value::from_i64(1),
        Svn::Storage => Value::from_i64(2147483647),
        Svn::Zstrpllim => {
            let number = |name: &str| std::env::var(name).ok()?.trim().parse::<i64>().ok();
            let set = number("ydb_string_pool_limit").or_else(|| number("gtm_string_pool_limit"));
            Value::from_i64(set.map_or(0, |n| string_pool_limit(n, true)))
        }
        Svn::Zgbldir => Value::from(std::env::var("gtmgbldir").unwrap_or_default().as_str()),
        Svn::Zquit
        | Svn::Zdateform
        | Svn::Zmaxtptime
        | Svn::Zsystem
        | Svn::Zeditor
        | Svn::Zininterrupt
        | Svn::Zio
        | Svn::Zclose
        | Svn::Zaudit => Value::from_i64(0),
        _ => Value::empty(),
    }
}

/// GT.M's `$ZSTRPLLIM` after a SET (or `$gtm_string_pool_limit`) to `n`: as probed, a positive
/// value below GT.M's initial string pool of 100,000 bytes is taken on top of that pool,
/// except when no limit was set before; 0 is no limit, a negative value is kept. minim stores
/// the value only: it has no string pool to limit (no STPCRIT).
fn string_pool_limit(n: i64, limited_before: bool) -> i64 {
    const INITIAL_POOL: i64 = 100_000;
    if n > 0 && n < INITIAL_POOL && limited_before {
        n + INITIAL_POOL
    } else {
        n
    }
}

impl Interp {
    pub(super) fn get_svn(&mut self, s: Svn, here: &Here) -> MResult<Value> {
        if s == Svn::Zkey {
            // Sockets, sequential files and the principal device have one in minim.
            return self
                .devices
                .current()
                .zkey()
                .map(Value::from)
                .ok_or_else(|| {
                    MError::new(kind::INVSVN)
                        .detail("$ZKEY of a PIPE device is not supported by minim")
                });
        }
        // Only the device variables need the current device (a lookup by name).
        let dev = || self.devices.current_ref().state();
        Ok(match s {
            Svn::Test => Value::from_bool(self.test),
            Svn::X => Value::from_i64(dev().x as i64),
            Svn::Y => Value::from_i64(dev().y as i64),
            Svn::Key => Value::from_bytes(&dev().key),
            Svn::Zb => Value::from_bytes(&dev().zb),
            Svn::Device => Value::from_bytes(&dev().device),
            Svn::Za => Value::from_i64(dev().za),
            Svn::Zeof => Value::from_bool(dev().zeof),
            Svn::Io => Value::from_bytes(self.devices.io()),
            Svn::Principal => Value::from_bytes(self.devices.principal_name()),
            Svn::Job => Value::from_i64(std::process::id() as i64),
            Svn::Horolog => Value::from(horolog(false).as_str()),
            Svn::Zhorolog => Value::from(horolog(true).as_str()),
            Svn::Zut => Value::from_i64(since_epoch().as_micros() as i64),
            Svn::Zcmdline => self.zcmdline.clone(),
            Svn::Zversion => Value::from(ZVERSION),
            Svn::Ecode => Value::from(self.ecode.as_str()),
            Svn::Etrap => self.etrap.clone(),
            Svn::Ztrap => self.ztrap.clone(),
            Svn::Zstatus => Value::from(self.zstatus.as_str()),
            Svn::Zmalloclim => Value::from_i64(crate::memory::soft_limit() as i64),
            // minim's own heap: what it has taken from the system, and what is in use (GT.M
            // separates its allocator's overhead; minim counts live allocations for both).
            Svn::Zrealstor => Value::from_i64(crate::memory::from_os() as i64),
            Svn::Zallocstor | Svn::Zusedstor => Value::from_i64(crate::memory::live() as i64),
            Svn::Stack => Value::from_i64(self.frames.len() as i64 - 1),
            Svn::Estack => {
                let base = self.frames.iter().rposition(|f| f.estack_base).unwrap_or(0);
                Value::from_i64((self.frames.len() - 1 - base) as i64)
            }
            Svn::Zlevel => Value::from_i64(self.frames.len() as i64),
            Svn::Quit => Value::from_bool(self.frames.last().is_some_and(|f| f.extrinsic)),
            Svn::Zpos => Value::from(self.zpos(here).as_str()),
            Svn::Zjob => Value::from_i64(self.zjob as i64),
            Svn::Tlevel => Value::from_i64(self.tlevel() as i64),
            Svn::Trestart => Value::from_i64(self.trestart as i64),
            Svn::Reference => self.reference(),
            Svn::System => system(),
            Svn::Zminim => Value::from(ZMINIM),
            Svn::Zdirectory => zdirectory(),
            Svn::Zininterrupt => Value::from_bool(self.in_zinterrupt()),
            Svn::Ztimeout => self.ztimeout_value(),
            Svn::Zclose => Value::from_i64(crate::device::pipe::last_close_status()),
            Svn::Zroutines => self
                .zvars
                .get(&s)
                .cloned()
                .unwrap_or_else(|| self.zroutines()),
            _ => self.zvars.get(&s).cloned().unwrap_or_else(|| z_default(s)),
        })
    }

    /// `$ZDATEFORM` as `$ZDATE` reads it.
    pub(super) fn zdateform(&self) -> i64 {
        self.zvars.get(&Svn::Zdateform).map_or(0, Value::int)
    }

    pub(super) fn set_svn(&mut self, s: Svn, v: &Value) -> MResult<()> {
        let dev = self.devices.current().state_mut();
        match s {
            Svn::X => dev.x = v.int().max(0) as u64,
            Svn::Y => dev.y = v.int().max(0) as u64,
            // GT.M: setting one of $ETRAP and $ZTRAP empties the other.
            Svn::Etrap => {
                self.etrap = v.clone();
                self.ztrap = Value::empty();
            }
            Svn::Ztrap => {
                self.ztrap = v.clone();
                self.etrap = Value::empty();
            }
            Svn::Ecode => {
                let text = v.to_text();
                if !valid_ecode(&text) {
                    return Err(MError::new(kind::INVECODEVAL));
                }
                if text.is_empty() {
                    self.ecode.clear();
                    self.max_error_level = 0;
                    self.error_stack.clear();
                    // GT.M clears $STACK(n,"ECODE") of every level with it.
                    for f in &mut self.frames {
                        if let Some(r) = &mut f.rare {
                            r.ecode.clear();
                        }
                    }
                } else {
                    // The error raised here adds the value to $ECODE (GT.M appends it).
                    let mut e = MError::new(kind::SETECODE);
                    e.user_ecode = Some(text);
                    return Err(e);
                }
            }
            Svn::Zstatus => self.zstatus = v.to_text(),
            Svn::Ztimeout => self.set_ztimeout(v),
            Svn::Zmalloclim => crate::memory::set_soft_limit(v.int()),
            Svn::Zstrpllim => {
                let now = self.zvars.get(&s).cloned().unwrap_or_else(|| z_default(s));
                let limit = string_pool_limit(v.int(), now.int() != 0);
                self.zvars.insert(s, Value::from_i64(limit));
            }
            Svn::Zdirectory => {
                self.allowed("SET $ZDIRECTORY")?;
                set_zdirectory(v)?
            }
            // GT.M keeps `$ZDATEFORM` as an integer ("1.7" is 1).
            Svn::Zdateform => {
                self.zvars.insert(s, Value::from_i64(v.int()));
            }
            s if z_settable(s) => {
                self.zvars.insert(s, v.clone());
            }
            _ => return Err(MError::new(kind::SVNOSET)),
        }
        Ok(())
    }

    /// ZSHOW "I": each special variable GT.M lists that minim has, `$NAME=value` in ZWRITE
    /// form, in GT.M's (alphabetical) order. GT.M also lists `$ZMLKHASH`, `$ZONLNRLBK`,
    /// `$ZPIN`, `$ZPOUT`, `$ZRELDATE` and the trigger variables (`$ZTDATA`...), which
    /// minim does not have.
    pub(super) fn svn_lines(&mut self, here: &Here) -> MResult<Vec<Vec<u8>>> {
        let mut lines = Vec::new();
        self.each_svn_line(here, &mut |_, l| {
            lines.push(l);
            Ok(())
        })?;
        Ok(lines)
    }

    /// ZSHOW "I" line by line: each variable is read after the lines before it went to
    /// `emit` (to the device, GT.M's `$Y`, `$ZKEY`... count them).
    pub(super) fn each_svn_line(
        &mut self,
        here: &Here,
        emit: &mut dyn FnMut(&mut Self, Vec<u8>) -> MResult<()>,
    ) -> MResult<()> {
        const SHOWN: &[(&str, Svn)] = &[
            ("DEVICE", Svn::Device),
            ("ECODE", Svn::Ecode),
            ("ESTACK", Svn::Estack),
            ("ETRAP", Svn::Etrap),
            ("HOROLOG", Svn::Horolog),
            ("IO", Svn::Io),
            ("JOB", Svn::Job),
            ("KEY", Svn::Key),
            ("PRINCIPAL", Svn::Principal),
            ("QUIT", Svn::Quit),
            ("REFERENCE", Svn::Reference),
            ("STACK", Svn::Stack),
            ("STORAGE", Svn::Storage),
            ("SYSTEM", Svn::System),
            ("TEST", Svn::Test),
            ("TLEVEL", Svn::Tlevel),
            ("TRESTART", Svn::Trestart),
            ("X", Svn::X),
            ("Y", Svn::Y),
            ("ZA", Svn::Za),
            ("ZALLOCSTOR", Svn::Zallocstor),
            ("ZAUDIT", Svn::Zaudit),
            ("ZB", Svn::Zb),
            ("ZCHSET", Svn::Zchset),
            ("ZCLOSE", Svn::Zclose),
            ("ZCMDLINE", Svn::Zcmdline),
            ("ZCOMPILE", Svn::Zcompile),
            ("ZCSTATUS", Svn::Zcstatus),
            ("ZDATEFORM", Svn::Zdateform),
            ("ZDIRECTORY", Svn::Zdirectory),
            ("ZEDITOR", Svn::Zeditor),
            ("ZEOF", Svn::Zeof),
            ("ZERROR", Svn::Zerror),
            ("ZGBLDIR", Svn::Zgbldir),
            ("ZHOROLOG", Svn::Zhorolog),
            ("ZININTERRUPT", Svn::Zininterrupt),
            ("ZINTERRUPT", Svn::Zinterrupt),
            ("ZIO", Svn::Zio),
            ("ZJOB", Svn::Zjob),
            ("ZKEY", Svn::Zkey),
            ("ZLEVEL", Svn::Zlevel),
            ("ZMALLOCLIM", Svn::Zmalloclim),
            ("ZMAXTPTIME", Svn::Zmaxtptime),
            ("ZMODE", Svn::Zmode),
            ("ZPATNUMERIC", Svn::Zpatnumeric),
            ("ZPOSITION", Svn::Zpos),
            ("ZPROMPT", Svn::Zprompt),
            ("ZQUIT", Svn::Zquit),
            ("ZREALSTOR", Svn::Zrealstor),
            ("ZROUTINES", Svn::Zroutines),
            ("ZSOURCE", Svn::Zsource),
            ("ZSTATUS", Svn::Zstatus),
            ("ZSTEP", Svn::Zstep),
            ("ZSTRPLLIM", Svn::Zstrpllim),
            ("ZSYSTEM", Svn::Zsystem),
            ("ZTIMEOUT", Svn::Ztimeout),
            ("ZTEXIT", Svn::Ztexit),
            ("ZTRAP", Svn::Ztrap),
            ("ZUSEDSTOR", Svn::Zusedstor),
            ("ZUT", Svn::Zut),
            ("ZVERSION", Svn::Zversion),
            ("ZYERROR", Svn::Zyerror),
        ];
        for (name, s) in SHOWN {
            let v = match self.get_svn(*s, here) {
                Ok(v) => v,
                // A device without `$ZKEY` in minim (a PIPE): the line is left out.
                Err(_) if *s == Svn::Zkey => continue,
                Err(e) => return Err(e),
            };
            let mut l = format!("${name}=").into_bytes();
            l.extend_from_slice(&super::func::zwrite(&v));
            emit(self, l)?;
        }
        Ok(())
    }

    /// `$ZROUTINES` before any SET: the directories minim loads routines from.
    fn zroutines(&self) -> Value {
        let dirs: Vec<String> = self
            .path
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        Value::from(dirs.join(" ").as_str())
    }

    /// OPEN of a device other than the principal: a SOCKET device is made on first OPEN
    /// and gains sockets on later ones.
    pub(super) fn open_device(
        &mut self,
        name: &[u8],
        params: &[Param],
        timeout: Option<Duration>,
        space: Option<&str>,
    ) -> MResult<bool> {
        if let Some(dev) = self.devices.get_mut(name) {
            return dev.open(params, timeout);
        }
        if space == Some("PIPE") {
            let (dev, stderr) = PipeDevice::open(name, params)?;
            self.devices.insert(name.to_vec(), Box::new(dev));
            if let Some((ename, edev)) = stderr {
                self.devices.insert(ename, Box::new(edev));
            }
            return Ok(true);
        }
        if space != Some("SOCKET") {
            let dev = FileDevice::open(name, params)?;
            self.devices.insert(name.to_vec(), Box::new(dev));
            return Ok(true);
        }
        let mut dev = SocketDevice::new();
        let opened = dev.open(params, timeout)?;
        self.devices.insert(name.to_vec(), Box::new(dev));
        Ok(opened)
    }
}

/// A `$ECODE` value: empty, or codes between commas (`,M6,U1,`); GT.M takes only codes
/// that begin with an upper-case M, U or Z (others are INVECODEVAL).
fn valid_ecode(s: &str) -> bool {
    s.is_empty()
        || (s.len() > 2
            && s.starts_with(',')
            && s.ends_with(',')
            && s[1..s.len() - 1]
                .split(',')
                .all(|c| c.starts_with(['M', 'U', 'Z'])))
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// `$HOROLOG` in local time: `days,seconds` (with microseconds for `$ZHOROLOG`).
fn horolog(micro: bool) -> String {
    let now = since_epoch();
    // SAFETY: localtime_r fills a tm we own from a time_t we own.
    let offset = unsafe {
        let t = now.as_secs() as libc::time_t;
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&t, &mut tm);
        tm.tm_gmtoff
    };
    let local = now.as_secs() as i64 + offset;
    let days = local.div_euclid(86400) + HOROLOG_UNIX_DAYS;
    let secs = local.rem_euclid(86400);
    if micro {
        format!("{days},{secs},{},{}", now.subsec_micros(), -offset)
    } else {
        format!("{days},{secs}")
    }
}

/// SET `$ZDIRECTORY`: changes the working directory.
fn set_zdirectory(v: &Value) -> MResult<()> {
    let dir = v.to_text();
    std::env::set_current_dir(&dir).map_err(|e| {
        let text = os_text(&e);
        MError::with_args(kind::SETZDIR, &[&dir]).detail(text)
    })
}

/// The C library's text for an operating-system error, as GT.M shows it.
fn os_text(e: &std::io::Error) -> String {
    MError::system(e).message.clone()
}
