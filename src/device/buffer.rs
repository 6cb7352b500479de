//! Input waiting to be read by a device whose lines end in LF: the principal device and
//! sequential files share it.

#[derive(Default)]
pub struct LineBuffer {
    data: Vec<u8>,
    pos: usize,
}

impl LineBuffer {
    /// The bytes not read yet.
    pub fn pending(&self) -> &[u8] {
        &self.data[self.pos..]
    }

    /// Adds bytes that arrived (dropping what was read before, when all of it was).
    pub fn push(&mut self, bytes: &[u8]) {
        if self.pos > 0 && self.pos == self.data.len() {
            self.data.clear();
            self.pos = 0;
        }
        self.data.extend_from_slice(bytes);
    }

    /// A line ended by LF within `max` characters (without the LF; `true`), or the first
    /// `max` characters when that many are here (`false`).
    pub fn take(&mut self, max: usize) -> Option<(Vec<u8>, bool)> {
        let pending = self.pending();
        match pending.iter().position(|&c| c == b'\n') {
            Some(n) if n <= max => {
                let line = pending[..n].to_vec();
                self.pos += n + 1;
                Some((line, true))
            }
            _ if pending.len() >= max => {
                let part = pending[..max].to_vec();
                self.pos += max;
                Some((part, false))
            }
            _ => None,
        }
    }

    /// Everything not read yet.
    pub fn take_rest(&mut self) -> Vec<u8> {
        let rest = self.pending().to_vec();
        self.pos = self.data.len();
        rest
    }

    pub fn take_byte(&mut self) -> Option<u8> {
        let c = self.data.get(self.pos).copied()?;
        self.pos += 1;
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::LineBuffer;

    #[test]
    fn lines_counts_and_rest() {
        let mut b = LineBuffer::default();
        b.push(b"ab\ncdef");
        assert_eq!(b.take(10), Some((b"ab".to_vec(), true)));
        assert_eq!(b.take(3), Some((b"cde".to_vec(), false)));
        assert_eq!(b.take(5), None);
        assert_eq!(b.take_rest(), b"f");
        b.push(b"x");
        assert_eq!(b.take_byte(), Some(b'x'));
        assert_eq!(b.take_byte(), None);
    }
}
