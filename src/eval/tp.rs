//! Transactions: TSTART, TCOMMIT, TROLLBACK, TRESTART, `$TLEVEL` and `$TRESTART`.
//!
//! The store keeps every update of a transaction invisible to other processes until the
//! outermost TCOMMIT, and drops them all on TROLLBACK. A restartable transaction (TSTART with
//! a restore list: `()`, `(a,b)`, `a` or `*`) remembers where it started and the listed
//! locals; TRESTART rolls back, puts those locals back, and unwinds to the TSTART command,
//! which runs again (GT.M: TROLLBACK itself restores no local).

use super::{Here, Interp, place};
use crate::db::DbError;
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::Node;
use crate::syntax::ast::{Cmd, CmdKind, Expr, TpRestore, TstartArg};

/// Restarts after which a transaction's next try is its final one (GT.M: the fourth try).
const FINAL_TRY: u32 = 3;

/// The outermost TSTART of the running transaction.
pub(super) struct Transaction {
    /// The stack level the TSTART ran at.
    frame: usize,
    here: Here,
    /// Where the TSTART command starts in its line (to find it again on restart).
    cmd_start: usize,
    restore: Option<TpRestore>,
    saved: SavedLocals,
    /// The restore lists of nested TSTARTs still open, with the $TLEVEL each started: a
    /// restart puts those variables back as they were at that TSTART too, the outermost
    /// list winning for a variable listed twice; a TCOMMIT of the level drops its list
    /// (GT.M; golden tpnest1).
    nested: Vec<(usize, SavedLocals)>,
}

/// A TSTART's restore list, as it was when the TSTART ran.
#[derive(Default)]
struct SavedLocals {
    /// `TSTART *`: a restart also kills every local created after the TSTART (GT.M).
    all: bool,
    /// The variables as they were (`None`: undefined).
    vars: Vec<(Sym, Option<Node>)>,
}

impl Interp {
    pub(super) fn tlevel(&self) -> usize {
        self.globals.borrow().tlevel()
    }

    pub(super) fn exec_tstart(
        &mut self,
        arg: Option<&TstartArg>,
        cmd: &Cmd,
        here: &Here,
    ) -> MResult<()> {
        let restore = arg.and_then(|a| a.restore.clone());
        let saved = self.save_locals(restore.as_ref());
        let level = self.tlevel();
        match self.tp.as_mut() {
            Some(tp) if level > 0 => {
                if restore.is_some() {
                    tp.nested.push((level + 1, saved));
                }
            }
            _ => {
                self.locks_at_tstart();
                self.tp = Some(Transaction {
                    frame: self.frames.len() - 1,
                    here: here.clone(),
                    cmd_start: cmd.span.start,
                    restore,
                    saved,
                    nested: Vec::new(),
                });
            }
        }
        // GT.M's final retry: after three restarts the fourth try holds the database
        // exclusively, so that a transaction that keeps losing conflicts ends.
        let final_try = self.tlevel() == 0 && self.trestart >= FINAL_TRY;
        let started = if final_try {
            self.globals.borrow_mut().tstart_final()
        } else {
            self.globals.borrow_mut().tstart()
        };
        started.map_err(|e| self.db_failure(e))?;
        self.tstart_frames.push(self.frames.len() - 1);
        Ok(())
    }

    /// The variables of a TSTART's restore list as they are now (`None`: undefined).
    fn save_locals(&self, restore: Option<&TpRestore>) -> SavedLocals {
        let names = match restore {
            Some(TpRestore::All) => self.locals.all_names(),
            Some(TpRestore::Names(n)) => n.clone(),
            None => Vec::new(),
        };
        let vars = names
            .into_iter()
            .map(|n| {
                let node = self.locals.slot(n).map(|s| s.borrow().clone());
                (n, node.filter(|n| !n.is_undefined()))
            })
            .collect();
        SavedLocals {
            all: matches!(restore, Some(TpRestore::All)),
            vars,
        }
    }

