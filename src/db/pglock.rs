//! M's LOCK table on the PostgreSQL server, shared by minim processes on every machine that
//! uses the database.
//!
//! Table, created on first use: `minim_locks (name bytea PRIMARY KEY, owner bigint)`, one row
//! per name held (levels are kept by the owner). Names are the byte strings of `locks.rs`, so
//! two names conflict when one is a prefix of the other.
//!
//! An owner is one connection (separate from the store's, so that LOCK never touches an open
//! M transaction), known by a random token on which it holds a session advisory lock
//! (`pg_advisory_lock(KEY, token)`). The server drops that lock when the session ends, also
//! when the process dies by `kill -9` (its socket closes): a row whose owner's advisory lock
//! is gone from `pg_locks` belongs to a dead process and the next taker deletes it.
//!
//! A lost lock connection (the server restarted, the network cut, the backend terminated)
//! ends the session, so the server releases every lock the process held. The process learns
//! it at its next LOCK, ZALLOCATE or ZDEALLOCATE that reaches the server: a trappable error
//! saying the locks are gone (they are no longer shown by `ZSHOW "L"`); the LOCK after it
//! connects again. Until then the process does not know: a lock holder that only reads and
//! writes globals cannot tell that another process may have taken its names.
//!
//! One try of LOCK is one round trip: a transaction that takes a transaction advisory lock
//! (serialising every try, as the shared-memory table's guard does), deletes dead owners'
//! rows, and inserts the requested names unless a live owner holds a conflicting one. A
//! process that has to wait LISTENs on a channel on which every release NOTIFYs, so a name
//! passes to the next waiter at once rather than at its next try.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::{self, ErrorKind};
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, SimpleQueryMessage, Statement};

use super::lock::MAX_NAME;
use super::postgres::{connect, create_table};

/// The first key of minim's advisory locks ("MINI").
const KEY: i32 = 0x4D49_4E49;
/// The second key of the advisory lock that serialises tries (tokens are positive).
const GUARD: i32 = 0;

/// The channel on which releases notify waiters.
const CHANNEL: &str = "minim_locks";

const SCHEMA: &str =
    "CREATE TABLE IF NOT EXISTS minim_locks (name bytea PRIMARY KEY, owner bigint NOT NULL)";

pub struct PgLocks {
    url: String,
    /// None after the connection was lost: the next LOCK connects again.
    session: Option<Session>,
    held: Vec<(Vec<u8>, u32)>,
}

/// One connection to the lock table, with the owner token it holds.
struct Session {
    client: Client,
    token: i32,
    release: Statement,
    release_all: Statement,
}

fn failed(e: postgres::Error) -> io::Error {
    let text = match e.as_db_error() {
        Some(db) => format!("PostgreSQL: {} ({})", db.message(), db.code().code()),
        None if e.is_closed() => "the connection to the PostgreSQL server is lost".to_string(),
        None => format!("PostgreSQL: {e}"),
    };
    io::Error::other(text)
}

/// A token unlikely to be in use: the process id and the clock mixed, positive.
fn token_candidate(attempt: u32) -> i32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut x = nanos ^ (u64::from(std::process::id()) << 32) ^ u64::from(attempt);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    ((x as u32) & 0x7FFF_FFFF).max(1) as i32
}

impl PgLocks {
    pub fn open(url: &str) -> io::Result<PgLocks> {
        Ok(PgLocks {
            url: url.to_string(),
            session: Some(Session::open(url)?),
            held: Vec::new(),
        })
    }

    /// The session, opened again if it was lost.
    fn session(&mut self) -> io::Result<&mut Session> {
        let session = match self.session.take() {
            Some(s) => s,
            None => Session::open(&self.url)?,
        };
        Ok(self.session.insert(session))
    }

