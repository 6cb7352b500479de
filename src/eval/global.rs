//! Global variables as the evaluator sees them: references resolved to a name and keys are
//! read, set, killed and walked through `db::Globals`; every reference updates the naked
//! indicator (`^(...)`) and `$REFERENCE`; database failures become GT.M's M errors.

use std::path::PathBuf;

use super::var::{VarRef, display_name};
use super::{Here, Interp};
use crate::db::DbError;
use crate::db::keybuf::KeyBuf;
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::Key;
use crate::number::Number;
use crate::syntax::ast::{Expr, Svn};
use crate::value::Value;

impl Interp {
    /// The names of the globals that have data, in collation order.
    pub(super) fn global_names(&mut self) -> MResult<Vec<Sym>> {
        let mut names = Vec::new();
        let mut at = String::new();
        loop {
            let next = self.globals.borrow_mut().next_name(&at, true);
            let next: Option<String> = next.map_err(|e| self.db_error(e, &here_ref(&at)))?;
            match next {
                Some(n) => {
                    names.push(Sym::intern(&n));
                    at = n;
                }
                None => return Ok(names),
            }
        }
    }

    /// Checks the environment of an extended reference (`^|env|x`, `^[env]x`). minim has one
    /// database: "" and the current `$ZGBLDIR` (as given, or as GT.M resolves it) name it;
    /// anything else is GT.M's ZGBLDIRACC for a global directory it cannot open.
    pub(super) fn extended_env(&mut self, env: &[Expr], here: &Here) -> MResult<()> {
        let mut first = None;
        for e in env {
            let v = self.eval(e, here)?;
            first.get_or_insert(v);
        }
        let text = first.map(|v| v.to_text()).unwrap_or_default();
        let current = self.get_svn(Svn::Zgbldir, here)?.to_text();
        if text.is_empty() || text == current {
            return Ok(());
        }
        let wanted = gld_path(&text);
        if !current.is_empty() && wanted == gld_path(&current) {
            return Ok(());
        }
        let retaining = if current.is_empty() {
            self.globals.borrow().config().shown()
        } else {
            current
        };
        let message = format!("{}.  Retaining {retaining}.", wanted.display());
        let e = MError::with_args(kind::ZGBLDIRACC, &[&message]);
        Err(if wanted.exists() {
            e.detail("minim has one database: a global directory other than $ZGBLDIR names none")
        } else {
            e.detail("%SYSTEM-E-ENO2, No such file or directory")
        })
    }

    /// Makes `r` the last global reference: the base of naked references and `$REFERENCE`.
    pub(super) fn note_global(&self, r: &VarRef) {
        self.naked.borrow_mut().set(r.name, &r.keys);
    }

    /// After an undefined local among a global's subscripts: the last reference is the
    /// name with `base` and the subscripts made `before` it (see `Interp::global_keys`).
    pub(super) fn note_partial(&self, name: Sym, base: &[Key], before: &[Key]) {
        let keys: Vec<Key> = base.iter().chain(before).cloned().collect();
        self.naked.borrow_mut().set(name, &keys);
    }

    /// `^(subs)`: the last global reference with its last subscript replaced by `subs`.
    pub(super) fn naked_base(&self) -> MResult<(Sym, Vec<Key>)> {
        match self.naked.borrow().get() {
            Some((name, keys)) if !keys.is_empty() => Ok((name, keys[..keys.len() - 1].to_vec())),
            _ => Err(MError::new(kind::GVNAKED)),
        }
    }

    /// `$REFERENCE`: the last global reference, or "" when there was none.
    pub(super) fn reference(&self) -> Value {
        match self.naked.borrow().get() {
            Some((name, keys)) => Value::from(global_bytes(name, keys)),
            None => Value::empty(),
        }
    }

    /// The M error for a failed global operation on `r` (a storage failure is DBFILERR).
    pub(super) fn db_error(&self, e: DbError, r: &VarRef) -> MError {
        let gvn = global_name(r.name, &r.keys);
        match e {
            DbError::NullSubscript { op, location } => {
                // GT.M leaves no last global reference after a null subscript: `$REFERENCE`
                // is "" and a naked reference is GVNAKED.
                self.naked.borrow_mut().forget();
                MError::with_args(kind::NULSUBSC, &[op, &location, &gvn])
            }
            DbError::KeyTooLong => MError::with_args(kind::GVSUBOFLOW, &[&gvn]),
            DbError::RecordTooBig { size, max } => {
                MError::with_args(kind::REC2BIG, &[&size.to_string(), &max.to_string(), &gvn])
            }
            e @ (DbError::Store(_) | DbError::Restricted) => self.db_failure(e),
        }
    }

    /// Names `r` (see `note_global`) and runs `op` on the database with its key; a failure
    /// becomes the M error for `r`.
    #[inline]
    fn on_node<T>(
        &self,
        r: &VarRef,
        op: impl FnOnce(&mut crate::db::Globals, &mut KeyBuf) -> Result<T, DbError>,
    ) -> MResult<T> {
        let done = {
            let mut naked = self.naked.borrow_mut();
            naked.set(r.name, &r.keys);
            op(&mut self.globals.borrow_mut(), &mut naked.key)
        };
        // The borrows end before an error is built: building it reads the database's state.
        done.map_err(|e| self.db_error(e, r))
    }

    pub(super) fn gv_get(&self, r: &VarRef) -> MResult<Option<Value>> {
        self.on_node(r, |g, k| g.get(k))
    }

