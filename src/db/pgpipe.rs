//! The PostgreSQL store's connection, and SETs outside TP pipelined on it.
//!
//! A SET outside a transaction does not wait for the server: it joins a queue, and a writer
//! thread of the process sends whatever has queued as one statement (an upsert of
//! `unnest($1, $2)`, the last value of a key winning), while the routine goes on. While one
//! batch is on its way the next one grows, so a run of N SETs costs a few round trips, not N,
//! and a routine that stops writing has its SETs on the server one round trip later.
//!
//! Order: every other statement of the process (a read the read-ahead batch cannot answer,
//! KILL, `$INCREMENT`, TSTART...) first sends what is queued, on the same connection, so the
//! process always sees its own SETs, and other processes see them no later than its next
//! LOCK command, JOB, ZSYSTEM, TSTART, `$INCREMENT` or exit (the interpreter calls
//! `Store::sync` there).
//!
//! Errors: a failed batch (the server gone, its disk full...) is reported as the M error of
//! the process's next global operation, at the latest at its next LOCK command or at exit;
//! the SETs queued after the failure are dropped with it (none of a later SET is applied
//! when an earlier one was not). The queue is bounded: past `MAX_QUEUED` bytes a SET waits for
//! the queue to be sent.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use postgres::{Client, NoTls};

use super::postgres::{Statements, fail, setup};
use super::store::{StoreError, StoreResult};

/// The bytes of keys and values that may wait in the queue; past it, a SET sends the queue
/// itself (the routine then runs at the server's pace).
const MAX_QUEUED: usize = 4 << 20;

/// The connection (made again after it was lost).
pub struct Link {
    config: postgres::Config,
    shown: String,
    conn: Option<(Client, Statements)>,
}

impl Link {
    pub fn new(config: postgres::Config, shown: String) -> Link {
        Link {
            config,
            shown,
            conn: None,
        }
    }

    /// Whether there is no usable connection now.
    pub fn lost(&self) -> bool {
        self.conn.as_ref().is_none_or(|(c, _)| c.is_closed())
    }

    /// Forgets a connection the server closed.
    pub fn drop_if_closed(&mut self) {
        if self.conn.as_ref().is_some_and(|(c, _)| c.is_closed()) {
            self.conn = None;
        }
    }

    /// The connection, made (again) if there is none.
    pub fn conn(&mut self) -> StoreResult<&mut (Client, Statements)> {
        self.drop_if_closed();
        let conn = match self.conn.take() {
            Some(c) => c,
            None => {
                let mut client = self.config.connect(NoTls).map_err(|e| {
                    StoreError::new(format!("cannot connect to {}: {e}", self.shown))
                })?;
                setup(&mut client).map_err(fail)?;
                let statements = Statements::prepare(&mut client).map_err(fail)?;
                (client, statements)
            }
        };
        Ok(self.conn.insert(conn))
    }

    /// Sends a statement on the connection if there is one (ROLLBACK, COMMIT of a scan).
    pub fn execute_quietly(&mut self, sql: &str) {
        if let Some((c, _)) = self.conn.as_mut() {
            let _ = c.batch_execute(sql);
        }
    }

    /// Writes queued SETs in one statement.
    fn send(&mut self, mut sets: Vec<(Vec<u8>, Vec<u8>)>) -> StoreResult<()> {
        let result = match sets.len() {
            0 => return Ok(()),
            1 => {
                let (k, v) = &sets[0];
                let (client, s) = self.conn()?;
                client.execute(&s.set, &[k, v])
            }
            _ => {
                // One row per key (an upsert may not touch a row twice): the last SET wins.
                sets.reverse();
                sets.sort_by(|a, b| a.0.cmp(&b.0));
                sets.dedup_by(|later, first| later.0 == first.0);
                let keys: Vec<&[u8]> = sets.iter().map(|(k, _)| k.as_slice()).collect();
                let values: Vec<&[u8]> = sets.iter().map(|(_, v)| v.as_slice()).collect();
                let (client, s) = self.conn()?;
                client.execute(&s.set_many, &[&keys, &values])
            }
        };
        result.map(drop).map_err(|e| {
            self.drop_if_closed();
            fail(e)
        })
    }
}

