//! The PostgreSQL store: globals in one table of a PostgreSQL server that minim processes on
//! many machines share. `MINIM_DB=postgres://user@host:port/dbname` selects it.
//!
//! Schema, created on first use: `minim_globals (k bytea PRIMARY KEY, v bytea NOT NULL)`.
//! `k` holds the same GT.M key bytes as the embedded store, so `bytea`'s bytewise order is M's
//! collation and a subtree is one key range. Only plain SQL is used (no server functions).
//!
//! Every M operation is at most one prepared statement (one round trip, ~80-100 µs on
//! loopback), except `$INCREMENT` outside TP (a read, then a compare-and-set write, retried
//! if another process changed the node in between) and scans (pages of `PAGE` rows). SETs
//! outside TP do not wait for the server: they are pipelined (`pgpipe.rs`).
//!
//! Read-ahead: a `$ORDER`/`$QUERY` step that misses fetches a batch of the following (or,
//! backwards, preceding) keys with their values when small, covering one key range; later
//! steps, `$DATA` and `$GET` inside that range are answered from it. This process's own
//! writes update the batch in place. The batch is dropped at TSTART, TROLLBACK, when this
//! process takes a LOCK, and when it is older than `FRESH`: outside TP a read may miss
//! another process's commit of the last `FRESH`; inside TP the batch belongs to the
//! transaction's snapshot, and PostgreSQL's serialisable checks see the batch's range read.
//!
//! Transactions are SERIALIZABLE; a serialisation failure or deadlock (SQLSTATE 40001,
//! 40P01) is reported as a conflict, which the interpreter turns into a TRESTART.
//! The final try (`begin_final`, after three restarts) first locks the table against other
//! writers, so it cannot lose a conflict.

use std::io::Write as _;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use postgres::error::SqlState;
use postgres::{Client, NoTls, Statement};

use super::pgbatch::{Batch, SMALL_VALUE};
use super::pgpipe::{Link, Shared};
use super::store::{Rows, Store, StoreError, StoreResult, Update, Visit};

/// The longest time a read-ahead batch answers reads outside a transaction.
const FRESH: Duration = Duration::from_millis(100);
/// The first batch after a random access, and the largest after a run of sequential misses.
const FIRST_BATCH: i64 = 32;
const MAX_BATCH: i64 = 1024;
/// Rows per page of a scan (ZWRITE, MERGE, extract).
const PAGE: i64 = 1000;

const SCHEMA: &str =
    "CREATE TABLE IF NOT EXISTS minim_globals (k bytea PRIMARY KEY, v bytea NOT NULL)";

/// The statements, prepared once per connection.
pub struct Statements {
    get: Statement,
    pub set: Statement,
    /// Many SETs in one statement (distinct keys): `unnest` of a key and a value array.
    pub set_many: Statement,
    insert_new: Statement,
    replace_if: Statement,
    delete: Statement,
    delete_range: Statement,
    next: Statement,
    prev: Statement,
    page: Statement,
}

impl Statements {
    pub fn prepare(c: &mut Client) -> Result<Statements, postgres::Error> {
        // A batch row: key, value when small (else NULL), whether the value is there.
        let row = format!("k, CASE WHEN length(v) <= {SMALL_VALUE} THEN v END");
        Ok(Statements {
            get: c.prepare("SELECT v FROM minim_globals WHERE k = $1")?,
            set: c.prepare(
                "INSERT INTO minim_globals (k, v) VALUES ($1, $2) \
                 ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
            )?,
            set_many: c.prepare(
                "INSERT INTO minim_globals (k, v) SELECT * FROM unnest($1::bytea[], $2::bytea[]) \
                 ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
            )?,
            insert_new: c.prepare(
                "INSERT INTO minim_globals (k, v) VALUES ($1, $2) ON CONFLICT (k) DO NOTHING",
            )?,
            replace_if: c.prepare("UPDATE minim_globals SET v = $2 WHERE k = $1 AND v = $3")?,
            delete: c.prepare("DELETE FROM minim_globals WHERE k = $1")?,
            delete_range: c.prepare("DELETE FROM minim_globals WHERE k >= $1 AND k < $2")?,
            next: c.prepare(&format!(
                "SELECT {row} FROM minim_globals WHERE k >= $1 ORDER BY k LIMIT $2"
            ))?,
            prev: c.prepare(&format!(
                "SELECT {row} FROM minim_globals WHERE k < $1 ORDER BY k DESC LIMIT $2"
            ))?,
            page: c.prepare(
                "SELECT k, v FROM minim_globals WHERE k >= $1 AND k < $2 ORDER BY k LIMIT $3",
            )?,
        })
    }
}

