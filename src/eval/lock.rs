//! LOCK, ZALLOCATE and ZDEALLOCATE, and `ZSHOW "L"`. Names become byte strings in which every
//! component ends with `00` (a global's name starts with `^`), so that M's rule, a lock
//! covers its whole subtree and conflicts with its ancestors, is one prefix test in the
//! machine-wide lock table (`db::lock`). This file keeps what GT.M shows of the process's
//! own locks: their order and levels, ZALLOCATEd names apart, and the grant counters.

use std::time::Instant;

use super::var::display_name;
use super::{Here, Interp};
use crate::db::key;
use crate::db::locks::{self, Locker};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::{Glvn, LockArg, LockOp};

/// A name this process holds: as ZSHOW shows it, its table key, its LOCK level and
/// whether it is ZALLOCATEd.
struct Held {
    shown: String,
    key: Vec<u8>,
    level: u32,
    allocated: bool,
}

/// The process's side of locking.
#[derive(Default)]
pub(super) struct Locks {
    table: Option<Box<dyn Locker>>,
    /// Held names, least recently changed first (ZSHOW "L" lists the latest first: GT.M
    /// moves a name to the top whenever its LOCK level or ZALLOCATE changes).
    held: Vec<Held>,
    /// The holds at the outermost TSTART (key, LOCK level, ZALLOCATEd): TROLLBACK gives
    /// back what the transaction took (GT.M).
    at_tstart: Vec<(Vec<u8>, u32, bool)>,
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
    fn lock_table(&mut self) -> MResult<&mut dyn Locker> {
        let table = match self.locks.table.take() {
            Some(t) => t,
            None => {
                let config = self.globals.borrow().config().clone();
                locks::open(&config).map_err(|e| {
                    MError::with_args(kind::DBFILERR, &[&config.shown()])
                        .detail(format!("the lock table: {e}"))
                })?
            }
        };
        Ok(self.locks.table.insert(table).as_mut())
    }

    /// LOCK with no argument: every LOCKed name is released (ZALLOCATEd ones stay).
    pub(super) fn unlock_all(&mut self) {
        for h in &mut self.locks.held {
            if let Some(t) = self.locks.table.as_mut() {
                for _ in 0..h.level {
                    t.release(&h.key);
                }
            }
            h.level = 0;
        }
        self.locks.held.retain(|h| h.allocated);
    }

    /// Remembers the holds as a transaction starts.
    pub(super) fn locks_at_tstart(&mut self) {
        self.locks.at_tstart = self
            .locks
            .held
            .iter()
            .map(|h| (h.key.clone(), h.level, h.allocated))
            .collect();
    }

    /// TROLLBACK: releases what was taken since the outermost TSTART.
    pub(super) fn locks_at_trollback(&mut self) {
        let before = std::mem::take(&mut self.locks.at_tstart);
        let keys: Vec<Vec<u8>> = self.locks.held.iter().map(|h| h.key.clone()).collect();
        for k in keys {
            let (level, allocated) = before
                .iter()
                .find(|(b, _, _)| *b == k)
                .map_or((0, false), |(_, l, a)| (*l, *a));
            let Some(now) = self.locks.held.iter().find(|h| h.key == k) else {
                continue;
            };
            let (excess, drop_zal) = (now.level.saturating_sub(level), now.allocated && !allocated);
            for _ in 0..excess {
                self.change(&k, |h| h.level -= 1);
            }
            if drop_zal {
                self.change(&k, |h| h.allocated = false);
            }
        }
    }

    /// ZDEALLOCATE with no argument.
    pub(super) fn deallocate_all(&mut self) {
        let keys: Vec<Vec<u8>> = self
            .locks
            .held
            .iter()
            .filter(|h| h.allocated)
            .map(|h| h.key.clone())
            .collect();
        for k in keys {
            self.change(&k, |h| h.allocated = false);
        }
    }

    /// Applies `f` to a held name, moves it to the top, drops it when nothing holds it,
    /// and releases one table level when `f` lowered the count of holds.
    fn change(&mut self, key: &[u8], f: impl FnOnce(&mut Held)) {
        let Some(i) = self.locks.held.iter().position(|h| h.key == key) else {
            return;
        };
        let mut h = self.locks.held.remove(i);
        let before = h.level + h.allocated as u32;
        f(&mut h);
        let after = h.level + h.allocated as u32;
        if after < before
            && let Some(t) = self.locks.table.as_mut()
        {
            t.release(&h.key);
        }
        if after > 0 {
            self.locks.held.push(h);
        }
    }

    pub(super) fn exec_lock_arg(&mut self, cmd: LockCmd, a: &LockArg, here: &Here) -> MResult<()> {
        // What this process wrote must reach the database before a lock changes hands.
        self.sync_globals()?;
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
        let table = self.lock_table()?;
        let got = table.acquire(&keys, deadline, &interrupted);
        let still: Vec<Vec<u8>> = table.held().into_iter().map(|(k, _)| k).collect();
        let got = got.map_err(|e| match e.kind() {
            std::io::ErrorKind::Interrupted => MError::new(kind::CTRLC),
            _ => {
                // A lost table (PostgreSQL's lock connection) has released what it held.
                self.locks.held.retain(|h| still.contains(&h.key));
                MError::with_args(kind::DBFILERR, &["the lock table"]).detail(e.to_string())
            }
        })?;
        if timeout.is_some() {
            self.test = got;
        }
        if !got {
            self.locks.timed_out += 1;
            return Ok(());
        }
        self.locks.granted += 1;
        self.globals.borrow_mut().lock_taken();
        for (shown, key) in names {
            if !self.locks.held.iter().any(|h| h.key == key) {
                self.locks.held.push(Held {
                    shown,
                    key: key.clone(),
                    level: 0,
                    allocated: false,
                });
            }
            let zal = cmd == LockCmd::ZAllocate;
            let i = self.locks.held.iter().position(|h| h.key == key);
            if let Some(i) = i {
                let mut h = self.locks.held.remove(i);
                // A second ZALLOCATE of a name holds nothing more.
                if zal && h.allocated {
                    if let Some(t) = self.locks.table.as_mut() {
                        t.release(&h.key);
                    }
                } else if zal {
                    h.allocated = true;
                } else {
                    h.level += 1;
                }
                self.locks.held.push(h);
            }
        }
        Ok(())
    }

    /// `LOCK -name`: one level of each name; at level 0 it is released.
    fn unlock(&mut self, names: &[(String, Vec<u8>)]) {
        for (_, key) in names {
            self.change(key, |h| h.level = h.level.saturating_sub(1));
        }
    }

    fn deallocate(&mut self, names: &[(String, Vec<u8>)]) {
        for (_, key) in names {
            self.change(key, |h| h.allocated = false);
        }
    }

    /// `ZSHOW "L"`: the counters, then ZALLOCATEd and LOCKed names, newest first.
    pub(super) fn lock_lines(&self) -> Vec<Vec<u8>> {
        let l = &self.locks;
        let mut lines = vec![format!("MLG:{},MLT:{}", l.granted, l.timed_out).into_bytes()];
        for h in l.held.iter().rev() {
            if h.allocated {
                lines.push(format!("ZAL {}", h.shown).into_bytes());
            }
            if h.level > 0 {
                lines.push(format!("LOCK {} LEVEL={}", h.shown, h.level).into_bytes());
            }
        }
        lines
    }
}
