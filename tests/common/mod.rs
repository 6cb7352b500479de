//! What the process-level tests share: which implementation runs a routine (minim or GT.M),
//! whether GT.M is installed, and one lock so GT.M's shared compile cache sees one user at a
//! time.

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Mutex, MutexGuard};

/// The implementation that runs a routine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Imp {
    Minim,
    Gtm,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The project's GT.M runner, `scripts/gtm-run`.
pub fn gtm_run() -> PathBuf {
    root().join("scripts/gtm-run")
}

/// Whether GT.M is installed where `scripts/gtm-run` looks for it: `$gtm_dist`, or Debian's
/// fis-gtm package (`.ci/run` installs it).
pub fn gtm_available() -> bool {
    if std::env::var_os("gtm_dist").is_some_and(|d| std::path::Path::new(&d).join("mumps").exists())
    {
        return true;
    }
    let Ok(libs) = std::fs::read_dir("/usr/lib") else {
        return false;
    };
    libs.filter_map(|e| e.ok())
        .filter_map(|arch| std::fs::read_dir(arch.path().join("fis-gtm")).ok())
        .flatten()
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name().to_string_lossy().starts_with('V') && e.path().join("mumps").exists()
        })
}

static GTM: Mutex<()> = Mutex::new(());

/// GT.M compiles routines into one shared cache: GT.M runs go one at a time.
pub fn gtm_lock() -> MutexGuard<'static, ()> {
    GTM.lock().unwrap_or_else(|e| e.into_inner())
}

/// The command that runs an M routine file under `imp` (arguments still to add).
pub fn m_command(imp: Imp) -> Command {
    match imp {
        Imp::Minim => Command::new(env!("CARGO_BIN_EXE_minim")),
        Imp::Gtm => Command::new(gtm_run()),
    }
}
pub mod pg;
pub mod pgproxy;
pub mod proc;
pub mod tempdir;