    /// Puts a restore list's variables back; after `TSTART *`, kills the others.
    fn restore_locals(&mut self, saved: &SavedLocals) {
        if saved.all {
            for name in self.locals.all_names() {
                if !saved.vars.iter().any(|(n, _)| *n == name) {
                    *self.locals.slot_mut(name).borrow_mut() = Node::default();
                }
            }
        }
        for (name, node) in &saved.vars {
            let slot = self.locals.slot_mut(*name);
            *slot.borrow_mut() = node.clone().unwrap_or_default();
        }
    }

    /// Forgets the restore lists of nested TSTARTs above $TLEVEL `level` (committed or
    /// rolled back).
    fn drop_nested_saves(&mut self, level: usize) {
        if let Some(tp) = self.tp.as_mut() {
            tp.nested.retain(|(at, _)| *at <= level);
        }
    }

    pub(super) fn exec_tcommit(&mut self) -> MResult<()> {
        if self.tlevel() == 0 {
            return Err(MError::new(kind::TLVLZERO));
        }
        let done = self.globals.borrow_mut().tcommit();
        done.map_err(|e| self.db_failure(e))?;
        self.tstart_frames.pop();
        let level = self.tlevel();
        if level == 0 {
            self.end_transaction();
        } else {
            self.drop_nested_saves(level);
        }
        Ok(())
    }

    pub(super) fn exec_trollback(&mut self, arg: Option<&Expr>, here: &Here) -> MResult<()> {
        let level = self.tlevel();
        if level == 0 {
            return Err(MError::new(kind::TLVLZERO));
        }
        let to = match arg {
            Some(e) => self.eval(e, here)?.int(),
            None => 0,
        };
        // GT.M: n >= $TLEVEL is INVROLLBKLVL; a negative n counts back from $TLEVEL, and
        // past 0 is TROLLBK2DEEP.
        if to > 0 && to >= level as i64 {
            return Err(MError::with_args(
                kind::INVROLLBKLVL,
                &[&to.to_string(), &level.to_string()],
            ));
        }
        if to < 0 && -to > level as i64 {
            return Err(MError::with_args(
                kind::TROLLBK2DEEP,
                &[&(-to).to_string(), &level.to_string()],
            ));
        }
        let to = if to < 0 { level as i64 + to } else { to };
        if to == 0 {
            self.globals.borrow_mut().trollback();
            self.locks_at_trollback();
            self.end_transaction();
        } else {
            let undone = self.globals.borrow_mut().trollback_to(to as usize);
            undone.map_err(|e| self.db_failure(e))?;
            self.tstart_frames.truncate(to as usize);
            self.drop_nested_saves(to as usize);
        }
        Ok(())
    }

    /// TRESTART: returns the signal that unwinds to the transaction's TSTART.
    pub(super) fn exec_trestart(&mut self, here: &Here) -> MError {
        if self.tlevel() == 0 {
            return MError::new(kind::TLVLZERO);
        }
        let Some(tp) = self.tp.as_mut() else {
            return MError::new(kind::TLVLZERO);
        };
        if tp.restore.is_none() {
            let start = place(&tp.here.routine, tp.here.line);
            let failure = place(&here.routine, here.line);
            return MError::with_args(kind::TRESTNOT, &[&start, &failure]);
        }
        // The TSTARTs run again from the outermost: their levels and nested lists are made
        // anew.
        let nested = std::mem::take(&mut tp.nested);
        let outer = std::mem::take(&mut tp.saved);
        self.globals.borrow_mut().trollback();
        self.tstart_frames.clear();
        // Innermost first, so that the outermost list's value of a variable stays.
        for (_, saved) in nested.iter().rev() {
            self.restore_locals(saved);
        }
        self.restore_locals(&outer);
        if let Some(tp) = self.tp.as_mut() {
            tp.saved = outer;
        }
        self.trestart += 1;
        let mut signal = MError::new(kind::TEXT);
        signal.restart = true;
        signal
    }

