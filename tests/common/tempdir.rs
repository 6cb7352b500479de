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

/// A value that needs a folder of its own (a routine's path, a process running it): the folder
/// is removed when the value is dropped, after it.
pub struct InDir<T> {
    value: T,
    _dir: TempDir,
}

impl<T> InDir<T> {
    pub fn new(value: T, dir: TempDir) -> InDir<T> {
        InDir { value, _dir: dir }
    }
}

impl<T> std::ops::Deref for InDir<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> std::ops::DerefMut for InDir<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}
