//! Embeds the M library routines of `lib/` in the binary: writes `$OUT_DIR/lib_routines.rs`, a
//! table of (routine name, source text) that `src/embedded.rs` includes. `%NAME` lives in
//! `lib/_NAME.m`, as on the routine path.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut files: Vec<_> = std::fs::read_dir(&lib)
        .expect("lib/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "m"))
        .collect();
    files.sort();
    let mut table = String::from("pub static ROUTINES: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 name");
        let name = match stem.strip_prefix('_') {
            Some(rest) => format!("%{rest}"),
            None => stem.to_string(),
        };
        writeln!(table, "    ({name:?}, include_str!({:?})),", file.display()).expect("write");
    }
    table.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lib_routines.rs");
    std::fs::write(out, table).expect("write lib_routines.rs");
}
