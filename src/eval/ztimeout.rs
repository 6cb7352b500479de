//! `$ZTIMEOUT`: GT.M V7.0's process-wide timer, `timeout[:vector]`.
//!
//! What GT.M V7.0-005 does, probed (golden ztimeout1):
//! - it reads `-1` until a SET; then the seconds left, shown as whole seconds, a dot and the
//!   milliseconds left without leading zeros (GT.M's own layout: 2.05 s left reads `2.49`),
//!   `0` once expired, `-1` once cancelled; `:vector` follows when there is one;
//! - SET `n` arms the timer for n seconds (a number's leading digits: `"12ab"` is 12, `"abc"`
//!   and `" 5"` are 0) keeping the vector; `n:code` sets both; `:code` only the vector; `n:`
//!   and `:` remove the vector; a negative n cancels the timer; `""` changes nothing; the
//!   time is at most 2147483.647 s;
//! - 0 (or under a millisecond) expires at the next interrupt point, while `$ZTIMEOUT` goes
//!   on counting down to the end of the last positive time SET;
//! - it expires where `$ZINTERRUPT` would run (a line's start, a FOR pass, a HANG or READ,
//!   which then go on): the vector runs as XECUTE text in a frame of its own (an error in it
//!   is trapped there, as any error); with no vector the error ZTIMEOUT (`%GTM-W-ZTIMEOUT,
//!   Time expired`) is raised there instead, ending the HANG or READ;
//! - inside a transaction too (GT.M's manual says it waits for the transaction's end; GT.M
//!   V7.0-005 runs the vector in the middle of a HANG in TSTART);
//! - NEW `$ZTIMEOUT` is SVNONEW.

use std::time::{Duration, Instant};

use super::{Flow, FrameKind, Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::value::Value;

/// The longest timeout GT.M takes: 2^31-1 milliseconds.
const LONGEST: Duration = Duration::from_millis(2_147_483_647);

/// The timer as the M code sees it.
#[derive(Default)]
pub(super) struct Ztimeout {
    /// When the last SET of a positive time ends (what `$ZTIMEOUT` counts down to).
    end: Option<Instant>,
    /// Armed or expired since the last SET (otherwise it reads -1).
    set: bool,
    /// The code run at expiry; none: raise ZTIMEOUT.
    vector: Option<Value>,
}

impl Interp {
    /// `$ZTIMEOUT`'s value.
    pub(super) fn ztimeout_value(&self) -> Value {
        let t = &self.ztimeout;
        let mut text = match (t.set, t.end) {
            (false, _) => "-1".to_string(),
            (true, None) => "0".to_string(),
            (true, Some(end)) => {
                let ms = end.saturating_duration_since(Instant::now()).as_millis();
                if ms == 0 {
                    crate::interrupt::ztimeout_passed();
                }
                match ms % 1000 {
                    0 => format!("{}", ms / 1000),
                    frac => format!("{}.{frac}", ms / 1000),
                }
            }
        }
        .into_bytes();
        if let Some(v) = &t.vector {
            text.push(b':');
            text.extend_from_slice(v.bytes());
        }
        Value::from_bytes(&text)
    }

    /// SET `$ZTIMEOUT`.
    pub(super) fn set_ztimeout(&mut self, v: &Value) {
        let text = v.bytes();
        if text.is_empty() {
            return;
        }
        let (time, vector) = match text.iter().position(|&b| b == b':') {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        if let Some(code) = vector {
            self.ztimeout.vector = (!code.is_empty()).then(|| Value::from_bytes(code));
        }
        if time.is_empty() {
            return;
        }
        let secs = Value::from_bytes(time).num();
        let t = &mut self.ztimeout;
        if secs.is_negative() {
            t.set = false;
            crate::interrupt::set_ztimeout(None);
            return;
        }
        let ms = secs
            .mul(crate::number::Number::from_i64(1000))
            .map_or(i64::MAX, |n| n.to_i64());
        t.set = true;
        if ms <= 0 {
            // GT.M: no time (under a millisecond) is a DO of the vector at the next
            // interrupt point; `$ZTIMEOUT` still counts down to the last time SET.
            crate::interrupt::expire_ztimeout();
            return;
        }
        let end = Instant::now() + Duration::from_millis(ms as u64).min(LONGEST);
        t.end = Some(end);
        crate::interrupt::set_ztimeout(Some(end));
    }

    /// At an interrupt point: when the timer expired, runs the vector or raises ZTIMEOUT.
    pub(super) fn service_ztimeout(&mut self, here: &Here) -> MResult<()> {
        if !crate::interrupt::take_ztimeout() {
            return Ok(());
        }
        let Some(code) = self.ztimeout.vector.clone() else {
            return Err(MError::new(kind::ZTIMEOUT));
        };
        self.devices.flush_all();
        let routine = self.xecute_routine(&crate::value::Bytes::from(code.bytes()), here);
        self.push_frame_kind(FrameKind::Xecute, Some(self.test))?;
        let depth = self.frames.len() - 1;
        let r = self.run_block(Here {
            routine,
            line: 0,
            level: 0,
        });
        while self.frames.len() > depth {
            self.pop_frame();
        }
        match r? {
            Flow::Halt(status) => Err(MError::halting(status)),
            _ => Ok(()),
        }
    }
}
