//! LOCK, ZALLOCATE and ZDEALLOCATE, and `ZSHOW "L"`. Names become byte strings in which every
//! component ends with `00` (a global's name starts with `^`), so that M's rule, a lock
//! covers its whole subtree and conflicts with its ancestors, is one prefix test in the
//! machine-wide lock table (`db::lock`). This file keeps what GT.M shows of the process's
//! own locks: their order and levels, ZALLOCATEd names apart, and the grant counters.

use std::time::Instant;

use super::var::display_name;
use super::{Here, Interp};
use crate::db::key;
use crate::db::lock::LockTable;
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Glvn, LockArg, LockOp};

/// A name this process holds: as ZSHOW shows it, its table key, and its LOCK level.
struct Held {
    shown: String,
    key: Vec<u8>,
    level: u32,
}

/// The process's side of locking.
#[derive(Default)]
pub(super) struct Locks {
    table: Option<LockTable>,
    /// LOCKed names, oldest first (ZSHOW "L" lists the newest first).
    held: Vec<Held>,
    /// ZALLOCATEd names.
    allocated: Vec<Held>,
    /// GT.M's `MLG` and `MLT`: LOCK arguments granted and timed out.
    granted: u64,
    timed_out: u64,
}

/// Which command a lock argument belongs to.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum LockCmd {
    Lock,
    ZAllocate,
    ZDeallocate,
}

impl Interp {
    fn lock_table(&mut self) -> MResult<&mut LockTable> {
        if self.locks.table.is_none() {
            let dir = self.globals.borrow().config().location.clone();
            let table = LockTable::open(&dir).map_err(|e| {
                MError::with_args(kind::DBFILERR, &[&dir.display().to_string()])
                    .detail(format!("the lock table: {e}"))
            })?;
            self.locks.table = Some(table);
        }
        Ok(self.locks.table.as_mut().expect("opened above"))
    }

    /// LOCK with no argument: every LOCKed name is released (ZALLOCATEd ones stay).
    pub(super) fn unlock_all(&mut self) {
        let held = std::mem::take(&mut self.locks.held);
        if let Some(t) = self.locks.table.as_mut() {
            for h in held {
                for _ in 0..h.level {
                    t.release(&h.key);
                }
            }
        }
    }

    /// ZDEALLOCATE with no argument.
    pub(super) fn deallocate_all(&mut self) {
        let allocated = std::mem::take(&mut self.locks.allocated);
        if let Some(t) = self.locks.table.as_mut() {
            for a in allocated {
                t.release(&a.key);
            }
        }
    }

    pub(super) fn exec_lock_arg(&mut self, cmd: LockCmd, a: &LockArg, here: &Here) -> MResult<()> {
        // `LOCK @x`: x holds a whole argument.
        if let (LockOp::Replace, [Glvn::Indirect(e, subs)], None) =
            (a.op, a.names.as_slice(), &a.timeout)
            && subs.is_empty()
        {
            let text = self.eval(e, here)?;
            let word = match cmd {
                LockCmd::Lock => "LOCK",
                LockCmd::ZAllocate => "ZALLOCATE",
                LockCmd::ZDeallocate => "ZDEALLOCATE",
            };
            return self.indirect_cmd(word, text.bytes(), here).map(|_| ());
        }
        let mut names = Vec::with_capacity(a.names.len());
        for g in &a.names {
            let r = self.var_ref(g, here)?;
            let (shown, key) = if r.global {
                let shown = super::global::global_name(r.name, &r.keys);
                (shown, key::encode(&format!("^{}", r.name), &r.keys))
            } else {
                (
                    display_name(r.name, &r.keys),
                    key::encode(r.name.as_str(), &r.keys),
                )
            };
            names.push((shown, key));
        }
        let timeout = self.timeout(a.timeout.as_ref(), here)?;
        match (cmd, a.op) {
            (LockCmd::ZDeallocate, _) => {
                self.deallocate(&names);
                Ok(())
            }
            (LockCmd::Lock, LockOp::Remove) => {
                self.unlock(&names);
                Ok(())
            }
            (LockCmd::Lock, LockOp::Replace) => {
                self.unlock_all();
                self.take_locks(cmd, names, timeout)
            }
            _ => self.take_locks(cmd, names, timeout),
        }
    }

    fn take_locks(
        &mut self,
        cmd: LockCmd,
        names: Vec<(String, Vec<u8>)>,
        timeout: Option<std::time::Duration>,
    ) -> MResult<()> {
        let deadline = timeout.map(|t| Instant::now() + t);
        let keys: Vec<&[u8]> = names.iter().map(|(_, k)| k.as_slice()).collect();
        let interrupted = crate::interrupt::take;
        let got = self
            .lock_table()?
            .acquire(&keys, deadline, &interrupted)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::Interrupted => MError::new(kind::CTRLC),
                _ => MError::with_args(kind::DBFILERR, &["the lock table"]).detail(e.to_string()),
            })?;
        if timeout.is_some() {
            self.test = got;
        }
        if !got {
            self.locks.timed_out += 1;
            return Ok(());
        }
        self.locks.granted += 1;
        let list = match cmd {
            LockCmd::ZAllocate => &mut self.locks.allocated,
            _ => &mut self.locks.held,
        };
        for (shown, key) in names {
            match list.iter_mut().find(|h| h.key == key) {
                Some(h) => h.level += 1,
                None => list.push(Held {
                    shown,
                    key,
                    level: 1,
                }),
            }
        }
        Ok(())
    }

    /// `LOCK -name`: one level of each name; at level 0 it is released.
    fn unlock(&mut self, names: &[(String, Vec<u8>)]) {
        for (_, key) in names {
            let Some(i) = self.locks.held.iter().position(|h| &h.key == key) else {
                continue;
            };
            if let Some(t) = self.locks.table.as_mut() {
                t.release(key);
            }
            self.locks.held[i].level -= 1;
            if self.locks.held[i].level == 0 {
                self.locks.held.remove(i);
            }
        }
    }

    fn deallocate(&mut self, names: &[(String, Vec<u8>)]) {
        for (_, key) in names {
            if let Some(i) = self.locks.allocated.iter().position(|h| &h.key == key) {
                let a = self.locks.allocated.remove(i);
                if let Some(t) = self.locks.table.as_mut() {
                    t.release(&a.key);
                }
            }
        }
    }

    /// `ZSHOW "L"`: the counters, then ZALLOCATEd and LOCKed names, newest first.
    pub(super) fn lock_lines(&self) -> Vec<Vec<u8>> {
        let l = &self.locks;
        let mut lines = vec![format!("MLG:{},MLT:{}", l.granted, l.timed_out).into_bytes()];
        for a in l.allocated.iter().rev() {
            lines.push(format!("ZAL {}", a.shown).into_bytes());
        }
        for h in l.held.iter().rev() {
            lines.push(format!("LOCK {} LEVEL={}", h.shown, h.level).into_bytes());
        }
        lines
    }
}