    /// A restart signal that no TRESTART made (a conflict the store reported): rolls the
    /// transaction back and restores the locals as TRESTART does; a transaction that is not
    /// restartable is rolled back and gives TRESTNOT.
    pub(super) fn conflict_restart(&mut self, signal: MError, here: &Here) -> MError {
        if self.tlevel() == 0 {
            return signal;
        }
        let e = self.exec_trestart(here);
        if !e.restart {
            self.globals.borrow_mut().trollback();
            self.locks_at_trollback();
            self.end_transaction();
        }
        e
    }

    /// Where a restart resumes, if it is this frame's and this routine's: the line of the
    /// TSTART and the index of the TSTART command in it.
    pub(super) fn restart_point(&self, here: &Here) -> Option<(Here, usize)> {
        let tp = self.tp.as_ref()?;
        if tp.frame != self.frames.len() - 1
            || !std::rc::Rc::ptr_eq(&tp.here.routine, &here.routine)
        {
            return None;
        }
        let body = &tp.here.routine.lines.get(tp.here.line)?.body;
        let index = body.iter().position(|c| c.span.start == tp.cmd_start)?;
        Some((tp.here.clone(), index))
    }

    fn end_transaction(&mut self) {
        self.tp = None;
        self.tstart_frames.clear();
        self.trestart = 0;
    }

    /// Rolls back a transaction left open when the process ends (GT.M: HALT rolls back).
    pub(super) fn abandon_transaction(&mut self) {
        if self.tlevel() > 0 {
            self.globals.borrow_mut().trollback();
            self.end_transaction();
        }
    }

    pub(super) fn db_location(&self) -> String {
        self.globals.borrow().config().shown()
    }

    /// Sends the SETs the store has not sent yet (a LOCK command, exit): their failure
    /// is reported here. The borrow ends before the error is built.
    pub(super) fn sync_globals(&self) -> MResult<()> {
        let synced = self.globals.borrow_mut().sync();
        synced.map_err(|e| self.db_failure(e))
    }

    /// Before a command at which this process may wait or be observed by another (a
    /// device command, HANG): the updates the store holds back (a batch of the embedded
    /// store, pipelined SETs on PostgreSQL) are committed first, so that whoever sees this
    /// process's output or waits on it sees its updates too, and no process waits for
    /// the database's write lock while this one waits. LOCK, JOB, ZSYSTEM, TSTART and
    /// exit sync on their own.
    #[inline]
    pub(super) fn sync_before(&self, kind: &CmdKind) -> MResult<()> {
        match kind {
            CmdKind::Write(_)
            | CmdKind::Read(_)
            | CmdKind::Hang(_)
            | CmdKind::Open(_)
            | CmdKind::Use(_)
            | CmdKind::Close(_) => self.sync_globals(),
            _ => Ok(()),
        }
    }

    /// A storage failure as GT.M's DBFILERR, naming the database.
    pub(super) fn db_failure(&self, e: DbError) -> MError {
        if let DbError::Restricted = e {
            return MError::with_args(kind::RESTRICTEDOP, &["database access"]);
        }
        let location = self.db_location();
        let (why, conflict, full) = match e {
            DbError::Store(s) => (s.text, s.conflict, s.full),
            other => (format!("{other:?}"), false, false),
        };
        if full {
            return MError::with_args(kind::GBLOFLOW, &[&location]).detail(why);
        }
        if conflict && self.tlevel() > 0 {
            // Another process won a conflict (PostgreSQL's serialisation failure): the
            // store has rolled back; unwinding to TSTART restarts the transaction, as
            // GT.M's optimistic TP restarts (see `conflict_restart`).
            let mut signal = MError::new(kind::TEXT);
            signal.restart = true;
            return signal;
        }
        MError::with_args(kind::DBFILERR, &[&location]).detail(why)
    }
}