pub struct PgStore {
    /// The connection and the queue of SETs outside TP (`pgpipe.rs`).
    shared: Arc<Shared>,
    /// The thread sending queued SETs, started by the first one.
    writer: Option<JoinHandle<()>>,
    writer_failed: bool,
    in_txn: bool,
    batch: Batch,
    /// The size of the next batch: doubled while a walk runs off the end of each batch.
    batch_size: i64,
    /// The node and value of this process's last `$INCREMENT` outside TP.
    last_update: Option<(Vec<u8>, Vec<u8>)>,
    /// The answer of the last `get`/`seek`/`seek_back`, which the caller borrows.
    found: Option<Vec<u8>>,
    shown: String,
}

/// What a user may see of a URL: everything but a password.
pub fn shown_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (auth, host) = match rest.rsplit_once('@') {
        Some((auth, host)) => (auth, host),
        None => return url.to_string(),
    };
    let user = auth.split(':').next().unwrap_or("");
    format!("{scheme}://{user}@{host}")
}

/// A PostgreSQL failure, described; a serialisation failure or deadlock is a conflict, a
/// full disk the database's being full.
pub fn fail(e: postgres::Error) -> StoreError {
    let conflict = matches!(
        e.code(),
        Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE || *c == SqlState::T_R_DEADLOCK_DETECTED
    );
    let text = match e.as_db_error() {
        Some(db) => format!("PostgreSQL: {} ({})", db.message(), db.code().code()),
        None if e.is_closed() => "the connection to the PostgreSQL server is lost".to_string(),
        None => format!("PostgreSQL: {e}"),
    };
    let full = matches!(e.code(), Some(c) if *c == SqlState::DISK_FULL);
    StoreError {
        text,
        conflict,
        full,
    }
}

/// Connects with bounded waits: a server that stops answering is an error, not a hang.
pub fn connect(url: &str) -> Result<Client, String> {
    let mut config: postgres::Config = url
        .parse()
        .map_err(|e| format!("not a PostgreSQL URL ({e})"))?;
    bounded(&mut config);
    config
        .connect(NoTls)
        .map_err(|e| format!("cannot connect: {e}"))
}

fn bounded(config: &mut postgres::Config) {
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    config
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(10))
        .tcp_user_timeout(Duration::from_secs(30));
    if config.get_application_name().is_none() {
        config.application_name("minim");
    }
}