#[derive(Default)]
struct Queue {
    sets: Vec<(Vec<u8>, Vec<u8>)>,
    bytes: usize,
    /// A batch that failed, not yet reported to the routine.
    failed: Option<StoreError>,
    closing: bool,
}

/// The connection and the queue, shared by the routine's thread and the writer thread.
pub struct Shared {
    link: Mutex<Link>,
    queue: Mutex<Queue>,
    ready: Condvar,
}

/// A mutex whose holder panicked holds data still usable here (no invariant spans a panic).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn new(link: Link) -> Arc<Shared> {
        Arc::new(Shared {
            link: Mutex::new(link),
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
        })
    }

    /// The connection, every queued SET sent first (or their failure reported).
    pub fn link(&self) -> StoreResult<MutexGuard<'_, Link>> {
        let mut link = lock(&self.link);
        self.drain(&mut link)?;
        Ok(link)
    }

    /// The connection as it is, queue untouched (in a transaction the queue is empty).
    pub fn link_now(&self) -> MutexGuard<'_, Link> {
        lock(&self.link)
    }

    /// Sends what is queued on `link` (held by the caller); reports an earlier failure.
    fn drain(&self, link: &mut Link) -> StoreResult<()> {
        let (sets, failed) = {
            let mut q = lock(&self.queue);
            q.bytes = 0;
            (std::mem::take(&mut q.sets), q.failed.take())
        };
        if let Some(e) = failed {
            return Err(lost(e, sets.len()));
        }
        link.send(sets)
    }

    /// Queues a SET; true when the writer thread should be woken (false: the queue was
    /// full and has been sent here).
    pub fn push(&self, key: &[u8], value: &[u8]) -> StoreResult<()> {
        let full = {
            let mut q = lock(&self.queue);
            if let Some(e) = q.failed.take() {
                let dropped = std::mem::take(&mut q.sets).len();
                q.bytes = 0;
                return Err(lost(e, dropped));
            }
            q.sets.push((key.to_vec(), value.to_vec()));
            q.bytes += key.len() + value.len();
            q.bytes > MAX_QUEUED
        };
        if full {
            let mut link = lock(&self.link);
            return self.drain(&mut link);
        }
        self.ready.notify_one();
        Ok(())
    }

    /// The writer thread: sends each batch as it queues, until `close`.
    fn write(&self) {
        loop {
            {
                let mut q = lock(&self.queue);
                while (q.sets.is_empty() || q.failed.is_some()) && !q.closing {
                    q = self.ready.wait(q).unwrap_or_else(PoisonError::into_inner);
                }
                if q.closing {
                    return;
                }
            }
            let mut link = lock(&self.link);
            let sets = {
                let mut q = lock(&self.queue);
                if q.failed.is_some() {
                    continue;
                }
                q.bytes = 0;
                std::mem::take(&mut q.sets)
            };
            if let Err(e) = link.send(sets) {
                lock(&self.queue).failed.get_or_insert(e);
            }
        }
    }

    /// Starts the writer thread; None if the system gives no thread (then SETs are sent
    /// by the routine's thread at its next statement, or when the queue is full).
    pub fn start_writer(self: &Arc<Shared>) -> Option<JoinHandle<()>> {
        let shared = Arc::clone(self);
        std::thread::Builder::new()
            .name("minim-pg-writer".to_string())
            .spawn(move || shared.write())
            .ok()
    }

    /// Stops the writer thread (what is still queued stays for `link`/`drain`).
    pub fn close(&self, writer: JoinHandle<()>) {
        lock(&self.queue).closing = true;
        self.ready.notify_all();
        let _ = writer.join();
    }
}

/// The error of a failed batch, saying how many later SETs were dropped with it.
fn lost(e: StoreError, dropped: usize) -> StoreError {
    let text = match dropped {
        0 => format!("a SET sent in the background failed: {}", e.text),
        n => format!(
            "a SET sent in the background failed ({n} later SETs not applied): {}",
            e.text
        ),
    };
    StoreError {
        text,
        conflict: false,
        full: e.full,
    }
}
