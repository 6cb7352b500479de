//! `$ZSIGPROC(pid,signal)` and `$ZSYSLOG(text)`: GT.M's functions that reach the system.

use std::ffi::CString;

use crate::value::Value;

/// `$ZSIGPROC`: sends the signal (a number, or a name such as "SIGUSR1"); 0 when sent,
/// else the system's error number (3 for a process that does not exist).
pub fn zsigproc(args: &[Value]) -> Value {
    let pid = args[0].int();
    let text = args[1].to_text().to_ascii_uppercase();
    let signal = signal_named(&text).unwrap_or_else(|| args[1].int() as i32);
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return Value::from_i64(libc::ESRCH as i64);
    };
    // SAFETY: kill has no memory effects; a bad pid or signal comes back as an error number.
    let r = unsafe { libc::kill(pid, signal) };
    let errno = if r == 0 {
        0
    } else {
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
    };
    Value::from_i64(errno as i64)
}

fn signal_named(name: &str) -> Option<i32> {
    Some(match name.strip_prefix("SIG")? {
        "HUP" => libc::SIGHUP,
        "INT" => libc::SIGINT,
        "QUIT" => libc::SIGQUIT,
        "KILL" => libc::SIGKILL,
        "USR1" => libc::SIGUSR1,
        "USR2" => libc::SIGUSR2,
        "TERM" => libc::SIGTERM,
        "CONT" => libc::SIGCONT,
        "STOP" => libc::SIGSTOP,
        "ALRM" => libc::SIGALRM,
        _ => return None,
    })
}

/// `$ZSYSLOG`: the text goes to the system log; the value is 1.
pub fn zsyslog(args: &[Value]) -> Value {
    let text: Vec<u8> = args[0]
        .bytes()
        .iter()
        .copied()
        .filter(|&b| b != 0)
        .collect();
    if let Ok(msg) = CString::new(text) {
        // SAFETY: both strings are NUL-terminated and outlive the call.
        unsafe { libc::syslog(libc::LOG_INFO, c"%s".as_ptr(), msg.as_ptr()) };
    }
    Value::from_i64(1)
}
