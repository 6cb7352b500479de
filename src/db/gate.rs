//! The writers' gate of the embedded store: how a process that waits for LMDB's write lock
//! makes itself known to the one holding it.
//!
//! A process outside TP keeps its write transaction open across a run of updates (see
//! `lmdb.rs`), so the write lock is held for a few milliseconds at a time, not for one
//! update. LMDB's lock is a plain mutex: when its holder commits and goes straight on
//! writing, it takes the lock again long before a waiter wakes up, and could keep it for
//! as long as it writes. The gate prevents that. It is the file `<dir>/writers.lck`, and
//! each process holds a shared (read) OFD lock on its byte 0 while it waits for LMDB's
//! write lock. The holder of a batch looks at the byte now and then (`others_waiting`):
//! when someone waits, it commits and, before it writes again, waits until every waiter
//! it saw has the write lock and has left the gate (`let_waiters_in`, an exclusive lock
//! on the byte, taken and dropped). The kernel drops the locks of a process that dies,
//! even by `kill -9`, so a dead waiter never holds the gate.
//!
//! No process waits at the gate while it holds LMDB's write lock, so the gate adds no
//! deadlock: the waiters it lets in are waiting for a lock that is free.

use std::fs::{File, OpenOptions};
use std::os::fd::AsRawFd;
use std::path::Path;

use super::mdb::{Env, MdbResult, Txn};
use super::ofd::{byte_fcntl, byte_locked, lock_byte};

const BYTE: u64 = 0;

pub struct Gate {
    file: File,
}

impl Gate {
    pub fn open(dir: &Path) -> std::io::Result<Gate> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join("writers.lck"))?;
        Ok(Gate { file })
    }

    /// A write transaction, begun while this process stands at the gate.
    pub fn write_txn(&self, env: &Env) -> MdbResult<Txn> {
        let fd = self.file.as_raw_fd();
        // Waits only while a committer is letting its waiters in (an instant). Without
        // the gate (an I/O error) the process still writes; it is only less polite.
        let at_gate = byte_fcntl(fd, libc::F_OFD_SETLKW, libc::F_RDLCK, BYTE).is_ok();
        let txn = env.write_txn();
        if at_gate {
            let _ = lock_byte(fd, libc::F_UNLCK, BYTE);
        }
        txn
    }

    /// Whether another process waits for the write lock.
    pub fn others_waiting(&self) -> bool {
        byte_locked(self.file.as_raw_fd(), BYTE).unwrap_or(false)
    }

    /// Waits until every process now at the gate has had the write lock (called after a
    /// commit, holding no write lock).
    pub fn let_waiters_in(&self) {
        let fd = self.file.as_raw_fd();
        if byte_fcntl(fd, libc::F_OFD_SETLKW, libc::F_WRLCK, BYTE).is_ok() {
            let _ = lock_byte(fd, libc::F_UNLCK, BYTE);
        }
    }
}
