//! The environment a GT.M or YottaDB user already has: the routine path from `gtmroutines`
//! (or `ydb_routines`) and the initial `$ETRAP` from `gtm_etrap` (or `ydb_etrap`).

use std::path::PathBuf;

/// The folders of the routine path after the first one: `$MINIM_ROUTINES` (folders separated by
/// spaces or colons) when set, else the source folders of `$ydb_routines` or `$gtmroutines`.
pub fn routine_folders() -> Vec<PathBuf> {
    if let Ok(list) = std::env::var("MINIM_ROUTINES") {
        return list
            .split([' ', ':'])
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
    }
    let gtm = std::env::var("ydb_routines").or_else(|_| std::env::var("gtmroutines"));
    gtm.map(|list| gtm_source_folders(&list))
        .unwrap_or_default()
}

/// The initial `$ETRAP`: `$ydb_etrap`, else `$gtm_etrap`, else none.
pub fn initial_etrap() -> Option<String> {
    std::env::var("ydb_etrap")
        .or_else(|_| std::env::var("gtm_etrap"))
        .ok()
        .filter(|s| !s.is_empty())
}

/// The source folders of a GT.M routine list: entries separated by spaces; `obj(src1 src2)`
/// gives the source folders in parentheses, a plain `dir` (or `dir*`, auto-relink) is its own
/// source folder, and shared libraries (`*.so`) hold no M source.
pub fn gtm_source_folders(list: &str) -> Vec<PathBuf> {
    let mut folders = Vec::new();
    let mut rest = list.trim_start();
    while !rest.is_empty() {
        let word_end = rest.find([' ', '(']).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        if let Some(inside) = after.strip_prefix('(') {
            let close = inside.find(')').unwrap_or(inside.len());
            folders.extend(
                inside[..close]
                    .split_whitespace()
                    .map(|d| PathBuf::from(d.trim_end_matches('*'))),
            );
            rest = inside.get(close + 1..).unwrap_or("");
        } else {
            if !word.ends_with(".so") {
                folders.push(PathBuf::from(word.trim_end_matches('*')));
            }
            rest = after;
        }
        rest = rest.trim_start();
    }
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders(list: &str) -> Vec<String> {
        gtm_source_folders(list)
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    }

    #[test]
    fn gtm_routine_lists() {
        assert_eq!(folders("/a/o(/a/r /b/r) /c"), ["/a/r", "/b/r", "/c"]);
        assert_eq!(folders("  /x*  /lib/libgtmutil.so /y  "), ["/x", "/y"]);
        assert_eq!(folders("/o() /p(/q)"), ["/q"]);
        assert_eq!(folders("/o*(/s1  /s2)"), ["/s1", "/s2"]);
        assert!(folders("").is_empty());
    }
}
