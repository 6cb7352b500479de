//! JOB: starting another minim process at an entry reference, and the start of such a child.
//!
//! As in GT.M (V7.0, probed): the job parameters are INPUT, OUTPUT, ERROR (a file,
//! `/dev/null` or `SOCKET:handle`), DEFAULT (the child's working directory, against which
//! relative file names are taken), CMDLINE (`$ZCMDLINE`), PASSCURLVN (a copy of the local
//! variables) and GBLDIR; the output files default to `ROUTINE.mjo` and `ROUTINE.mje` in
//! the DEFAULT directory and the input to `/dev/null`. Actuals are passed by value only
//! (JOBACTREF); `$ZJOB` is the child's pid, 0 after a JOB that failed. A socket handed to
//! the child leaves the parent (GT.M closes it there: a later ATTACH finds no such socket).
//! The process itself is started by `crate::spawn`.

use std::os::fd::OwnedFd;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use super::{Here, Interp, Outcome};
use crate::device::Devices;
use crate::device::socket::{self, Handoff, SocketDevice};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::{Key, Node, Slot};
use crate::syntax::ast::{Actual, JobArg, Svn, job_param};
use crate::value::Value;

/// One local node passed by PASSCURLVN: name, subscripts and value.
pub type LocalNode = (Vec<u8>, Vec<Vec<u8>>, Vec<u8>);

/// What the child is told, beyond its standard files.
pub struct JobMessage {
    pub routine: String,
    /// The line to start at (the label's line plus the offset).
    pub line: u64,
    /// The actuals' values; `None` for one left out (`JOB f(1,,3)`): undefined in the child.
    pub actuals: Vec<Option<Vec<u8>>>,
    pub cmdline: Vec<u8>,
    pub path: Vec<PathBuf>,
    /// The principal socket: its descriptor (0 or 1) and what it was in the parent.
    pub socket: Option<(i32, Handoff)>,
    /// PASSCURLVN: every local node, as name, subscripts and value.
    pub locals: Vec<LocalNode>,
}

/// One of the child's standard files as a JOB parameter names it.
enum Stream {
    File(PathBuf),
    Socket(String),
}

fn stream_of(text: &[u8], dir: &Path) -> Stream {
    match text.strip_prefix(b"SOCKET:") {
        Some(h) => Stream::Socket(String::from_utf8_lossy(h).into_owned()),
        None => Stream::File(dir.join(std::ffi::OsStr::from_bytes(text))),
    }
}

fn job_fail(what: &str, e: &std::io::Error) -> MError {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    MError::new(kind::JOBFAIL).detail(format!(
        "{what},%SYSTEM-E-ENO{errno}, {}",
        crate::error::os_text(errno)
    ))
}

impl Interp {
    /// JOB: each argument starts one process.
    pub(super) fn exec_job(&mut self, args: &[JobArg], here: &Here) -> MResult<()> {
        // The new process must see what this one has written.
        self.sync_globals()?;
        for a in args {
            let plain = a.args.is_empty() && a.params.is_empty() && a.timeout.is_none();
            if let Some(text) = self.argument_indirection(&a.target, !plain, here)? {
                self.indirect_cmd("JOB", text.bytes(), here)?;
                continue;
            }
            self.zjob = 0;
            let pid = self.job_one(a, here)?;
            self.zjob = pid;
            if a.timeout.is_some() {
                // GT.M: $TEST=1 when the process started within the timeout; minim's
                // start does not wait on the child, so it always has.
                self.test = true;
            }
        }
        Ok(())
    }

