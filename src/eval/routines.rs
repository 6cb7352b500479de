//! Loading routines: from a file, from the routine path (`%NAME` in `_NAME.m`), from the
//! built-in library or from text; each is parsed once and kept by name.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::Interp;
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::syntax::ast::Routine;
use crate::syntax::line::parse_routine;

impl Interp {
    /// The routine path: where `^NAME` is looked for, in order.
    pub fn routine_path(&self) -> &[PathBuf] {
        &self.path
    }

    /// Loads a routine from a file under the given name (the file's base name).
    pub fn load_file(&mut self, file: &Path) -> MResult<Rc<Routine>> {
        let name = routine_name_of(file);
        let text = std::fs::read(file).map_err(|e| file_error(&name, file, &e))?;
        Ok(self.install(Sym::intern(&name), text))
    }

    pub(super) fn install(&mut self, name: Sym, text: Vec<u8>) -> Rc<Routine> {
        let source: Rc<str> = Rc::from(crate::syntax::source::from_bytes(&text).as_str());
        let (mut routine, errors) = parse_routine(name, source);
        if let Some(hook) = self.on_load_error.as_mut() {
            for e in &errors {
                hook(e, &routine);
            }
            // Shown now with their source line: when reached, the message and place suffice.
            for line in &mut routine.lines {
                if let Some(e) = line.error.as_mut() {
                    e.shown_at_load = true;
                }
            }
        }
        let routine = Rc::new(routine);
        self.routines.insert(name, routine.clone());
        self.routines_gen += 1;
        routine
    }

    /// Finds a routine by name on the routine path (`%NAME` lives in `_NAME.m`).
    pub fn routine(&mut self, name: Sym) -> MResult<Rc<Routine>> {
        if let Some(r) = self.routines.get(&name) {
            return Ok(r.clone());
        }
        // An empty name (`DO ^@x` with x="") is refused before any file is looked for.
        if name.as_str().is_empty() {
            return Err(MError::with_args(kind::ZLINKFILE, &[""])
                .detail("%GTM-I-TEXT, Filename/path is missing".to_string()));
        }
        let file = format!("{}.m", name.as_str().replacen('%', "_", 1));
        for dir in &self.path {
            let candidate = dir.join(&file);
            if let Ok(text) = std::fs::read(&candidate) {
                return Ok(self.install(name, text));
            }
        }
        if let Some(text) = crate::embedded::source(name.as_str()) {
            return Ok(self.install(name, text.as_bytes().to_vec()));
        }
        // GT.M looks for the object file too, and says so (probed: `DO ^nosuch` and ZLINK).
        let object = format!("{}.o", &file[..file.len() - 2]);
        Err(MError::with_args(kind::ZLINKFILE, &[name.as_str()])
            .detail(format!(
                "%GTM-E-FILENOTFND, File {file} not found,%GTM-E-FILENOTFND, File {object} not found"
            ))
            .hint(not_found_hint(name.as_str(), &file, &self.path)))
    }

    /// Loads a routine from source text (`minim -` reads one from standard input).
    pub fn load_text(&mut self, name: &str, text: Vec<u8>) -> Rc<Routine> {
        self.install(Sym::intern(name), text)
    }
}

/// Says in plain words which file was looked for, and where.
fn not_found_hint(name: &str, file: &str, path: &[PathBuf]) -> String {
    let folders: Vec<String> = path
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .map(|p| p.display().to_string())
        .collect();
    let searched = if folders.is_empty() {
        "no folder (the routine path is empty)".to_string()
    } else {
        format!(
            "these folders (the routine path), in order: {}",
            folders.join(", ")
        )
    };
    format!(
        "minim found no routine {name}: it looked for the file {file} in {searched}; \
         minim's built-in library has no {name} either"
    )
}

fn routine_name_of(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.strip_prefix('_') {
        Some(rest) => format!("%{rest}"),
        None => stem,
    }
}

fn file_error(name: &str, file: &Path, e: &std::io::Error) -> MError {
    let folder = std::path::absolute(file)
        .ok()
        .and_then(|p| p.parent().map(|d| d.display().to_string()))
        .unwrap_or_default();
    let base = file.file_name().unwrap_or_default().to_string_lossy();
    MError::with_args(kind::ZLINKFILE, &[name])
        .detail(format!(
            "%GTM-E-FILENOTFND, File {} not found",
            file.display()
        ))
        .hint(format!(
            "minim could not read the routine file {base} in the folder {folder}: {e}"
        ))
}
