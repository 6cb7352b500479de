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

impl super::Interp {
    /// ZSYSTEM: runs each command under the shell (`$SHELL`, else /bin/sh) with the
    /// process's own standard input and output, and waits; `$ZSYSTEM` is its exit status, or
    /// the number of the signal that ended it (GT.M: `kill -TERM $$` gives 15). Without an
    /// argument, an interactive shell.
    pub(super) fn exec_zsystem(
        &mut self,
        args: Option<&[crate::syntax::ast::Expr]>,
        here: &super::Here,
    ) -> crate::error::MResult<()> {
        // A program started here may read the database (another minim): it sees our SETs.
        self.sync_globals()?;
        let mut commands = Vec::new();
        match args {
            None => commands.push(None),
            Some(args) => {
                for a in args {
                    commands.push(Some(self.eval(a, here)?));
                }
            }
        }
        for c in commands {
            self.devices.flush_all();
            let shell = std::env::var_os("SHELL")
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "/bin/sh".into());
            let mut cmd = std::process::Command::new(shell);
            if let Some(c) = &c {
                use std::os::unix::ffi::OsStrExt;
                cmd.arg("-c").arg(std::ffi::OsStr::from_bytes(c.bytes()));
            }
            crate::device::pipe::keep_sigpipe_ignored(&mut cmd);
            let status = match cmd.status() {
                Ok(st) => {
                    use std::os::unix::process::ExitStatusExt;
                    st.code().or(st.signal()).unwrap_or(0) as i64
                }
                Err(e) => e.raw_os_error().unwrap_or(1) as i64,
            };
            self.zvars
                .insert(crate::syntax::ast::Svn::Zsystem, Value::from_i64(status));
        }
        Ok(())
    }
}