impl PgStore {
    /// Connects to the server of `url` and creates the table when it is missing.
    pub fn open(url: &str) -> StoreResult<PgStore> {
        let shown = shown_url(url);
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e| StoreError::new(format!("{shown} is not a PostgreSQL URL ({e})")))?;
        bounded(&mut config);
        let store = PgStore {
            shared: Shared::new(Link::new(config, shown.clone())),
            writer: None,
            writer_failed: false,
            in_txn: false,
            batch: Batch::default(),
            batch_size: FIRST_BATCH,
            last_update: None,
            found: None,
            shown,
        };
        store.shared.link()?.conn()?;
        Ok(store)
    }

    /// Runs `f` on the connection; a lost connection is dropped (and an open transaction
    /// with it: the server rolls it back).
    fn with<R>(
        &mut self,
        f: impl FnOnce(&mut Client, &Statements) -> Result<R, postgres::Error>,
    ) -> StoreResult<R> {
        let shared = Arc::clone(&self.shared);
        if self.in_txn && shared.link_now().lost() {
            self.in_txn = false;
            self.batch = Batch::default();
            return Err(StoreError::new(
                "the connection to the PostgreSQL server was lost in a transaction, \
                 which the server rolled back",
            ));
        }
        let mut link = shared.link()?;
        let (client, statements) = link.conn()?;
        let result = f(client, statements);
        result.map_err(|e| {
            let e = fail(e);
            link.drop_if_closed();
            drop(link);
            if e.conflict && self.in_txn {
                // The server has aborted the transaction; the interpreter restarts it.
                self.end_txn("ROLLBACK");
            }
            e
        })
    }

    fn end_txn(&mut self, how: &str) {
        self.in_txn = false;
        self.batch = Batch::default();
        self.shared.link_now().execute_quietly(how);
    }

    /// The batch, unless it is too old to answer a read outside a transaction.
    fn fresh_batch(&mut self) -> &Batch {
        if !self.in_txn && self.batch.at.is_some_and(|t| t.elapsed() > FRESH) {
            self.batch = Batch::default();
        }
        &self.batch
    }

    /// Reads a batch forwards from `from` (or backwards before it) and keeps it.
    fn read_batch(&mut self, from: &[u8], forward: bool) -> StoreResult<()> {
        // A miss just past the previous batch is a walk: read further ahead next time.
        let walking = match (&self.batch.hi, forward) {
            (Some(hi), true) => from >= hi.as_slice(),
            (_, false) => self.batch.at.is_some() && from <= self.batch.lo.as_slice(),
            _ => false,
        };
        self.batch_size = if walking {
            (self.batch_size * 2).min(MAX_BATCH)
        } else {
            FIRST_BATCH
        };
        let limit = self.batch_size;
        let rows = self.with(|c, s| {
            let statement = if forward { &s.next } else { &s.prev };
            c.query(statement, &[&from, &limit])
        })?;
        let mut rows: Vec<(Vec<u8>, Option<Vec<u8>>)> =
            rows.into_iter().map(|r| (r.get(0), r.get(1))).collect();
        let full = rows.len() as i64 == limit;
        self.batch = if forward {
            let hi = match rows.last() {
                Some((k, _)) if full => Some(after(k)),
                _ => None,
            };
            Batch {
                lo: from.to_vec(),
                hi,
                rows,
                at: Some(Instant::now()),
            }
        } else {
            rows.reverse();
            let lo = match rows.first() {
                Some((k, _)) if full => k.clone(),
                _ => Vec::new(),
            };
            Batch {
                lo,
                hi: Some(from.to_vec()),
                rows,
                at: Some(Instant::now()),
            }
        };
        Ok(())
    }
}

/// Session settings and the table, on a fresh connection.
pub fn setup(client: &mut Client) -> Result<(), postgres::Error> {
    // GT.M without journaling: a commit need not wait for the disk (a server crash may lose
    // the last moments, never consistency); MINIM_DB_SYNC=commit waits for every commit.
    if !std::env::var("MINIM_DB_SYNC").is_ok_and(|v| v == "commit") {
        client.batch_execute("SET synchronous_commit = off")?;
    }
    create_table(client, SCHEMA)
}

/// `CREATE TABLE IF NOT EXISTS`, which two sessions racing can both try: the loser's
/// duplicate error (on the table, its row type or its index) means the table is there.
pub fn create_table(client: &mut Client, sql: &str) -> Result<(), postgres::Error> {
    match client.batch_execute(sql) {
        Err(e)
            if e.code() == Some(&SqlState::UNIQUE_VIOLATION)
                || e.code() == Some(&SqlState::DUPLICATE_TABLE)
                || e.code() == Some(&SqlState::DUPLICATE_OBJECT) =>
        {
            client.batch_execute(sql)
        }
        other => other,
    }
}

/// `minim db load` in one transaction: the nodes streamed with `COPY` (binary) into a
/// temporary table, then moved in one statement (the last value of a key given twice wins).
fn copy_in(client: &mut Client, rows: Rows) -> StoreResult<u64> {
    let mut tx = client.transaction().map_err(fail)?;
    tx.batch_execute(
        "CREATE TEMP TABLE minim_load (n bigserial, k bytea NOT NULL, v bytea NOT NULL) \
         ON COMMIT DROP",
    )
    .map_err(fail)?;
    let mut count = 0;
    {
        let mut copy = tx
            .copy_in("COPY minim_load (k, v) FROM STDIN (FORMAT binary)")
            .map_err(fail)?;
        let written = |e: std::io::Error| StoreError::new(format!("COPY: {e}"));
        // The binary format: signature, flags, header extension; a tuple is its field count
        // and each field's length and bytes; -1 ends the data.
        copy.write_all(b"PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0")
            .map_err(written)?;
        while let Some(row) = rows() {
            // An error drops the writer unfinished: the server aborts the COPY, and the
            // transaction (and its temporary table) is rolled back.
            let (k, v) = row.map_err(StoreError::new)?;
            let mut tuple = Vec::with_capacity(k.len() + v.len() + 10);
            tuple.extend_from_slice(&2i16.to_be_bytes());
            for field in [&k, &v] {
                tuple.extend_from_slice(&(field.len() as i32).to_be_bytes());
                tuple.extend_from_slice(field);
            }
            copy.write_all(&tuple).map_err(written)?;
            count += 1;
        }
        copy.write_all(&(-1i16).to_be_bytes()).map_err(written)?;
        copy.finish().map_err(fail)?;
    }
    tx.batch_execute(
        "INSERT INTO minim_globals (k, v) SELECT DISTINCT ON (k) k, v FROM minim_load \
         ORDER BY k, n DESC ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v",
    )
    .map_err(fail)?;
    tx.commit().map_err(fail)?;
    Ok(count)
}

