//! ZWRITE, ZLINK, ZGOTO, ZKILL and JOB.

use std::path::Path;

use super::func::zwrite;
use super::var::VarRef;
use super::{Flow, Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::{Key, Node};
use crate::syntax::ast::{CmdKind, Glvn, KillArg, ZGotoArg, ZwArg, ZwSub};
use crate::value::Value;

impl Interp {
    /// The commands of this file; `None` when `kind` is not one of them.
    pub(super) fn exec_zcmd(&mut self, kind: &CmdKind, here: &Here) -> Option<MResult<Flow>> {
        Some(match kind {
            CmdKind::ZWrite(args) => self
                .exec_zwrite(args.as_deref(), here)
                .map(|_| Flow::Normal),
            CmdKind::ZLink(args) => self.exec_zlink(args, here).map(|_| Flow::Normal),
            CmdKind::ZGoto(arg) => self.exec_zgoto(arg.as_ref(), here),
            CmdKind::Merge(args) => self.exec_merge(args, here).map(|_| Flow::Normal),
            CmdKind::ZShow(args) => self.exec_zshow(args.as_deref(), here).map(|_| Flow::Normal),
            CmdKind::Job(args) => self.exec_job(args, here).map(|_| Flow::Normal),
            CmdKind::ZKill(args) => self.exec_zkill(args, here).map(|_| Flow::Normal),
            CmdKind::ZMessage(args) => self.exec_zmessage(args, here),
            _ => return None,
        })
    }

    /// The ZWRITE lines (`x(1)="a"`) of a whole variable.
    pub(super) fn zwrite_lines(&self, name: Sym, out: &mut Vec<Vec<u8>>) {
        self.zwrite_matching(name, &[ZwMatch::Rest], out);
    }

    /// The ZWRITE lines of the nodes of `name` whose subscripts match `pattern`: a node
    /// matches when it has exactly as many subscripts as the pattern (or more, after `*`).
    fn zwrite_matching(&self, name: Sym, pattern: &[ZwMatch], out: &mut Vec<Vec<u8>>) {
        let Some(slot) = self.locals.slot(name) else {
            return;
        };
        let root = slot.borrow();
        // GT.M marks the value of a variable kept by an exclusive NEW (an alias) with ` ;*`.
        let kept = self.frames.iter().any(|f| f.kept().contains(&name));
        let mut path = Vec::new();
        walk(&root, &mut path, &mut |path, value| {
            if !zw_matches(pattern, path) {
                return;
            }
            let mut line = super::var::name_bytes(name, path);
            line.push(b'=');
            line.extend_from_slice(&zwrite(value));
            if kept && path.is_empty() {
                line.extend_from_slice(b" ;*");
            }
            out.push(line);
        });
    }

    /// The ZWRITE lines of the global nodes whose subscripts match `pattern`.
    fn zwrite_global(
        &mut self,
        name: Sym,
        pattern: &[ZwMatch],
        out: &mut Vec<Vec<u8>>,
    ) -> MResult<()> {
        // The subscripts every match starts with bound the walk to one subtree.
        let keys: Vec<Key> = pattern
            .iter()
            .map_while(|p| match p {
                ZwMatch::Key(k) => Some(k.clone()),
                _ => None,
            })
            .collect();
        let r = VarRef {
            name,
            keys: keys.into(),
            span: 0..0,
            global: true,
        };
        for (path, value) in self.gv_nodes(&r)? {
            if !zw_matches(pattern, &path) {
                continue;
            }
            let mut line = super::global::global_bytes(name, &path);
            line.push(b'=');
            line.extend_from_slice(&zwrite(&value));
            out.push(line);
        }
        Ok(())
    }

    fn exec_zwrite(&mut self, args: Option<&[ZwArg]>, here: &Here) -> MResult<()> {
        let mut lines = Vec::new();
        match args {
            None => {
                for name in self.locals.defined_names() {
                    self.zwrite_lines(name, &mut lines);
                }
            }
            Some(args) => {
                for a in args {
                    if let Some(svn) = a.svn {
                        let value = self.get_svn(svn, here).map_err(|e| e.at(a.span.clone()))?;
                        let mut line = b"$".to_vec();
                        line.extend_from_slice(
                            crate::syntax::parser::svn_full_name(svn).as_bytes(),
                        );
                        line.push(b'=');
                        line.extend_from_slice(&zwrite(&value));
                        lines.push(line);
                        continue;
                    }
                    let mut name = a.name;
                    let mut global = a.global;
                    let mut pattern = Vec::with_capacity(a.subs.len());
                    if let Some(e) = &a.indirect {
                        let text = self.eval(e, here)?;
                        if a.subs.is_empty() {
                            self.indirect_cmd("ZWRITE", text.bytes(), here)?;
                            continue;
                        }
                        // `ZWRITE @n@(*)`: n names the variable (and leading subscripts).
                        let r = self.var_ref(
                            &Glvn::Indirect(
                                Box::new(crate::syntax::ast::Expr::new(
                                    crate::syntax::ast::ExprKind::Lit(text),
                                    a.span.clone(),
                                )),
                                Vec::new(),
                            ),
                            here,
                        )?;
                        name = r.name;
                        global = r.global;
                        pattern.extend(r.keys.into_iter().map(ZwMatch::Key));
                    }
                    for s in &a.subs {
                        pattern.push(match s {
                            ZwSub::Expr(e) => ZwMatch::Key(Key::from_value(&self.eval(e, here)?)),
                            ZwSub::Range(lo, hi) => {
                                let lo = match lo {
                                    Some(e) => Some(Key::from_value(&self.eval(e, here)?)),
                                    None => None,
                                };
                                let hi = match hi {
                                    Some(e) => Some(Key::from_value(&self.eval(e, here)?)),
                                    None => None,
                                };
                                ZwMatch::Range(lo, hi)
                            }
                            ZwSub::Star => ZwMatch::Rest,
                            ZwSub::Pattern(p) => ZwMatch::Pattern(p.clone()),
                        });
                    }
                    let before = lines.len();
                    if pattern.is_empty() {
                        pattern.push(ZwMatch::Rest);
                    }
                    // `ZWRITE ?1A`, `ZWRITE ^?1"a".E`: each matching name, and no UNDEF when
                    // none matches (GT.M).
                    if let Some(p) = &a.name_pattern {
                        if global {
                            for name in self.global_names()? {
                                if p.matches(name.as_str().as_bytes()) {
                                    self.zwrite_global(name, &pattern, &mut lines)?;
                                }
                            }
                        } else {
                            for name in self.locals.defined_names() {
                                if p.matches(name.as_str().as_bytes()) {
                                    self.zwrite_matching(name, &pattern, &mut lines);
                                }
                            }
                        }
                        continue;
                    }
                    if global {
                        let name = super::global::stored_name(name);
                        self.zwrite_global(name, &pattern, &mut lines)?;
                        let exact = pattern.iter().all(|p| matches!(p, ZwMatch::Key(_)));
                        if lines.len() == before && (a.subs.is_empty() || exact) {
                            let keys: Vec<Key> = pattern
                                .iter()
                                .filter_map(|p| match p {
                                    ZwMatch::Key(k) => Some(k.clone()),
                                    _ => None,
                                })
                                .collect();
                            let gvn = super::global::global_name(name, &keys);
                            return Err(
                                MError::with_args(kind::GVUNDEF, &[&gvn]).at(a.span.clone())
                            );
                        }
                        continue;
                    }
                    self.zwrite_matching(name, &pattern, &mut lines);
                    // GT.M: ZWRITE of a variable that does not exist is UNDEF.
                    if lines.len() == before && a.subs.is_empty() {
                        return Err(
                            MError::with_args(kind::UNDEF, &[a.name.as_str()]).at(a.span.clone())
                        );
                    }
                }
            }
        }
        let dev = self.devices.current();
        for l in lines {
            dev.write(&l)?;
            dev.newline()?;
        }
        dev.end_of_write()
    }

    fn exec_zlink(&mut self, args: &[crate::syntax::ast::Expr], here: &Here) -> MResult<()> {
        for a in args {
            let text = self.eval(a, here)?.to_text();
            let path = Path::new(&text);
            let with_ext = if path.extension().is_some() {
                path.to_path_buf()
            } else {
                path.with_extension("m")
            };
            if text.contains('/') && with_ext.exists() {
                self.load_file(&with_ext)?;
            } else {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = Sym::intern(&stem.replacen('_', "%", 1));
                self.forget_routine(name);
                self.routine(name)?;
            }
        }
        Ok(())
    }

    fn exec_zgoto(&mut self, arg: Option<&ZGotoArg>, here: &Here) -> MResult<Flow> {
        let Some(arg) = arg else {
            // At a stop, ZGOTO alone goes back to direct mode's top level, as in GT.M.
            let level = if self.debug.stops > 0 { 0 } else { 1 };
            return Ok(self.zgoto_flow(level, None));
        };
        // `ZGOTO @x`: x holds the whole argument (`1:label`).
        if arg.target.is_none()
            && let Some(text) = self.plain_indirection(&arg.level, here)?
        {
            return self.indirect_cmd("ZGOTO", text.bytes(), here);
        }
        let mut raw_level = self.eval(&arg.level, here)?.int();
        // GT.M: a negative level counts back from this one (`ZGOTO -1` from level 4 goes to
        // level 3); below level 0 is ZGOTOLTZERO.
        if raw_level < 0 {
            raw_level = raw_level.saturating_add(self.frames.len() as i64);
            if raw_level < 0 {
                return Err(MError::new(kind::ZGOTOLTZERO));
            }
        }
        let level = raw_level as usize;
        let target = match &arg.target {
            Some(t) => Some(self.resolve(t, here, kind::LABELMISSING)?),
            None => None,
        };
        // ZGOTO counts levels as $ZLEVEL does (1 is the bottom).
        if level > self.frames.len() {
            return Err(MError::new(kind::TEXT).detail("ZGOTO to a level deeper than $ZLEVEL"));
        }
        // GT.M: a routine run from the shell has level 0 below its own: ZGOTO 0 leaves
        // level 1 as well (undoing its NEWs), then ends the run or starts the label afresh.
        self.zgoto_bottom = raw_level == 0 && self.debug.stops == 0 && self.start_mode != "DIRECT";
        Ok(self.zgoto_flow(level.saturating_sub(1), target))
    }

    fn exec_zkill(&mut self, args: &[KillArg], here: &Here) -> MResult<()> {
        for a in args {
            if let KillArg::Var(g, _) = a {
                let r = self.var_ref(g, here)?;
                if r.global {
                    self.gv_zkill(&r)?;
                    continue;
                }
                // ZKILL removes the value only; the descendants stay.
                if let Some(slot) = self.locals.slot(r.name) {
                    let mut root = slot.borrow_mut();
                    if root.get(&r.keys).is_some() {
                        root.get_mut_or_create(&r.keys).value = None;
                    }
                }
            }
        }
        Ok(())
    }
}

/// One position of a ZWRITE subscript pattern.
enum ZwMatch {
    Key(Key),
    Range(Option<Key>, Option<Key>),
    /// `*`: any further subscripts, none included.
    Rest,
    /// `?1N`: a subscript whose text matches.
    Pattern(std::rc::Rc<crate::syntax::pattern::Pattern>),
}

fn zw_matches(pattern: &[ZwMatch], path: &[Key]) -> bool {
    for (i, p) in pattern.iter().enumerate() {
        match p {
            ZwMatch::Rest => return true,
            ZwMatch::Key(k) => {
                if path.get(i) != Some(k) {
                    return false;
                }
            }
            ZwMatch::Pattern(p) => {
                if !path.get(i).is_some_and(|k| p.matches(k.to_value().bytes())) {
                    return false;
                }
            }
            ZwMatch::Range(lo, hi) => {
                let Some(k) = path.get(i) else {
                    // GT.M: a last `:` with neither bound also shows the node above it
                    // (`ZWRITE ^z(1,:)` lists ^z(1) and its children).
                    return lo.is_none()
                        && hi.is_none()
                        && i + 1 == pattern.len()
                        && path.len() == i;
                };
                if lo.as_ref().is_some_and(|lo| k < lo) || hi.as_ref().is_some_and(|hi| k > hi) {
                    return false;
                }
            }
        }
    }
    path.len() == pattern.len()
}

/// Visits every node with a value in `node`'s tree, in collation order.
pub(super) fn walk(node: &Node, path: &mut Vec<Key>, f: &mut dyn FnMut(&[Key], &Value)) {
    if let Some(v) = &node.value {
        f(path, v);
    }
    for (k, kid) in &node.kids {
        path.push(k.clone());
        walk(kid, path, f);
        path.pop();
    }
}

impl Interp {
    fn forget_routine(&mut self, name: Sym) {
        self.routines.remove(&name);
    }
}
