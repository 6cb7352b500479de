//! Global variables as the evaluator sees them: references resolved to a name and keys are
//! read, set, killed and walked through `db::Globals`; every reference updates the naked
//! indicator (`^(...)`) and `$REFERENCE`; database failures become GT.M's M errors.

use super::Interp;
use super::var::{VarRef, display_name};
use crate::db::DbError;
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::Key;
use crate::number::Number;
use crate::value::Value;

impl Interp {
    /// Makes `r` the last global reference: the base of naked references and `$REFERENCE`.
    pub(super) fn note_global(&self, r: &VarRef) {
        let mut naked = self.naked.borrow_mut();
        match naked.as_mut() {
            Some((name, keys)) => {
                *name = r.name;
                keys.clear();
                keys.extend_from_slice(&r.keys);
            }
            None => *naked = Some((r.name, r.keys.to_vec())),
        }
    }

    /// `^(subs)`: the last global reference with its last subscript replaced by `subs`.
    pub(super) fn naked_base(&self) -> MResult<(Sym, Vec<Key>)> {
        match self.naked.borrow().as_ref() {
            Some((name, keys)) if !keys.is_empty() => Ok((*name, keys[..keys.len() - 1].to_vec())),
            _ => Err(MError::new(kind::GVNAKED)),
        }
    }

    /// `$REFERENCE`: the last global reference, or "" when there was none.
    pub(super) fn reference(&self) -> Value {
        match self.naked.borrow().as_ref() {
            Some((name, keys)) => Value::from(global_bytes(*name, keys)),
            None => Value::empty(),
        }
    }

    /// The M error for a failed global operation on `r` (a storage failure is DBFILERR).
    fn db_error(&self, e: DbError, r: &VarRef) -> MError {
        let gvn = global_name(r.name, &r.keys);
        match e {
            DbError::NullSubscript { op, location } => {
                MError::with_args(kind::NULSUBSC, &[op, &location, &gvn])
            }
            DbError::KeyTooLong => MError::with_args(kind::GVSUBOFLOW, &[&gvn]),
            DbError::RecordTooBig { size, max } => {
                MError::with_args(kind::REC2BIG, &[&size.to_string(), &max.to_string(), &gvn])
            }
            e @ (DbError::Store(_) | DbError::Restricted) => self.db_failure(e),
        }
    }

    pub(super) fn gv_get(&self, r: &VarRef) -> MResult<Option<Value>> {
        self.note_global(r);
        let got = self.globals.borrow_mut().get(r.name.as_str(), &r.keys);
        got.map_err(|e| self.db_error(e, r))
    }

    /// The value of a global node, or GVUNDEF.
    pub(super) fn gv_fetch(&self, r: &VarRef) -> MResult<Value> {
        self.gv_get(r)?.ok_or_else(|| {
            MError::with_args(kind::GVUNDEF, &[&global_name(r.name, &r.keys)]).at(r.span.clone())
        })
    }

    pub(super) fn gv_set(&self, r: &VarRef, v: &Value) -> MResult<()> {
        self.note_global(r);
        let done = self
            .globals
            .borrow_mut()
            .set(r.name.as_str(), &r.keys, v.bytes());
        done.map_err(|e| self.db_error(e, r))
    }

    pub(super) fn gv_kill(&self, r: &VarRef) -> MResult<()> {
        self.note_global(r);
        let done = self.globals.borrow_mut().kill(r.name.as_str(), &r.keys);
        done.map_err(|e| self.db_error(e, r))
    }

    pub(super) fn gv_zkill(&self, r: &VarRef) -> MResult<()> {
        self.note_global(r);
        let done = self.globals.borrow_mut().zkill(r.name.as_str(), &r.keys);
        done.map_err(|e| self.db_error(e, r))
    }

    pub(super) fn gv_data(&self, r: &VarRef) -> MResult<u8> {
        self.note_global(r);
        let d = self.globals.borrow_mut().data(r.name.as_str(), &r.keys);
        d.map_err(|e| self.db_error(e, r))
    }

    /// `$ORDER` of a global: the next subscript, or the next global's name (`$ORDER(^X)`).
    pub(super) fn gv_order(&self, r: &VarRef, forward: bool) -> MResult<Value> {
        self.note_global(r);
        // The borrow ends before an error is built: building it reads the database's state.
        if r.keys.is_empty() {
            let name = self
                .globals
                .borrow_mut()
                .next_name(r.name.as_str(), forward);
            let name = name.map_err(|e| self.db_error(e, r))?;
            return Ok(name.map_or_else(Value::empty, |n| Value::from(format!("^{n}").as_str())));
        }
        let next = self
            .globals
            .borrow_mut()
            .order(r.name.as_str(), &r.keys, forward);
        let next = next.map_err(|e| self.db_error(e, r))?;
        Ok(next.map_or_else(Value::empty, |k| k.to_value()))
    }

    /// `$QUERY` of a global: the next node with a value, as a name.
    pub(super) fn gv_query(&self, r: &VarRef, from_start: bool) -> MResult<Value> {
        self.note_global(r);
        let next = self
            .globals
            .borrow_mut()
            .query(r.name.as_str(), &r.keys, from_start);
        let next = next.map_err(|e| self.db_error(e, r))?;
        Ok(next.map_or_else(Value::empty, |keys| {
            Value::from(global_bytes(r.name, &keys))
        }))
    }

    /// `$INCREMENT` of a global node, atomic across processes.
    pub(super) fn gv_increment(&self, r: &VarRef, by: Number) -> MResult<Value> {
        self.note_global(r);
        let mut overflow = None;
        // A store may call this more than once (a compare-and-set that lost a race): only
        // the last call counts.
        let mut add = |old: Option<&[u8]>| {
            overflow = None;
            let old = old.map_or(Number::ZERO, |b| Value::from_bytes(b).num());
            match old.add(by) {
                Ok(n) => Some(Value::from_num(n).bytes().to_vec()),
                Err(e) => {
                    overflow = Some(e);
                    None
                }
            }
        };
        let stored = self
            .globals
            .borrow_mut()
            .update(r.name.as_str(), &r.keys, &mut add);
        let stored = stored.map_err(|e| self.db_error(e, r))?;
        if let Some(e) = overflow {
            return Err(super::expr::num_error(e));
        }
        Ok(stored.unwrap_or_else(Value::empty))
    }

    /// Every node with a value at or below a global reference, with its full subscripts.
    /// It leaves the naked indicator alone (GT.M: ZWRITE does not change it).
    pub(super) fn gv_nodes(&self, r: &VarRef) -> MResult<Vec<(Vec<Key>, Value)>> {
        let mut nodes = Vec::new();
        let done = self
            .globals
            .borrow_mut()
            .walk(r.name.as_str(), &r.keys, &mut |keys, v| {
                nodes.push((keys, v));
                true
            });
        done.map_err(|e| self.db_error(e, r))?;
        Ok(nodes)
    }
}

/// A global's name as the database knows it: GT.M keeps the first 31 characters.
pub(super) fn stored_name(name: Sym) -> Sym {
    match name.as_str().get(..31) {
        Some(short) if name.as_str().len() > 31 => Sym::intern(short),
        _ => name,
    }
}

/// `^X(1,"a")` as GT.M shows a global reference.
pub fn global_name(name: Sym, keys: &[Key]) -> String {
    format!("^{}", display_name(name, keys))
}

/// `global_name` as bytes, every byte of the subscripts kept.
pub fn global_bytes(name: Sym, keys: &[Key]) -> Vec<u8> {
    let mut b = vec![b'^'];
    b.extend(super::var::name_bytes(name, keys));
    b
}
