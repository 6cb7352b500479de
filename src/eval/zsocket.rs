//! `$ZSOCKET(device,keyword[,index[,item]])`: the arguments and the device; the answers
//! are the SOCKET device's (`device/socket_info.rs`).
//!
//! As in GT.M: the device "" is `$IO`, a device left out (`$ZSOCKET(,"NUMBER")`) is the
//! socket pool, a device not open is IONOTOPEN and one that is not a SOCKET device
//! ZSOCKETNOTSOCK. GT.M takes more than four arguments and ignores the rest.

use super::{Here, Interp};
use crate::device::{ZsocketIndex, ZsocketQuery};
use crate::error::{MError, MResult, kind};
use crate::syntax::ast::Expr;
use crate::value::Value;

impl Interp {
    /// `empty` has a bit for each argument left empty; `args` are the others.
    pub(super) fn zsocket(&mut self, empty: u8, args: &[Expr], here: &Here) -> MResult<Value> {
        let mut given = args.iter().peekable();
        let total = args.len() + empty.count_ones() as usize;
        // Arguments past the fourth are evaluated and dropped.
        let mut slots: smallvec::SmallVec<[Option<Value>; 4]> = smallvec::SmallVec::new();
        for i in 0..total {
            let value = match given.next_if(|_| empty & (1 << i) == 0) {
                Some(e) => Some(self.eval(e, here)?),
                None => None,
            };
            slots.push(value);
        }
        slots.resize(4, None);
        let mut slots = slots.into_iter();
        let mut next = || slots.next().flatten();
        let (device, keyword, index, item) = (next(), next(), next(), next());
        // The parser makes sure of a keyword; a call built without one has none to give.
        let Some(keyword) = keyword else {
            return Err(MError::new(kind::EXPR));
        };
        let index = match (&index, total > 2) {
            (Some(v), _) => ZsocketIndex::Given(v),
            (None, true) => ZsocketIndex::Skipped,
            (None, false) => ZsocketIndex::Absent,
        };
        let query = ZsocketQuery {
            keyword: keyword.bytes(),
            index,
            item: item.as_ref(),
        };
        let Some(name) = device else {
            return crate::device::socket::pool_zsocket(&query);
        };
        let dev = if name.is_empty() {
            self.devices.current_ref()
        } else {
            self.devices
                .get(name.bytes())
                .ok_or_else(|| MError::new(kind::IONOTOPEN))?
        };
        dev.zsocket(&query)
            .unwrap_or_else(|| Err(MError::new(kind::ZSOCKETNOTSOCK)))
    }
}
