//! ZWRITE, ZSHOW, ZLINK, ZGOTO, ZKILL, MERGE and JOB.

use std::path::Path;

use super::func::zwrite;
use super::var::VarRef;
use super::{Flow, Here, Interp};
use crate::error::{MError, MResult, kind};
use crate::intern::Sym;
use crate::locals::{Key, Node};
use crate::syntax::ast::{CmdKind, Glvn, KillArg, MergeArg, ZGotoArg, ZShowArg, ZwArg, ZwSub};
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
    fn zwrite_lines(&self, name: Sym, out: &mut Vec<Vec<u8>>) {
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
        let level = self.eval(&arg.level, here)?.int().max(0) as usize;
        let target = match &arg.target {
            Some(t) => Some(self.resolve(t, here, kind::LABELMISSING)?),
            None => None,
        };
        // ZGOTO counts levels as $ZLEVEL does (1 is the bottom).
        if level > self.frames.len() {
            return Err(MError::new(kind::TEXT).detail("ZGOTO to a level deeper than $ZLEVEL"));
        }
        Ok(self.zgoto_flow(level.saturating_sub(1), target))
    }

    fn exec_merge(&mut self, args: &[MergeArg], here: &Here) -> MResult<()> {
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

    fn exec_zshow(&mut self, args: Option<&[ZShowArg]>, here: &Here) -> MResult<()> {
        let Some(args) = args else {
            let lines = self.stack_lines(here);
            return self.zshow_out(&lines);
        };
        for a in args {
            // `ZSHOW @x`: x holds ZSHOW arguments (`"V":y`).
            if a.target.is_none()
                && let Some(text) = self.plain_indirection(&a.codes, here)?
            {
                self.indirect_cmd("ZSHOW", text.bytes(), here)?;
                continue;
            }
            let codes = self.eval(&a.codes, here)?.to_text().to_ascii_uppercase();
            let target = match &a.target {
                Some(g) => Some(self.var_ref(g, here)?),
                None => None,
            };
            // Each code is shown (or stored) before the next is gathered, as GT.M does:
            // ZSHOW "SV":x lists the x("S",...) nodes under "V".
            // "*" is GT.M's "IVDLGR" (no "S"), less the global statistics and the routine
            // hashes minim does not keep.
            let codes = codes.replace('*', "IVDL");
            for c in codes.chars() {
                if c == 'I' && target.is_none() {
                    self.zshow_svn_out(here)?;
                    continue;
                }
                let lines = self.zshow_lines(c, here)?;
                match &target {
                    None => self.zshow_out(&lines)?,
                    Some(base) => {
                        for (i, l) in lines.into_iter().enumerate() {
                            let mut keys = base.keys.clone();
                            keys.push(Key::string(c.to_string().as_bytes()));
                            // GT.M numbers the lines from 1, except "L", whose counters line is 0.
                            let first = if c == 'L' { 0 } else { 1 };
                            keys.push(Key::Num(crate::number::Number::from_i64(i as i64 + first)));
                            let r = VarRef {
                                name: base.name,
                                keys,
                                span: 0..0,
                                global: base.global,
                            };
                            self.store(&r, Value::from(l))?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// ZSHOW "I" to the device, a line at a time: GT.M reads each variable as its line is
    /// written, so `$Y` and a file's `$ZKEY` count the lines before it.
    fn zshow_svn_out(&mut self, here: &Here) -> MResult<()> {
        self.each_svn_line(here, &mut |me, l| {
            let dev = me.devices.current();
            dev.write(&l)?;
            dev.newline()
        })?;
        self.devices.current().end_of_write()
    }

    /// The lines of one ZSHOW code.
    pub(super) fn zshow_lines(&mut self, code: char, here: &Here) -> MResult<Vec<Vec<u8>>> {
        Ok(match code {
            'V' => self.variable_lines(),
            'S' => self.stack_lines(here),
            'D' => self.device_lines(),
            'L' => self.lock_lines(),
            'I' => self.svn_lines(here)?,
            'B' => self.breakpoint_lines(),
            other => {
                return Err(MError::new(kind::TEXT)
                    .detail(format!("ZSHOW code {other} is not supported by minim")));
            }
        })
    }

    fn variable_lines(&self) -> Vec<Vec<u8>> {
        let mut l = Vec::new();
        for name in self.locals.defined_names() {
            self.zwrite_lines(name, &mut l);
        }
        l
    }

    fn zshow_out(&mut self, lines: &[Vec<u8>]) -> MResult<()> {
        let dev = self.devices.current();
        for l in lines {
            dev.write(l)?;
            dev.newline()?;
        }
        dev.end_of_write()
    }

    /// ZSHOW "D": the open devices in byte order of their names; the principal device as
    /// GT.M shows a non-terminal one (its input and output sides).
    fn device_lines(&self) -> Vec<Vec<u8>> {
        let mut lines = Vec::new();
        let mut names = self.devices.names();
        names.extend(self.devices.closed_names());
        names.sort();
        for name in names {
            if self.devices.get(name).is_none() {
                let mut l = name.to_vec();
                l.extend_from_slice(b" CLOSED ");
                lines.push(l);
                continue;
            }
            let shown = self.devices.get(name).and_then(|d| d.zshow_lines());
            if let Some(shown) = shown {
                for (i, line) in shown.into_iter().enumerate() {
                    let mut l = Vec::new();
                    if i == 0 {
                        l.extend_from_slice(name);
                        l.push(b' ');
                    }
                    l.extend_from_slice(&line);
                    lines.push(l);
                }
            } else if self.devices.is_principal(name) {
                // The terminal or standard files: input and output as GT.M shows them.
                let mut input = name.to_vec();
                input.extend_from_slice(b" OPEN RMS STREAM NOWRAP ");
                let mut output = name.to_vec();
                output.extend_from_slice(b"-out OPEN RMS STREAM NOWRAP ");
                lines.push(input);
                lines.push(output);
            }
        }
        lines
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
fn walk(node: &Node, path: &mut Vec<Key>, f: &mut dyn FnMut(&[Key], &Value)) {
    if let Some(v) = &node.value {
        f(path, v);
    }
    for (k, kid) in &node.kids {
        path.push(k.clone());
        walk(kid, path, f);
        path.pop();
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

impl Interp {
    fn forget_routine(&mut self, name: Sym) {
        self.routines.remove(&name);
    }
}