/// The smallest key after `k`.
fn after(k: &[u8]) -> Vec<u8> {
    let mut v = k.to_vec();
    v.push(0);
    v
}

impl Store for PgStore {
    fn get(&mut self, key: &[u8]) -> StoreResult<Option<&[u8]>> {
        self.found = match self.fresh_batch().get(key) {
            Some(v) => v,
            None => {
                let row = self.with(|c, s| c.query_opt(&s.get, &[&key]))?;
                row.map(|r| r.get(0))
            }
        };
        Ok(self.found.as_deref())
    }

    fn set(&mut self, key: &[u8], value: &[u8]) -> StoreResult<()> {
        if self.in_txn {
            self.with(|c, s| c.execute(&s.set, &[&key, &value]))?;
        } else {
            // Outside TP: queued for the writer thread (`pgpipe.rs`).
            if self.writer.is_none() && !self.writer_failed {
                self.writer = self.shared.start_writer();
                self.writer_failed = self.writer.is_none();
            }
            self.shared.push(key, value)?;
        }
        self.batch.put(key, Some(value));
        Ok(())
    }

    fn delete_range(&mut self, from: &[u8], to: &[u8]) -> StoreResult<()> {
        self.with(|c, s| c.execute(&s.delete_range, &[&from, &to]))?;
        self.batch.delete_range(from, to);
        Ok(())
    }

    fn delete(&mut self, key: &[u8]) -> StoreResult<()> {
        self.with(|c, s| c.execute(&s.delete, &[&key]))?;
        self.batch.put(key, None);
        Ok(())
    }

    fn seek(&mut self, from: &[u8]) -> StoreResult<Option<&[u8]>> {
        self.found = match self.fresh_batch().seek(from) {
            Some(found) => found,
            None => {
                self.read_batch(from, true)?;
                self.batch.rows.first().map(|(k, _)| k.clone())
            }
        };
        Ok(self.found.as_deref())
    }

    fn seek_back(&mut self, before: &[u8]) -> StoreResult<Option<&[u8]>> {
        self.found = match self.fresh_batch().seek_back(before) {
            Some(found) => found,
            None => {
                self.read_batch(before, false)?;
                self.batch.rows.last().map(|(k, _)| k.clone())
            }
        };
        Ok(self.found.as_deref())
    }

