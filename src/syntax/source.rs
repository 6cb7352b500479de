//! Routine text as the lexer sees it, and back to bytes.
//!
//! The lexer works on `&str`, but M source is bytes (GT.M in M mode). Valid UTF-8 stays as it
//! is (its literals' bytes are the file's bytes). A byte that is not part of valid UTF-8 (a
//! Latin-1 `é`) becomes one private-use character, U+F700 plus the byte, and `to_bytes` turns
//! it back into that byte, so a literal holds exactly the bytes of the file.

const BASE: u32 = 0xF700;

/// Source bytes as text, every byte kept.
pub fn from_bytes(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(char::from_u32(BASE + b as u32).unwrap_or('\u{FFFD}'));
        }
    }
    out
}

/// The bytes of source text (`from_bytes` undone).
pub fn to_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            n if (BASE + 0x80..=BASE + 0xFF).contains(&n) => out.push((n - BASE) as u8),
            _ => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_survive_the_round_trip() {
        let latin1 = b"w \"\xe9t\xe9\"";
        assert_eq!(to_bytes(&from_bytes(latin1)), latin1);
        let utf8 = "w \"été\"".as_bytes();
        assert_eq!(from_bytes(utf8), "w \"été\"");
        assert_eq!(to_bytes(&from_bytes(utf8)), utf8);
    }
}
