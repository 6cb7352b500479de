#![allow(dead_code)] // not every test file that shares `common` starts a server
//! A PostgreSQL server of a test's own: `initdb` in a temporary folder, `pg_ctl start` on a
//! free loopback port, stopped (`pg_ctl stop -m immediate`) and removed when the guard is
//! dropped, also when the test fails. Without PostgreSQL installed, `start` says the tests
//! are skipped and gives None. As root (initdb refuses root), the server runs as the
//! `postgres` user.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct PgServer {
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
    /// Run the server's programs as this user (when the tests run as root).
    user: Option<String>,
    databases: AtomicUsize,
}

/// The folder holding `initdb`, `pg_ctl` and `postgres`: Debian's newest
/// /usr/lib/postgresql/*/bin, else one on PATH.
fn bin_dir() -> Option<PathBuf> {
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|b| b.join("initdb").exists() && b.join("pg_ctl").exists())
        .collect();
    debian.sort_by_key(|p| {
        let version = p
            .parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str());
        version.and_then(|v| v.parse::<u32>().ok()).unwrap_or(0)
    });
    if let Some(b) = debian.pop() {
        return Some(b);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|d| d.join("initdb").exists() && d.join("pg_ctl").exists())
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

impl PgServer {
    /// Starts a server for `test`, or None (with a note) when PostgreSQL is not installed.
    pub fn start(test: &str) -> Option<PgServer> {
        let Some(bin) = bin_dir() else {
            println!("{test}: PostgreSQL (initdb, pg_ctl) is not installed: skipped");
            return None;
        };
        let user = is_root().then(|| "postgres".to_string());
        let dir = std::env::temp_dir().join(format!("minim-pg-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the server's folder");
        let mut server = PgServer {
            dir,
            bin,
            port: 0,
            user,
            databases: AtomicUsize::new(0),
        };
        if let Some(user) = &server.user {
            let chown = Command::new("chown")
                .arg("-R")
                .arg(user)
                .arg(&server.dir)
                .status();
            assert!(
                chown.is_ok_and(|s| s.success()),
                "chown the server's folder to {user}"
            );
        }
        let data = server.dir.join("data");
        let out = server.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "minim".as_ref(),
                "-A".as_ref(),
                "trust".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        assert!(out.status.success(), "initdb: {}", text(&out));
        // A port that was free a moment ago; another taker makes start fail: try again.
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let options = format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
                 -c max_connections=200 -c shared_buffers=32MB",
                server.dir.display()
            );
            let log = server.dir.join("log");
            let out = server.run(
                "pg_ctl",
                &[
                    "-D".as_ref(),
                    data.as_os_str(),
                    "-l".as_ref(),
                    log.as_os_str(),
                    "-w".as_ref(),
                    "-t".as_ref(),
                    "60".as_ref(),
                    "-o".as_ref(),
                    options.as_ref(),
                    "start".as_ref(),
                ],
            );
            if out.status.success() {
                server.port = port;
                return Some(server);
            }
        }
        let log = std::fs::read_to_string(server.dir.join("log")).unwrap_or_default();
        panic!("the PostgreSQL server did not start:\n{log}");
    }

    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> Output {
        let path = self.bin.join(program);
        let mut command = match &self.user {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(path);
                c
            }
            None => Command::new(path),
        };
        command
            .args(args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
    }

    /// The URL of the server's database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://minim@127.0.0.1:{}/{name}", self.port)
    }

    /// A new, empty database; its URL.
    pub fn fresh_database(&self) -> String {
        let n = self.databases.fetch_add(1, Ordering::SeqCst);
        let name = format!("t{n}");
        let mut client = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test server");
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a database");
        self.url(&name)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Stops the server at once (as a crash or a lost server would look to its clients).
    pub fn stop(&self) {
        let data = self.dir.join("data");
        let _ = self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "-w".as_ref(),
                "stop".as_ref(),
            ],
        );
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