    fn scan(&mut self, from: &[u8], to: &[u8], visit: Visit) -> StoreResult<()> {
        // One consistent view: the transaction's, or a read-only snapshot for the pages.
        let own = !self.in_txn;
        if own {
            self.with(|c, _| c.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))?;
            self.in_txn = true;
        }
        let mut at = from.to_vec();
        let result = loop {
            let rows = match self.with(|c, s| c.query(&s.page, &[&at.as_slice(), &to, &PAGE])) {
                Ok(rows) => rows,
                Err(e) => break Err(e),
            };
            let mut stopped = false;
            for row in &rows {
                let (k, v): (&[u8], &[u8]) = (row.get(0), row.get(1));
                if !visit(k, v) {
                    stopped = true;
                    break;
                }
            }
            if stopped || (rows.len() as i64) < PAGE {
                break Ok(());
            }
            if let Some(last) = rows.last() {
                at = after(last.get::<_, &[u8]>(0));
            }
        };
        if own && self.in_txn {
            self.in_txn = false;
            self.shared.link_now().execute_quietly("COMMIT");
        }
        result
    }

    fn update(&mut self, key: &[u8], update: Update) -> StoreResult<Option<Vec<u8>>> {
        // A counter this process updated last time most likely still holds what it wrote:
        // try a compare-and-set from that value first (one round trip when nobody else
        // changed it), outside a transaction only (inside, a write must follow its read).
        if !self.in_txn
            && let Some((k, guess)) = self.last_update.take()
            && k == key
            && let Some(new) = update(Some(&guess))
        {
            let written = self.with(|c, s| c.execute(&s.replace_if, &[&key, &new, &guess]))?;
            if written == 1 {
                self.batch.put(key, Some(&new));
                self.last_update = Some((key.to_vec(), new.clone()));
                return Ok(Some(new));
            }
        }
        self.last_update = None;
        loop {
            let old: Option<Vec<u8>> = self
                .with(|c, s| c.query_opt(&s.get, &[&key]))?
                .map(|r| r.get(0));
            let Some(new) = update(old.as_deref()) else {
                return Ok(old);
            };
            // Inside a transaction the serialisable checks make read-then-write safe;
            // outside, the write succeeds only if the node still holds what was read.
            let written = self.with(|c, s| match &old {
                Some(o) => c.execute(&s.replace_if, &[&key, &new, o]),
                None => c.execute(&s.insert_new, &[&key, &new]),
            })?;
            if written == 1 || self.in_txn {
                self.batch.put(key, Some(&new));
                if !self.in_txn {
                    self.last_update = Some((key.to_vec(), new.clone()));
                }
                return Ok(Some(new));
            }
        }
    }

    fn begin(&mut self) -> StoreResult<()> {
        if !self.in_txn {
            self.batch = Batch::default();
            self.with(|c, _| c.batch_execute("BEGIN ISOLATION LEVEL SERIALIZABLE"))?;
            self.in_txn = true;
        }
        Ok(())
    }

    fn begin_final(&mut self) -> StoreResult<()> {
        if !self.in_txn {
            self.batch = Batch::default();
            // EXCLUSIVE mode lets readers (and their snapshots) on but waits for every open
            // writer and keeps new ones off until COMMIT; taken before the first query, so
            // the snapshot sees every writer before it. Nothing can then overwrite what this
            // transaction reads, and it holds no other lock while waiting (no deadlock).
            self.with(|c, _| {
                c.batch_execute(
                    "BEGIN ISOLATION LEVEL SERIALIZABLE; \
                     LOCK TABLE minim_globals IN EXCLUSIVE MODE",
                )
            })?;
            self.in_txn = true;
        }
        Ok(())
    }

    fn commit(&mut self) -> StoreResult<()> {
        if self.in_txn {
            let done = self.with(|c, _| c.batch_execute("COMMIT"));
            self.in_txn = false;
            self.batch = Batch::default();
            done?;
        }
        Ok(())
    }

    fn rollback(&mut self) {
        if self.in_txn {
            self.end_txn("ROLLBACK");
        }
    }

    fn load(&mut self, rows: Rows) -> StoreResult<u64> {
        if self.in_txn {
            return Err(StoreError::new("a load cannot run inside a transaction"));
        }
        self.batch = Batch::default();
        let shared = Arc::clone(&self.shared);
        let mut link = shared.link()?;
        let (client, _) = link.conn()?;
        let loaded = copy_in(client, rows);
        link.drop_if_closed();
        loaded
    }

    fn flush(&mut self) -> StoreResult<()> {
        self.sync()
    }

    fn sync(&mut self) -> StoreResult<()> {
        self.shared.link().map(drop)
    }

    fn location(&self) -> String {
        self.shown.clone()
    }

    fn refresh(&mut self) {
        if !self.in_txn {
            self.batch = Batch::default();
        }
    }
}

impl Drop for PgStore {
    fn drop(&mut self) {
        self.rollback();
        if let Some(writer) = self.writer.take() {
            self.shared.close(writer);
        }
        // The interpreter syncs at exit and reports a failure; this is the last resort.
        if let Err(e) = self.sync() {
            eprintln!("minim: {}: {e}", self.shown);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            shown_url("postgres://me:secret@db:5432/x"),
            "postgres://me@db:5432/x"
        );
        assert_eq!(shown_url("postgres://db/x"), "postgres://db/x");
    }
}
