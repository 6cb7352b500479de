//! minim's library of M routines (`lib/`), compiled into the binary by `build.rs`, so that an
//! installed `minim` finds `%H`, `%XCMD` and the others wherever it runs. A routine of the same
//! name on the routine path is found first.

include!(concat!(env!("OUT_DIR"), "/lib_routines.rs"));

/// The source of the library routine `name` (`%H`), if minim ships one.
pub fn source(name: &str) -> Option<&'static str> {
    ROUTINES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The names of the library routines, sorted.
pub fn names() -> impl Iterator<Item = &'static str> {
    ROUTINES.iter().map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lib_file_is_embedded() {
        let lib = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
        let count = std::fs::read_dir(lib)
            .expect("lib/")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "m"))
            })
            .count();
        assert_eq!(ROUTINES.len(), count);
        assert!(source("%H").is_some_and(|s| s.starts_with("%H")));
        assert!(source("%XCMD").is_some());
        assert_eq!(source("NOSUCH"), None);
    }
}
