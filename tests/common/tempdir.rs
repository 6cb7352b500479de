#![allow(dead_code)] // not every test file that shares `common` uses every helper
//! A fresh temporary folder of a test's own, removed when dropped (also when the test fails).

use std::path::{Path, PathBuf};

pub struct TempDir(PathBuf);

impl TempDir {
    /// `$TMPDIR/minim-TEST-PID-WHAT`, emptied if a former run left it.
    pub fn new(test: &str, what: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("minim-{test}-{}-{what}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("make a temporary folder");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
