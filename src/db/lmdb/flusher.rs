//! The flush thread of the LMDB store: it releases a read snapshot no read used for a tick,
//! marks a batch of updates due, makes commits durable every second and frees the reader
//! slots of dead processes.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::BatchSignal;
use crate::db::gate::Gate;
use crate::db::mdb::Env;
use crate::db::snapshot::{Snapshot, lock};

/// How often the flush thread looks at a live snapshot. Measured: a snapshot pinned for a
/// second or two while another process committed 30,000 SETs grew the file by 800 MB (every
/// commit took fresh pages), so an idle one must go within a few milliseconds. With no live
/// snapshot the thread sleeps until one is taken or a flush is due: an idle process does not
/// wake 200 times a second.
const TICK: Duration = Duration::from_millis(5);
/// Commits are flushed to disk every second.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// How often the flush thread looks at an open batch of updates.
const BATCH_TICK: Duration = Duration::from_millis(1);
/// Every how many flushes the reader slots of dead processes are freed.
const STALE_CHECK_FLUSHES: u32 = 10;

/// What the flush thread watches.
pub(super) struct Watched {
    pub(super) env: &'static Env,
    pub(super) max_age: Duration,
    pub(super) snapshot: Arc<Mutex<Snapshot>>,
    pub(super) taken: Arc<Condvar>,
    pub(super) signal: Arc<BatchSignal>,
    pub(super) gate: Arc<Gate>,
}

/// The flush thread: releases the snapshot when no read used it for a tick, marks a batch
/// due when it is old or another process waits for the write lock, makes commits durable
/// every second, and now and then frees the reader slots of dead processes.
pub(super) fn flusher(w: &Watched) {
    let mut last_flush = Instant::now();
    let mut flushes = 0u32;
    let mut s = lock(&w.snapshot);
    loop {
        let wait = match (s.batch_since, s.live) {
            (Some(_), _) => BATCH_TICK,
            (None, true) => TICK,
            (None, false) => FLUSH_EVERY.saturating_sub(last_flush.elapsed()),
        };
        s = match w.taken.wait_timeout(s, wait) {
            Ok((g, _)) => g,
            Err(e) => e.into_inner().0,
        };
        if !s.used && s.live {
            s.release();
        }
        s.used = false;
        if let Some(since) = s.batch_since {
            mark_due(w, since);
        }
        if last_flush.elapsed() >= FLUSH_EVERY {
            // Reads go on while the disk is flushed.
            drop(s);
            let _ = w.env.sync();
            flushes = flushes.wrapping_add(1);
            if flushes.is_multiple_of(STALE_CHECK_FLUSHES) {
                w.env.clear_stale_readers();
            }
            last_flush = Instant::now();
            s = lock(&w.snapshot);
        }
    }
}

/// Marks the open batch due when it is `max_age` old or another process waits for the
/// write lock, and raises the interpreter's attention flag: a routine that computes
/// without touching the database commits at its next line or FOR pass.
fn mark_due(w: &Watched, since: Instant) {
    if w.signal.due.load(Ordering::Relaxed) {
        return;
    }
    let waiting = w.gate.others_waiting();
    if waiting || since.elapsed() >= w.max_age {
        w.signal.handoff.store(waiting, Ordering::Relaxed);
        w.signal.due.store(true, Ordering::Relaxed);
        crate::interrupt::attend();
    }
}
