//! `$ZGETJPI(pid,keyword)`: facts about a process. pid "" or 0 is this process.
//! ISPROCALIVE is 1 when the process exists; CPUTIM, UTIME, STIME, CUTIME and CSTIME are CPU
//! times in hundredths of a second (from `/proc`). A keyword may be shortened to any prefix.

use crate::error::{MError, MResult, kind};
use crate::value::Value;

const KEYWORDS: &[&str] = &[
    "CPUTIM",
    "CSTIME",
    "CUTIME",
    "ISPROCALIVE",
    "STIME",
    "UTIME",
];

pub fn zgetjpi(args: &[Value]) -> MResult<Value> {
    let what = args.get(1).map(Value::to_text).unwrap_or_default();
    let upper = what.to_ascii_uppercase();
    let keyword = KEYWORDS
        .iter()
        .find(|k| !upper.is_empty() && k.starts_with(upper.as_str()))
        .ok_or_else(|| MError::with_args(kind::BADJPIPARAM, &[&what]))?;
    let pid = match args[0].int() {
        0 => std::process::id() as i64,
        p => p,
    };
    Ok(match *keyword {
        "ISPROCALIVE" => Value::from_bool(alive(pid)),
        "UTIME" => Value::from_i64(cpu_field(pid, 0)),
        "STIME" => Value::from_i64(cpu_field(pid, 1)),
        "CUTIME" => Value::from_i64(cpu_field(pid, 2)),
        "CSTIME" => Value::from_i64(cpu_field(pid, 3)),
        _ => Value::from_i64(cpu_field(pid, 0) + cpu_field(pid, 1)),
    })
}

fn alive(pid: i64) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks whether the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// utime, stime, cutime or cstime (0-3) of `/proc/pid/stat`, in hundredths of a second.
fn cpu_field(pid: i64, n: usize) -> i64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    // The fields after the command name (which may hold spaces) start at the state, field 3;
    // utime is field 14.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: i64 = rest
        .split_whitespace()
        .nth(11 + n)
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let per_sec = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1);
    ticks * 100 / per_sec
}