    fn job_one(&mut self, a: &JobArg, here: &Here) -> MResult<u32> {
        let mut actuals = Vec::with_capacity(a.args.len());
        for actual in &a.args {
            actuals.push(match actual {
                Actual::Value(e) => Some(self.eval(e, here)?.bytes().to_vec()),
                Actual::Empty => None,
                Actual::ByRef(..) => return Err(MError::new(kind::JOBACTREF)),
            });
        }
        let mut given: Vec<(&'static str, Option<Value>)> = Vec::new();
        for (name, value) in &a.params {
            let full = job_param(name).ok_or_else(|| MError::new(kind::JOBPARUNK))?;
            let v = match value {
                Some(e) => Some(self.eval(e, here)?),
                None => None,
            };
            given.push((full, v));
        }
        if let Some(t) = &a.timeout {
            self.eval(t, here)?;
        }
        let (routine, line) = self
            .resolve(&a.target, here, kind::JOBLABOFF)
            .map_err(|_| {
                MError::new(kind::JOBFAIL).detail(
                    "Job error in routine specification. Label and offset not found in \
                     created process,%SYSTEM-E-ENO2, No such file or directory",
                )
            })?;
        let get = |n: &str| {
            given
                .iter()
                .rev()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.clone().unwrap_or_else(Value::empty))
        };
        for unsupported in ["STARTUP", "SCHEDULE"] {
            if get(unsupported).is_some() {
                return Err(MError::new(kind::JOBPARUNK).detail(format!(
                    "minim does not support the {unsupported} job parameter"
                )));
            }
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let dir = match get("DEFAULT") {
            Some(d) => cwd.join(std::ffi::OsStr::from_bytes(d.bytes())),
            None => cwd.clone(),
        };
        if let Err(e) = std::fs::read_dir(&dir) {
            return Err(job_fail("Job error - CHDIR error", &e));
        }
        let name = routine.name.as_str().to_string();
        let stream = |p: &str, default: String| match get(p) {
            Some(v) => stream_of(v.bytes(), &dir),
            None => Stream::File(dir.join(default)),
        };
        let input = match get("INPUT") {
            Some(v) => stream_of(v.bytes(), &dir),
            None => Stream::File(PathBuf::from("/dev/null")),
        };
        let output = stream("OUTPUT", format!("{name}.mjo"));
        let error = stream("ERROR", format!("{name}.mje"));
        let mut handles: Vec<String> = Vec::new();
        let mut handoff: Option<(i32, Handoff)> = None;
        let mut open = |s: &Stream, which: &str, fd: i32| -> MResult<OwnedFd> {
            match s {
                Stream::Socket(h) => {
                    let (sock, info) = socket::pooled_handoff(h).ok_or_else(|| {
                        MError::with_args(kind::PARFILSPC, &[which, &format!("SOCKET:{h}")])
                    })?;
                    if fd < 2 && handoff.is_none() {
                        handoff = Some((fd, info));
                    }
                    handles.push(h.clone());
                    Ok(sock)
                }
                Stream::File(p) => {
                    let f = if fd == 0 {
                        std::fs::File::open(p).map_err(|_| {
                            let shown = p.to_string_lossy();
                            MError::with_args(kind::PARFILSPC, &[which, &shown])
                        })
                    } else {
                        std::fs::OpenOptions::new()
                            .write(true)
                            .create(true)
                            .truncate(true)
                            .open(p)
                            .map_err(|e| {
                                let std = if fd == 1 { "STDOUT" } else { "STDERR" };
                                job_fail(&format!("Job error in creating {std}"), &e)
                            })
                    };
                    f.map(OwnedFd::from)
                }
            }
        };
        let stdin = open(&input, "INPUT ", 0)?;
        let stdout = open(&output, "OUTPUT ", 1)?;
        let stderr = open(&error, "ERROR ", 2)?;
        let mut env = Vec::new();
        if let Some(g) = get("GBLDIR") {
            // minim's database is a folder: GBLDIR names the child's (MINIM_DB).
            env.push((
                "MINIM_DB".to_string(),
                std::ffi::OsString::from_vec(g.bytes().to_vec()),
            ));
        }
        let message = JobMessage {
            routine: name,
            line: line as u64,
            actuals,
            cmdline: get("CMDLINE")
                .map(|v| v.bytes().to_vec())
                .unwrap_or_default(),
            // The child may start elsewhere (DEFAULT): its routine path is absolute.
            path: self.path.iter().map(|p| cwd.join(p)).collect(),
            socket: handoff,
            locals: if get("PASSCURLVN").is_some() {
                self.local_nodes()
            } else {
                Vec::new()
            },
        };
        self.devices.flush_all();
        let pid = crate::spawn::spawn(crate::spawn::Spawn {
            dir: Some(dir),
            stdin,
            stdout,
            stderr,
            env,
            message: message.encode(),
        })
        .map_err(|e| job_fail("Job error in fork", &e))?;
        // The socket now belongs to the child: the parent's copy is closed.
        for h in &handles {
            socket::forget_pooled(h);
        }
        Ok(pid)
    }

    /// Every defined local node, for PASSCURLVN.
    fn local_nodes(&self) -> Vec<LocalNode> {
        fn walk(name: &[u8], node: &Node, path: &mut Vec<Vec<u8>>, out: &mut Vec<LocalNode>) {
            if let Some(v) = &node.value {
                out.push((name.to_vec(), path.clone(), v.bytes().to_vec()));
            }
            for (k, kid) in &node.kids {
                path.push(k.to_value().bytes().to_vec());
                walk(name, kid, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        for name in self.locals.defined_names() {
            if let Some(slot) = self.locals.slot(name) {
                walk(
                    name.as_str().as_bytes(),
                    &slot.borrow(),
                    &mut Vec::new(),
                    &mut out,
                );
            }
        }
        out
    }

    /// Runs a JOBbed process's work: its principal device, variables and start.
    pub fn run_job(&mut self, job: JobMessage) -> Outcome {
        self.zcmdline = Value::from_bytes(&job.cmdline);
        self.zvars.insert(Svn::Zmode, Value::from("OTHER"));
        if let Some((fd, info)) = job.socket {
            // SAFETY: fd 0 or 1 is the socket the parent passed; the device owns it now.
            let owned = unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd) };
            let dev = SocketDevice::principal(owned, info);
            self.devices = Devices::new(Box::new(dev), b"0".to_vec());
        }
        for (name, subs, value) in job.locals {
            let name = Sym::intern(&String::from_utf8_lossy(&name));
            let keys: Vec<Key> = subs
                .iter()
                .map(|s| Key::from_value(&Value::from_bytes(s)))
                .collect();
            let slot = self.locals.slot_mut(name).clone();
            slot.borrow_mut().get_mut_or_create(&keys).value = Some(Value::from_bytes(&value));
        }
        let routine = match self.routine(Sym::intern(&job.routine)) {
            Ok(r) => r,
            Err(e) => return Outcome::Error(e),
        };
        let line = job.line as usize;
        if line >= routine.lines.len() {
            return Outcome::Error(MError::new(kind::JOBLABOFF));
        }
        // The actuals are the formals' values, at the bottom level as in GT.M.
        let formals = routine.lines[line]
            .label
            .as_ref()
            .and_then(|l| l.formals.clone())
            .unwrap_or_default();
        for (name, value) in formals.iter().zip(job.actuals) {
            let slot = Slot::default();
            slot.borrow_mut().value = value.map(Value::from_bytes);
            self.locals.replace(*name, Some(slot));
        }
        self.run_from_line(routine, line)
    }
}

/// Length-prefixed fields, in the order `encode` writes them.
impl JobMessage {
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(256);
        b.extend_from_slice(MAGIC);
        put(&mut b, self.routine.as_bytes());
        put_n(&mut b, self.line);
        // Each actual with a first byte: 1 for a value, 0 for one left out.
        let actuals: Vec<Vec<u8>> = self
            .actuals
            .iter()
            .map(|a| match a {
                Some(v) => [&[1u8][..], v].concat(),
                None => vec![0],
            })
            .collect();
        put_list(&mut b, &actuals);
        put(&mut b, &self.cmdline);
        let path: Vec<Vec<u8>> = self
            .path
            .iter()
            .map(|p| p.as_os_str().as_bytes().to_vec())
            .collect();
        put_list(&mut b, &path);
        match &self.socket {
            None => put_n(&mut b, u64::MAX),
            Some((fd, h)) => {
                put_n(&mut b, *fd as u64);
                put(&mut b, h.handle.as_bytes());
                put(&mut b, h.peer.as_bytes());
                put_n(&mut b, h.listener.is_some() as u64);
                let (shown, path) = h.listener.clone().unwrap_or_default();
                put(&mut b, shown.as_bytes());
                put_n(&mut b, path.is_some() as u64);
                put(&mut b, path.unwrap_or_default().as_bytes());
            }
        }
        put_n(&mut b, self.locals.len() as u64);
        for (name, subs, value) in &self.locals {
            put(&mut b, name);
            put_list(&mut b, subs);
            put(&mut b, value);
        }
        b
    }

    pub fn decode(bytes: &[u8]) -> Option<JobMessage> {
        let mut r = Reader(bytes.strip_prefix(MAGIC)?);
        let text = |v: Vec<u8>| String::from_utf8(v).ok();
        let routine = text(r.field()?)?;
        let line = r.n()?;
        let actuals = r
            .list()?
            .into_iter()
            .map(|a| match a.split_first() {
                Some((1, v)) => Some(Some(v.to_vec())),
                Some((0, [])) => Some(None),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let cmdline = r.field()?;
        let path = r
            .list()?
            .into_iter()
            .map(|p| PathBuf::from(std::ffi::OsString::from_vec(p)))
            .collect();
        let fd = r.n()?;
        let socket = if fd == u64::MAX {
            None
        } else {
            let handle = text(r.field()?)?;
            let peer = text(r.field()?)?;
            let is_listener = r.n()? == 1;
            let shown = text(r.field()?)?;
            let has_path = r.n()? == 1;
            let path = text(r.field()?)?;
            let listener = is_listener.then(|| (shown, has_path.then_some(path)));
            Some((
                i32::try_from(fd).ok()?,
                Handoff {
                    handle,
                    peer,
                    listener,
                },
            ))
        };
        let count = r.n()?;
        let mut locals = Vec::new();
        for _ in 0..count {
            locals.push((r.field()?, r.list()?, r.field()?));
        }
        Some(JobMessage {
            routine,
            line,
            actuals,
            cmdline,
            path,
            socket,
            locals,
        })
    }
}

const MAGIC: &[u8] = b"minim-job-1\n";

fn put_n(b: &mut Vec<u8>, n: u64) {
    b.extend_from_slice(&n.to_le_bytes());
}

fn put(b: &mut Vec<u8>, bytes: &[u8]) {
    put_n(b, bytes.len() as u64);
    b.extend_from_slice(bytes);
}

fn put_list(b: &mut Vec<u8>, items: &[Vec<u8>]) {
    put_n(b, items.len() as u64);
    for i in items {
        put(b, i);
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn n(&mut self) -> Option<u64> {
        let (head, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(u64::from_le_bytes(*head))
    }

    fn field(&mut self) -> Option<Vec<u8>> {
        let len = usize::try_from(self.n()?).ok()?;
        if len > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(head.to_vec())
    }

    fn list(&mut self) -> Option<Vec<Vec<u8>>> {
        let count = self.n()?;
        let mut out = Vec::new();
        for _ in 0..count {
            out.push(self.field()?);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_survives_encoding() {
        let m = JobMessage {
            routine: "SRV".into(),
            line: 3,
            actuals: vec![Some(b"a\0b".to_vec()), None, Some(Vec::new())],
            cmdline: b"x y".to_vec(),
            path: vec![PathBuf::from("/tmp/r s")],
            socket: Some((
                0,
                Handoff {
                    handle: "h1".into(),
                    peer: "::ffff:127.0.0.1".into(),
                    listener: None,
                },
            )),
            locals: vec![(b"x".to_vec(), vec![b"1".to_vec()], b"\xff".to_vec())],
        };
        let d = JobMessage::decode(&m.encode()).expect("decodes");
        assert_eq!(d.routine, "SRV");
        assert_eq!(d.line, 3);
        assert_eq!(d.actuals, m.actuals);
        assert_eq!(d.cmdline, m.cmdline);
        assert_eq!(d.path, m.path);
        assert_eq!(d.locals, m.locals);
        let (fd, h) = d.socket.expect("socket");
        assert_eq!(
            (fd, h.handle.as_str(), h.peer.as_str()),
            (0, "h1", "::ffff:127.0.0.1")
        );
        assert!(JobMessage::decode(b"minim-job-1\n\x05").is_none());
        assert!(JobMessage::decode(b"other").is_none());
    }
}
