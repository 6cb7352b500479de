//! MERGE: copying a local or global tree into another, in all four directions.

use super::var::VarRef;
use super::zcmd::walk;
use super::{Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::locals::{Key, Node};
use crate::syntax::ast::MergeArg;
use crate::value::Value;

impl Interp {
    pub(super) fn exec_merge(&mut self, args: &[MergeArg], here: &Here) -> MResult<()> {
        for a in args {
            let (to, from) = match a {
                MergeArg::Copy(to, from) => (to, from),
                MergeArg::Indirect(e) => {
                    let text = self.eval(e, here)?;
                    self.indirect_cmd("MERGE", text.bytes(), here)?;
                    continue;
                }
            };
            // GT.M reads the target's local subscripts after the source's side effects
            // (probed: `MERGE y(j)=x($INCREMENT(j))` merges into `y(2)`).
            let (dest, src) = if super::order::glvn_changes_locals(from) {
                let src = self.var_ref(from, here)?;
                (self.var_ref(to, here)?, src)
            } else {
                (self.var_ref(to, here)?, self.var_ref(from, here)?)
            };
            // GT.M checks a null subscript in a global target first, and reports it as its
            // $DATA of the source.
            if dest.global && dest.keys.iter().any(Key::is_empty_string) {
                let location = self.globals.borrow().config().shown();
                let gvn = match src.global {
                    true => super::global::global_name(src.name, &src.keys),
                    false => super::var::display_name(src.name, &src.keys),
                };
                return Err(MError::with_args(
                    kind::NULSUBSC,
                    &["$DATA()", &location, &gvn],
                ));
            }
            // Nothing to copy: GT.M does not check the trees then.
            if self.data_of(&src)? == 0 {
                continue;
            }
            // GT.M: a tree cannot be merged into its own descendant or ancestor.
            if dest.name == src.name
                && dest.global == src.global
                && dest.keys != src.keys
                && (dest.keys.starts_with(&src.keys) || src.keys.starts_with(&dest.keys))
            {
                let show = |r: &VarRef| match r.global {
                    true => super::global::global_name(r.name, &r.keys),
                    false => super::var::display_name(r.name, &r.keys),
                };
                let (d, s) = (show(&dest), show(&src));
                let (inner, outer) = if dest.keys.len() > src.keys.len() {
                    (d, s)
                } else {
                    (s, d)
                };
                return Err(MError::with_args(kind::MERGEDESC, &[&inner, &outer]));
            }
            if dest.global || src.global {
                self.merge_nodes(&dest, &src)?;
                continue;
            }
            let copy: Option<Node> = self
                .locals
                .slot(src.name)
                .and_then(|s| s.borrow().get(&src.keys).cloned());
            let Some(copy) = copy else { continue };
            let slot = self.locals.slot_mut(dest.name).clone();
            let mut root = slot.borrow_mut();
            merge_into(root.get_mut_or_create(&dest.keys), &copy);
        }
        Ok(())
    }

    /// MERGE where either side is a global: every node of `src` is stored at the same
    /// relative place under `dest`.
    fn merge_nodes(&mut self, dest: &VarRef, src: &VarRef) -> MResult<()> {
        let nodes: Vec<(Vec<Key>, Value)> = if src.global {
            self.gv_nodes(src)?
        } else {
            let mut nodes = Vec::new();
            if let Some(slot) = self.locals.slot(src.name)
                && let Some(node) = slot.borrow().get(&src.keys)
            {
                let mut path = src.keys.to_vec();
                walk(node, &mut path, &mut |p, v| {
                    nodes.push((p.to_vec(), v.clone()))
                });
            }
            nodes
        };
        // Many nodes into the database: one commit for all of them.
        let batch = dest.global && self.tlevel() == 0 && nodes.len() > 1;
        if batch {
            let started = self.globals.borrow_mut().tstart();
            started.map_err(|e| self.db_failure(e))?;
        }
        let stored = self.store_nodes(dest, src.keys.len(), nodes);
        if batch {
            if stored.is_ok() {
                let done = self.globals.borrow_mut().tcommit();
                done.map_err(|e| self.db_failure(e))?;
            } else {
                self.globals.borrow_mut().trollback();
            }
        }
        stored?;
        if dest.global {
            self.note_global(dest);
        }
        Ok(())
    }

    fn store_nodes(
        &mut self,
        dest: &VarRef,
        skip: usize,
        nodes: Vec<(Vec<Key>, Value)>,
    ) -> MResult<()> {
        for (path, value) in nodes {
            let mut keys = dest.keys.clone();
            keys.extend(path[skip..].iter().cloned());
            let target = VarRef {
                name: dest.name,
                keys,
                span: 0..0,
                global: dest.global,
            };
            self.store(&target, value)?;
        }
        Ok(())
    }
}

/// MERGE: copies every value of `from` into `to` at the same relative place.
fn merge_into(to: &mut Node, from: &Node) {
    if let Some(v) = &from.value {
        to.value = Some(v.clone());
    }
    for (k, kid) in &from.kids {
        merge_into(to.kids.entry(k.clone()).or_default(), kid);
    }
}
