//! The database of globals: where it lives, the key encoding, the storage engines behind one
//! `Store` interface, and the M operations on global nodes (`Globals`). The evaluator calls
//! `Globals` with names and subscripts; only this module knows about keys and engines.

pub mod gate;
pub mod globals;
pub mod key;
pub mod keybuf;
pub mod lmdb;
pub mod lock;
pub mod locks;
pub mod mdb;
pub mod meta;
pub mod ofd;
pub mod pgbatch;
pub mod pglock;
pub mod pgpipe;
pub mod postgres;
pub mod room;
pub mod snapshot;
pub mod store;

pub use globals::{DbError, Globals};

use std::path::PathBuf;

/// How a database is chosen and what it allows, read once from the environment.
#[derive(Clone, Debug)]
pub struct DbConfig {
    /// `MINIM_DB` (or `--db`, which sets it): a folder or a PostgreSQL URL; without it, a
    /// per-user default folder.
    pub location: PathBuf,
    /// The longest key, in GT.M's measure (`MINIM_DB_KEY_SIZE`; GT.M's largest, 1019, by default).
    pub max_key: usize,
    /// The longest value (`MINIM_DB_RECORD_SIZE`; GT.M's largest, 1 MiB, by default).
    pub max_record: usize,
}

impl DbConfig {
    /// The server's URL when the database is on PostgreSQL (`postgres://...` or
    /// `postgresql://...`), else None (a folder of the embedded store).
    pub fn postgres_url(&self) -> Option<&str> {
        let text = self.location.to_str()?;
        (text.starts_with("postgres://") || text.starts_with("postgresql://")).then_some(text)
    }

    /// The database's location for messages (a URL without its password).
    pub fn shown(&self) -> String {
        match self.postgres_url() {
            Some(url) => postgres::shown_url(url),
            None => self.location.display().to_string(),
        }
    }

    pub fn from_env() -> DbConfig {
        let number = |var: &str, default: usize| {
            std::env::var(var)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(default)
        };
        DbConfig {
            location: std::env::var_os("MINIM_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .unwrap_or_else(default_location),
            max_key: number("MINIM_DB_KEY_SIZE", 1019).clamp(8, 1019),
            max_record: number("MINIM_DB_RECORD_SIZE", 1 << 20).clamp(1, 1 << 20),
        }
    }
}

/// The database a user gets when none is named: `$XDG_DATA_HOME/minim/db`, else
/// `~/.local/share/minim/db`.
pub fn default_location() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("minim/db")
}
