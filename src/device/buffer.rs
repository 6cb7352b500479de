//! Input waiting to be read by a device whose lines end in LF: the principal device and
//! sequential files share it.

#[derive(Default)]
pub struct LineBuffer {
    data: Vec<u8>,
    pos: usize,
    /// `data[pos..scanned]` holds no LF: a long line arriving in pieces is searched once.
    scanned: usize,
}

/// GT.M's record size: a READ without a RECORDSIZE of its device's gives at most this many
/// bytes of a longer line, the rest to the next READs (principal device, files, pipes).
pub const DEFAULT_RECORD: usize = 32767;

/// Read bytes are dropped from the front once they are at least this many and at least half
/// of the buffer, so a stream keeps memory to its unread data at amortized linear cost.
const COMPACT_AT: usize = 64 * 1024;

impl LineBuffer {
    /// The bytes not read yet.
    pub fn pending(&self) -> &[u8] {
        &self.data[self.pos..]
    }

    /// Adds bytes that arrived (dropping what was read before).
    pub fn push(&mut self, bytes: &[u8]) {
        self.compact();
        self.data.extend_from_slice(bytes);
    }

    fn compact(&mut self) {
        if self.pos == self.data.len()
            || (self.pos >= COMPACT_AT && self.pos * 2 >= self.data.len())
        {
            self.data.drain(..self.pos);
            self.scanned -= self.pos.min(self.scanned);
            self.pos = 0;
        }
    }

    /// Consumes `n` bytes.
    fn advance(&mut self, n: usize) {
        self.pos += n;
        self.scanned = self.scanned.max(self.pos);
    }

    /// Where the first LF within `limit` bytes of the unread data is, if any; bytes looked at
    /// are not looked at again.
    fn find_lf(&mut self, limit: usize) -> Option<usize> {
        self.scanned = self.scanned.max(self.pos);
        let end = self.pos.saturating_add(limit).min(self.data.len());
        if self.scanned >= end {
            return None;
        }
        match memchr::memchr(b'\n', &self.data[self.scanned..end]) {
            Some(i) => Some(self.scanned + i - self.pos),
            None => {
                self.scanned = end;
                None
            }
        }
    }

    /// A line ended by LF within `max` characters (without the LF; `true`), or the first
    /// `max` characters when that many are here (`false`). As in GT.M, a READ that fills
    /// `max` leaves an LF right after for the next READ, which gives an empty line.
    pub fn take(&mut self, max: usize) -> Option<(Vec<u8>, bool)> {
        match self.find_lf(max) {
            Some(n) if n < max => {
                let line = self.pending()[..n].to_vec();
                self.advance(n + 1);
                Some((line, true))
            }
            _ if self.pending().len() >= max => {
                let part = self.pending()[..max].to_vec();
                self.advance(max);
                Some((part, false))
            }
            _ => None,
        }
    }

    /// Up to `n` bytes as they are, LF or not.
    pub fn take_bytes(&mut self, n: usize) -> Vec<u8> {
        let part = self.pending()[..n.min(self.pending().len())].to_vec();
        self.advance(part.len());
        part
    }

    /// Everything not read yet.
    pub fn take_rest(&mut self) -> Vec<u8> {
        let rest = self.pending().to_vec();
        self.advance(rest.len());
        rest
    }

    pub fn take_byte(&mut self) -> Option<u8> {
        let c = self.data.get(self.pos).copied()?;
        self.advance(1);
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
        b.push(b"abc\nd\n");
        assert_eq!(b.take(3), Some((b"abc".to_vec(), false)));
        assert_eq!(b.take(3), Some((b"".to_vec(), true)));
        assert_eq!(b.take(3), Some((b"d".to_vec(), true)));
        b.push(b"x");
        assert_eq!(b.take_byte(), Some(b'x'));
        assert_eq!(b.take_byte(), None);
    }

    /// A stream read line by line keeps only about its unread data, and a long line that
    /// arrives in small pieces is searched for its LF once (20 MB in well under a second).
    #[test]
    fn streams_stay_small_and_long_lines_are_scanned_once() {
        let mut b = LineBuffer::default();
        let request = [b'r'; 9_999];
        // Each read leaves the next request unread: the buffer is never fully drained.
        b.push(&request);
        for _ in 0..2_000 {
            b.push(b"\n");
            b.push(&request);
            assert_eq!(
                b.take(usize::MAX).map(|(l, end)| (l.len(), end)),
                Some((9_999, true))
            );
        }
        assert!(b.data.capacity() < 1 << 20, "{}", b.data.capacity());
        assert_eq!(b.take_rest().len(), 9_999);
        let started = std::time::Instant::now();
        let piece = [b'a'; 4096];
        for _ in 0..5_000 {
            b.push(&piece);
            assert_eq!(b.take(usize::MAX), None);
        }
        b.push(b"\n");
        assert_eq!(b.take(usize::MAX).map(|(l, _)| l.len()), Some(4096 * 5_000));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