    /// A failure of the lock connection. If the connection is gone, the server has ended
    /// its session and so released every lock this process held (a waiter may already
    /// have taken them): they are forgotten here, the error says so, and the next LOCK
    /// connects again.
    fn failure(&mut self, e: io::Error) -> io::Error {
        let closed = self.session.as_ref().is_none_or(|s| s.client.is_closed());
        if !closed {
            return e;
        }
        self.session = None;
        let lost = std::mem::take(&mut self.held).len();
        io::Error::other(format!(
            "{e}; the connection for LOCK is gone and with it the {lost} lock names this \
             process held"
        ))
    }
}

impl Session {
    fn open(url: &str) -> io::Result<Session> {
        let mut client = connect(url).map_err(io::Error::other)?;
        create_table(&mut client, SCHEMA).map_err(failed)?;
        let mut token = 0;
        for attempt in 0..100 {
            let candidate = token_candidate(attempt);
            let row = client
                .query_one("SELECT pg_try_advisory_lock($1, $2)", &[&KEY, &candidate])
                .map_err(failed)?;
            if row.get::<_, bool>(0) {
                token = candidate;
                break;
            }
        }
        if token == 0 {
            return Err(io::Error::other("no free owner token for the lock table"));
        }
        // A release that deletes a row tells the waiters (at its commit: autocommit here).
        let release = client
            .prepare(&format!(
                "WITH gone AS (DELETE FROM minim_locks WHERE name = $1 AND owner = $2 \
                 RETURNING 1) SELECT pg_notify('{CHANNEL}', '') FROM gone LIMIT 1"
            ))
            .map_err(failed)?;
        let release_all = client
            .prepare(&format!(
                "WITH gone AS (DELETE FROM minim_locks WHERE owner = $1 RETURNING 1) \
                 SELECT pg_notify('{CHANNEL}', '') FROM gone LIMIT 1"
            ))
            .map_err(failed)?;
        Ok(Session {
            client,
            token,
            release,
            release_all,
        })
    }

    /// Takes `fresh` (names not held yet), waiting until `deadline` if another owner holds
    /// one. A waiter LISTENs for the notification every release sends, so it tries again as
    /// soon as a name is given back; it still tries at least every 20 ms, which is how it
    /// notices an owner that died (its rows go only when someone looks). The try after the
    /// LISTEN catches a release made just before it.
    fn take_waiting(
        &mut self,
        fresh: &[&[u8]],
        deadline: Option<Instant>,
        interrupted: &dyn Fn() -> bool,
    ) -> io::Result<bool> {
        if self.try_take(fresh)? {
            return Ok(true);
        }
        if deadline.is_some_and(|d| d <= Instant::now()) {
            return Ok(false);
        }
        self.client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .map_err(failed)?;
        let me = RefCell::new(&mut *self);
        let taken = super::locks::wait_for(
            deadline,
            interrupted,
            || me.borrow_mut().try_take(fresh),
            |pause| me.borrow_mut().hear_release(pause),
        );
        // Not listening, the connection gets no notifications to keep (a process that never
        // waits again must not collect every other process's releases).
        let unlisten = self.client.batch_execute(&format!("UNLISTEN {CHANNEL}"));
        let mut heard = self.client.notifications();
        let mut pending = heard.iter();
        while let Ok(Some(_)) = pending.next() {}
        let taken = taken?;
        unlisten.map_err(failed)?;
        Ok(taken)
    }

    /// Waits up to `pause` for a release's notification (an error shows at the next try).
    fn hear_release(&mut self, pause: Duration) {
        let _ = self.client.notifications().timeout_iter(pause).next();
    }