    /// The value of a global node, or GVUNDEF.
    pub(super) fn gv_fetch(&self, r: &VarRef) -> MResult<Value> {
        self.gv_get(r)?.ok_or_else(|| {
            let e = MError::with_args(kind::GVUNDEF, &[&global_name(r.name, &r.keys)]);
            // A reference built without a place (`var_ref`) leaves it to the expression.
            match r.span.is_empty() {
                true => e,
                false => e.at(r.span.clone()),
            }
        })
    }

    pub(super) fn gv_set(&self, r: &VarRef, v: &Value) -> MResult<()> {
        self.on_node(r, |g, k| g.set(k, v.bytes()))
    }

    pub(super) fn gv_kill(&self, r: &VarRef) -> MResult<()> {
        self.on_node(r, |g, k| g.kill(k))
    }

    pub(super) fn gv_zkill(&self, r: &VarRef) -> MResult<()> {
        self.on_node(r, |g, k| g.zkill(k))
    }

    pub(super) fn gv_data(&self, r: &VarRef) -> MResult<u8> {
        self.on_node(r, |g, k| g.data_at(k))
    }

    /// `$ORDER` of a global: the next subscript, or the next global's name (`$ORDER(^X)`).
    pub(super) fn gv_order(&self, r: &VarRef, forward: bool) -> MResult<Value> {
        if r.keys.is_empty() {
            self.note_global(r);
            let name = self
                .globals
                .borrow_mut()
                .next_name(r.name.as_str(), forward);
            let name = name.map_err(|e| self.db_error(e, r))?;
            return Ok(name.map_or_else(Value::empty, |n| Value::from(format!("^{n}").as_str())));
        }
        self.on_node(r, |g, k| {
            let found = g.order(k, forward)?;
            Ok(found.map_or_else(Value::empty, |sub| k.remember(sub)))
        })
    }

    /// `$QUERY` of a global: the next node with a value, as a name.
    pub(super) fn gv_query(&self, r: &VarRef, from_start: bool) -> MResult<Value> {
        let next = self.on_node(r, |g, k| {
            let found = g.query(k, from_start)?;
            Ok(found.map(|keys| global_value(r.name, keys)))
        })?;
        Ok(next.unwrap_or_else(Value::empty))
    }

    /// `$INCREMENT` of a global node, atomic across processes.
    pub(super) fn gv_increment(&self, r: &VarRef, by: Number) -> MResult<Value> {
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
        let stored = self.on_node(r, |g, k| g.update(k, &mut add))?;
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
#[inline]
pub(super) fn stored_name(name: Sym) -> Sym {
    let text = name.as_str();
    match text.get(..31) {
        Some(short) if text.len() > 31 => Sym::intern(short),
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

/// `global_bytes` as a value, made in a buffer kept for the next (a `$QUERY` walk makes
/// one a step).
fn global_value(name: Sym, keys: &[Key]) -> Value {
    thread_local! {
        static NAME: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    NAME.with_borrow_mut(|out| {
        out.clear();
        out.push(b'^');
        out.extend_from_slice(name.as_str().as_bytes());
        if let Some((first, rest)) = keys.split_first() {
            out.push(b'(');
            push_subscript(out, first);
            for k in rest {
                out.push(b',');
                push_subscript(out, k);
            }
            out.push(b')');
        }
        Value::from_bytes(out.as_slice())
    })
}

/// A subscript as a name shows it: a number canonical, a string quoted as ZWRITE quotes it.
fn push_subscript(out: &mut Vec<u8>, k: &Key) {
    match k {
        Key::Num(n) => n.write_canonical(out),
        // Printable text (GT.M's test in `zwrite_string`) is only quoted, `"` doubled.
        Key::Str(s) if s.bytes().iter().all(|&c| matches!(c, 32..=126 | 160..=254)) => {
            out.push(b'"');
            for &c in s.bytes() {
                if c == b'"' {
                    out.push(b'"');
                }
                out.push(c);
            }
            out.push(b'"');
        }
        Key::Str(s) => out.extend_from_slice(&super::func::zwrite_string(s.bytes())),
    }
}

/// A global directory name as GT.M opens it: `$NAME` environment variables expanded, relative
/// to the current folder, `.gld` added when the last part has no extension.
fn gld_path(name: &str) -> PathBuf {
    let mut text = String::new();
    let mut rest = name;
    while let Some(i) = rest.find('$') {
        text.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        match std::env::var(&after[..len]) {
            Ok(v) if len > 0 => text.push_str(&v),
            _ => text.push_str(&rest[i..i + 1 + len]),
        }
        rest = &after[len..];
    }
    text.push_str(rest);
    let mut path = PathBuf::from(text);
    if path.is_relative()
        && let Ok(cwd) = std::env::current_dir()
    {
        path = cwd.join(path);
    }
    if path
        .file_name()
        .is_some_and(|f| !f.to_string_lossy().contains('.'))
    {
        path.as_mut_os_string().push(".gld");
    }
    path
}

/// A reference to the global `name` itself, for the messages of a walk over names.
fn here_ref(name: &str) -> VarRef {
    VarRef {
        name: Sym::intern(name),
        keys: super::var::LocalKeys::new(),
        span: 0..0,
        global: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_answer_is_named_as_references_are() {
        let k = |s: &[u8]| Key::from_value(&Value::from_bytes(s));
        let cases: &[&[&[u8]]] = &[
            &[],
            &[b"1"],
            &[b"-1.5", b"name"],
            &[b"", b"a\"b", b"x\x01y", b"\xff", b"\xe9t\xe9", b"01"],
            &[b"a very long subscript, longer than any inline value"],
        ];
        for subs in cases {
            let keys: Vec<Key> = subs.iter().map(|s| k(s)).collect();
            let name = Sym::intern("ABC");
            assert_eq!(global_value(name, &keys).bytes(), global_bytes(name, &keys));
        }
    }
}