    /// One try at taking `fresh` (names not held yet): true if taken.
    fn try_take(&mut self, fresh: &[&[u8]]) -> io::Result<bool> {
        let mut want = String::new();
        for (i, name) in fresh.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(want, "{sep}(decode('");
            for b in name.iter() {
                let _ = write!(want, "{b:02x}");
            }
            want.push_str("','hex'))");
        }
        let me = self.token;
        let sql = format!(
            "BEGIN; SELECT pg_advisory_xact_lock({KEY}, {GUARD}); \
             DELETE FROM minim_locks l WHERE NOT EXISTS (SELECT 1 FROM pg_locks p \
               WHERE p.locktype = 'advisory' AND p.granted AND p.objsubid = 2 \
               AND p.classid::text::bigint = {KEY} AND p.objid::text::bigint = l.owner); \
             WITH want(name) AS (VALUES {want}), \
               blocked AS (SELECT 1 FROM minim_locks l, want w WHERE l.owner <> {me} AND \
                 (substr(l.name, 1, length(w.name)) = w.name \
                  OR substr(w.name, 1, length(l.name)) = l.name) LIMIT 1), \
               taken AS (INSERT INTO minim_locks (name, owner) SELECT name, {me} FROM want \
                 WHERE NOT EXISTS (SELECT 1 FROM blocked) ON CONFLICT (name) DO NOTHING) \
             SELECT NOT EXISTS (SELECT 1 FROM blocked); COMMIT;"
        );
        let result = self.client.simple_query(&sql);
        let messages = match result {
            Ok(m) => m,
            Err(e) => {
                let _ = self.client.batch_execute("ROLLBACK");
                return Err(failed(e));
            }
        };
        let mut taken = None;
        for m in &messages {
            if let SimpleQueryMessage::Row(row) = m
                && row
                    .columns()
                    .first()
                    .is_some_and(|c| c.name() == "?column?")
            {
                taken = row.get(0).map(|v| v == "t");
            }
        }
        taken.ok_or_else(|| io::Error::other("the lock table gave no answer"))
    }
}

fn check_name(name: &[u8]) -> io::Result<()> {
    if name.len() > MAX_NAME || name.last() != Some(&0) {
        return Err(io::Error::new(
            ErrorKind::InvalidInput,
            format!("a lock name must end with 0x00 and have at most {MAX_NAME} bytes"),
        ));
    }
    Ok(())
}

impl super::locks::Locker for PgLocks {
    fn acquire(
        &mut self,
        names: &[&[u8]],
        deadline: Option<Instant>,
        interrupted: &dyn Fn() -> bool,
    ) -> io::Result<bool> {
        names.iter().try_for_each(|n| check_name(n))?;
        let fresh = super::locks::names_to_take(names, |name| {
            self.held.iter().find(|h| h.0 == name).map_or(0, |h| h.1)
        })?;
        if !fresh.is_empty() {
            let taken = self
                .session()
                .and_then(|session| session.take_waiting(&fresh, deadline, interrupted));
            match taken {
                Ok(true) => {}
                Ok(false) => return Ok(false),
                Err(e) if e.kind() == ErrorKind::Interrupted => return Err(e),
                Err(e) => return Err(self.failure(e)),
            }
        }
        for name in names {
            match self.held.iter_mut().find(|h| h.0 == *name) {
                Some(h) => h.1 += 1,
                None => self.held.push((name.to_vec(), 1)),
            }
        }
        Ok(true)
    }

    fn release(&mut self, name: &[u8]) {
        let Some(i) = self.held.iter().position(|h| h.0 == name) else {
            return;
        };
        self.held[i].1 -= 1;
        if self.held[i].1 == 0 {
            self.held.remove(i);
            // Should this fail (the server gone), the row goes with the session.
            if let Some(s) = self.session.as_mut() {
                let token = i64::from(s.token);
                let _ = s.client.execute(&s.release, &[&name, &token]);
            }
        }
    }

    fn release_all(&mut self) {
        if self.held.is_empty() {
            return;
        }
        self.held.clear();
        if let Some(s) = self.session.as_mut() {
            let token = i64::from(s.token);
            let _ = s.client.execute(&s.release_all, &[&token]);
        }
    }

    fn held(&self) -> Vec<(Vec<u8>, u32)> {
        self.held.clone()
    }
}

impl Drop for PgLocks {
    fn drop(&mut self) {
        super::locks::Locker::release_all(self);
    }
}
