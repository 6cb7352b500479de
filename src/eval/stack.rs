//! `$TEXT`, `$STACK()`, ZSHOW "S", and the functions on names and the environment:
//! `$NAME`, `$QLENGTH`, `$QSUBSCRIPT`, `$INCREMENT`, `$ZTRNLNM`, `$ZDATE`, `$ZMESSAGE`.

use super::{FrameKind, Here, Interp, place};
use crate::error::{MError, MResult, kind};
use crate::number::Number;
use std::rc::Rc;

use crate::syntax::ast::{EntryRef, Expr, ExprKind, Func, Glvn, NameRef, Routine};
use crate::syntax::parser::parse_expr;
use crate::value::Value;

/// `$TEXT(+n)` with a literal `n` (no label, no routine) in GT.M: the line with every tab
/// before its first `;` (even one in a string) shown as a space (probed; a label, a routine,
/// or an offset computed at run time keep the tabs).
fn tabs_before_comment_as_spaces(text: Value) -> Value {
    let bytes = text.bytes();
    let end = bytes.iter().position(|&c| c == b';').unwrap_or(bytes.len());
    if !bytes[..end].contains(&b'\t') {
        return text;
    }
    let mut out = bytes.to_vec();
    for c in &mut out[..end] {
        if *c == b'\t' {
            *c = b' ';
        }
    }
    Value::from(out)
}

/// Whether `src` is one number or string literal as written (`3+0`, though folded into a
/// literal, is not).
pub(super) fn one_literal(b: &[u8]) -> bool {
    if b.first() != Some(&b'"') {
        return !b.is_empty()
            && b.iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'E'));
    }
    let mut i = 1;
    while i < b.len() {
        if b[i] == b'"' {
            if b.get(i + 1) != Some(&b'"') {
                return i + 1 == b.len();
            }
            i += 1;
        }
        i += 1;
    }
    false
}

impl Interp {
    /// `$TEXT(label+offset^routine)`: the source line, `""` when there is none.
    pub(super) fn text_of(&mut self, target: &EntryRef, here: &Here) -> MResult<Value> {
        // `$TEXT(@x)`: x holds the whole entry reference.
        if let (Some(NameRef::Indirect(e)), None, None) =
            (&target.label, &target.offset, &target.routine)
        {
            let text = self.eval(e, here)?.to_text();
            if text.trim().is_empty() {
                return Err(MError::new(kind::TEXTARG));
            }
            let (label, offset, routine) = split_entryref(&text);
            return self.text_at(label.as_deref(), offset, routine.as_deref(), here);
        }
        let routine = match &target.routine {
            // In XECUTE text, the routine that runs it.
            None if here.routine.xecute => match self.routines.get(&here.routine.name) {
                Some(r) => r.clone(),
                None => here.routine.clone(),
            },
            None => here.routine.clone(),
            Some(NameRef::Name(n)) => match self.routine(*n) {
                Ok(r) => r,
                Err(_) => return Ok(Value::empty()),
            },
            Some(NameRef::Indirect(e)) => {
                let v = self.eval(e, here)?;
                // `$TEXT(^@x)` with x="": GT.M says RTNNAME (a missing routine gives "").
                if v.bytes().is_empty() {
                    return Err(MError::new(kind::RTNNAME));
                }
                match self.routine(crate::intern::Sym::intern(&v.to_text())) {
                    Ok(r) => r,
                    Err(_) => return Ok(Value::empty()),
                }
            }
        };
        let offset = match &target.offset {
            Some(e) => self.int_arg(e, here)?,
            None => 0,
        };
        let start = match &target.label {
            Some(NameRef::Name(n)) => match routine.labels.get(n) {
                Some(&i) => i as i64,
                None => return Ok(Value::empty()),
            },
            Some(NameRef::Indirect(e)) => {
                let n = crate::intern::Sym::intern(&self.eval(e, here)?.to_text());
                match routine.labels.get(&n) {
                    Some(&i) => i as i64,
                    None => return Ok(Value::empty()),
                }
            }
            // `$TEXT(+0)` is the routine name; `$TEXT(+n)` line n; `$TEXT(^R)` its first line.
            None if target.offset.is_some() && offset == 0 => {
                return Ok(Value::from(routine.name.as_str()));
            }
            None if target.offset.is_some() => -1,
            None => 0,
        };
        if target.label.is_some() && start + offset == -1 {
            // `$TEXT(LABEL+-n)` landing just before the first line is line 0: the name.
            return Ok(Value::from(routine.name.as_str()));
        }
        let text = self.cached_line_text(&routine, start + offset);
        let literal_offset = matches!(&target.offset, Some(e)
            if matches!(e.kind, ExprKind::Lit(_))
                && here.routine.source.get(e.span.clone()).is_some_and(|src| one_literal(src.as_bytes())));
        if literal_offset && target.label.is_none() && target.routine.is_none() {
            // GT.M reads `$TEXT(+n)` when it compiles: there an empty line is "".
            if line_is_empty(&routine, start + offset) {
                return Ok(Value::empty());
            }
            return Ok(tabs_before_comment_as_spaces(text));
        }
        Ok(text)
    }

    /// `line_text`, kept per line of the routine `$TEXT` read last, so a loop reading a
    /// routine's table of lines makes each line's text once.
    fn cached_line_text(&mut self, routine: &Rc<Routine>, line: i64) -> Value {
        let Some(i) = usize::try_from(line)
            .ok()
            .filter(|&i| i < routine.lines.len())
        else {
            return line_text(routine, line);
        };
        if !matches!(&self.text_lines, Some((r, _)) if Rc::ptr_eq(r, routine)) {
            self.text_lines = Some((routine.clone(), vec![None; routine.lines.len()]));
        }
        let Some((_, lines)) = &mut self.text_lines else {
            return line_text(routine, line);
        };
        match &lines[i] {
            Some(b) => Value::from_rc(b.clone()),
            None => {
                let v = line_text(routine, line);
                lines[i] = Some(v.rc().clone());
                v
            }
        }
    }

    /// `$TEXT` of an entry reference given as text (`label+n^routine`).
    fn text_at(
        &mut self,
        label: Option<&str>,
        offset: Option<i64>,
        routine: Option<&str>,
        here: &Here,
    ) -> MResult<Value> {
        let routine = match routine {
            None if here.routine.xecute => match self.routines.get(&here.routine.name) {
                Some(r) => r.clone(),
                None => here.routine.clone(),
            },
            None => here.routine.clone(),
            Some("") => return Err(MError::new(kind::RTNNAME)),
            Some(name) => match self.routine(crate::intern::Sym::intern(name)) {
                Ok(r) => r,
                Err(_) => return Ok(Value::empty()),
            },
        };
        let start = match label {
            Some(l) => match routine.labels.get(&crate::intern::Sym::intern(l)) {
                Some(&i) => i as i64,
                None => return Ok(Value::empty()),
            },
            None if offset == Some(0) => return Ok(Value::from(routine.name.as_str())),
            None if offset.is_some() => -1,
            None => 0,
        };
        if label.is_some() && start + offset.unwrap_or(0) == -1 {
            return Ok(Value::from(routine.name.as_str()));
        }
        Ok(line_text(&routine, start + offset.unwrap_or(0)))
    }

    /// ZSHOW "S": the place of each level, innermost first.
    pub(super) fn stack_lines(&self, here: &Here) -> Vec<Vec<u8>> {
        const INDIRECTION: &[u8] = b"        Indirection";
        let mut out = Vec::with_capacity(self.frames.len());
        for (i, f) in self.frames.iter().enumerate().rev() {
            let top = i + 1 == self.frames.len();
            let mut line = match (&f.here, f.kind) {
                _ if f.kind == FrameKind::Xecute => INDIRECTION.to_vec(),
                _ if top => self.zpos(here).into_bytes(),
                (Some(h), _) => place(&h.routine, h.line).into_bytes(),
                // Direct mode's own level, under a stop.
                (None, _) if i == 0 && self.start_mode == "DIRECT" => b"+1^GTM$DMOD".to_vec(),
                (None, _) => continue,
            };
            if self.trapping.iter().any(|&(level, _)| level == i) {
                line.extend_from_slice(b"    ($ZTRAP)");
            }
            // GT.M marks the frames where direct mode runs: the prompt's own (`+1^GTM$DMOD`)
            // and one stopped at by BREAK, ZSTEP or an error.
            if (top && self.debug.stops > 0) || line.as_slice() == b"+1^GTM$DMOD" {
                line.extend_from_slice(b"    (Direct mode) ");
            }
            out.push(line);
        }
        out
    }

    /// `$STACK(level[,"PLACE"|"MCODE"|"ECODE"])`.
    pub(super) fn stack_fn(&self, level: i64, what: Option<&str>, here: &Here) -> Value {
        let top = self.frames.len() as i64 - 1;
        if level == -1 {
            // Under `$ZTRAP` GT.M gives the error's level while `$ECODE` is set.
            if self.error_stack_ztrap && !self.ecode.is_empty() && !self.error_stack.is_empty() {
                return Value::from_i64(self.error_stack.len() as i64 - 1);
            }
            return Value::from_i64(top.max(self.max_error_level as i64));
        }
        // While `$ECODE` is set, the levels up to the first error's show that error's stack.
        if let Some(at_error) = self.error_stack_entry(level, what) {
            return at_error;
        }
        match usize::try_from(level)
            .ok()
            .and_then(|l| self.level_view(l, here))
        {
            Some(view) => view.answer(what, &self.start_mode),
            None => Value::empty(),
        }
    }

    /// What `$STACK(level,...)` reads of a frame: its kind, the line it stands at and its
    /// `$ECODE`; None past the top.
    pub(super) fn level_view(&self, level: usize, here: &Here) -> Option<StackLevel> {
        let frame = self.frames.get(level)?;
        let top = level + 1 == self.frames.len();
        // At a stop, the typed line runs in the stopped frame: its place is the frame's.
        let error_here = match frame.ecode().is_empty() {
            true => None,
            false => frame.rare.as_ref().and_then(|r| r.error_here.as_ref()),
        };
        let frame_here = if let Some(h) = error_here {
            Some(h)
        } else if top && !(here.routine.xecute && frame.here.is_some()) {
            Some(here)
        } else {
            frame.here.as_ref()
        };
        // XECUTE text run inline, in a DO level: GT.M shows the line that ran it.
        let frame_here = match frame_here {
            Some(h) if h.routine.xecute && frame.kind != FrameKind::Xecute => {
                frame.here.as_ref().or(Some(h))
            }
            other => other,
        };
        Some(StackLevel {
            kind: frame.kind,
            here: frame_here.cloned(),
            ecode: Value::from(frame.ecode()),
        })
    }

    /// `$NAME`, `$INCREMENT`, `$QLENGTH`, `$QSUBSCRIPT`, `$STACK`, `$ZTRNLNM`, `$ZDATE`,
    /// `$ZMESSAGE`.
    pub(super) fn eval_name_func(&mut self, f: Func, args: &[Expr], here: &Here) -> MResult<Value> {
        match f {
            Func::Name => self.name_fn(args, here),
            Func::Increment => self.increment_fn(args, here),
            Func::Qlength
            | Func::Qsubscript
            | Func::Stack
            | Func::Ztrnlnm
            | Func::Zdate
            | Func::Zmessage => {
                let mut v = Vec::with_capacity(args.len());
                for a in args {
                    match self.eval(a, here) {
                        Ok(x) => v.push(x),
                        Err(e) => return Err(e),
                    }
                }
                match f {
                    Func::Qlength => self.qlength(&v),
                    Func::Qsubscript => self.qsubscript(&v),
                    Func::Stack => Ok(self.stack_fn(
                        v.first().map_or(0, Value::int),
                        v.get(1).map(Value::to_text).as_deref(),
                        here,
                    )),
                    Func::Ztrnlnm => Ok(Value::from(
                        std::env::var(v.first().map(Value::to_text).unwrap_or_default())
                            .unwrap_or_default()
                            .as_str(),
                    )),
                    Func::Zdate => super::datefn::zdate(&v, self.zdateform()),
                    _ => Ok(super::zmessage::zmessage_text(
                        v.first().map_or(0, Value::int),
                    )),
                }
            }
            _ => Err(MError::new(kind::INVFCN)),
        }
    }

    fn name_fn(&mut self, args: &[Expr], here: &Here) -> MResult<Value> {
        let Some(ExprKind::Var(g)) = args.first().map(|a| &a.kind) else {
            return Err(MError::new(kind::VAREXPECTED));
        };
        // GT.M: `$NAME(^|"g"|x(1))` keeps the environment as given, without resolving it.
        let mut name = Vec::new();
        if let Glvn::Extended(x) = g {
            name.extend_from_slice(if x.bracket { b"^[" } else { b"^|" });
            for (i, e) in x.env.iter().enumerate() {
                if i > 0 {
                    name.push(b',');
                }
                name.extend(super::func::zwrite(&self.eval(e, here)?));
            }
            name.push(if x.bracket { b']' } else { b'|' });
        }
        let r = match g {
            Glvn::Extended(x) => super::var::VarRef {
                name: x.name,
                keys: self.keys(&x.subs, here)?,
                span: 0..0,
                global: false,
            },
            // $NAME of a global only names it: no database is touched.
            Glvn::Global(name, subs) => super::var::VarRef {
                name: *name,
                keys: self.keys(subs, here)?,
                span: 0..0,
                global: true,
            },
            _ => self.var_ref(g, here)?,
        };
        let mut keys = r.keys;
        if let Some(n) = args.get(1) {
            let n = self.eval(n, here)?.int();
            if n < 0 {
                return Err(MError::new(kind::FNNAMENEG));
            }
            keys.truncate(n as usize);
        }
        if r.global {
            name.push(b'^');
        }
        name.extend(super::var::name_bytes(r.name, &keys));
        Ok(Value::from(name))
    }

    fn increment_fn(&mut self, args: &[Expr], here: &Here) -> MResult<Value> {
        let Some(ExprKind::Var(g)) = args.first().map(|a| &a.kind) else {
            return Err(MError::new(kind::VAREXPECTED));
        };
        let r = self.var_ref(g, here)?;
        let by = match args.get(1) {
            Some(e) => self.eval(e, here)?.num(),
            None => Number::ONE,
        };
        if r.global {
            return self.gv_increment(&r, by);
        }
        let old = self.lookup(&r)?.map_or(Number::ZERO, |v| v.num());
        let new = Value::from_num(old.add(by).map_err(super::expr::num_error)?);
        self.store(&r, new.clone())?;
        Ok(new)
    }

    /// Parses a name value such as `x(1,"a")` into its name and subscripts.
    fn parse_name(&mut self, v: &Value) -> MResult<(String, Vec<Value>)> {
        let text = v.source_text();
        let (global, body) = match text.strip_prefix('^') {
            Some(rest) => (true, rest.to_string()),
            None => (false, text.clone()),
        };
        // GT.M shows the value in ZWRITE form: `("a(""x")`, `("a("_$C(1))`, `("1")`.
        let not_canonic = || {
            let shown = crate::syntax::source::from_bytes(&super::func::zwrite_string(v.bytes()));
            MError::with_args(kind::NOCANONICNAME, &[&shown])
        };
        let e = parse_expr(&body).map_err(|_| not_canonic())?;
        let ExprKind::Var(Glvn::Local(name, subs)) = &e.kind else {
            return Err(not_canonic());
        };
        let here = Here {
            routine: std::rc::Rc::new(crate::syntax::ast::Routine {
                name: *name,
                source: std::rc::Rc::from(""),
                lines: Vec::new(),
                labels: Default::default(),
                xecute: true,
            }),
            line: 0,
            level: 0,
        };
        let mut values = Vec::with_capacity(subs.len());
        for s in subs {
            values.push(self.eval(s, &here)?);
        }
        let prefix = if global { "^" } else { "" };
        Ok((format!("{prefix}{name}"), values))
    }

    fn qlength(&mut self, v: &[Value]) -> MResult<Value> {
        let (_, subs) = self.parse_name(v.first().unwrap_or(&Value::empty()))?;
        Ok(Value::from_i64(subs.len() as i64))
    }

    fn qsubscript(&mut self, v: &[Value]) -> MResult<Value> {
        let (name, subs) = self.parse_name(v.first().unwrap_or(&Value::empty()))?;
        let n = v.get(1).map_or(0, Value::int);
        Ok(match n {
            0 => Value::from(name.as_str()),
            n if n > 0 => subs
                .get(n as usize - 1)
                .cloned()
                .unwrap_or_else(Value::empty),
            // -1 is the environment, which minim does not have.
            -1 => Value::empty(),
            n => return Err(MError::with_args(kind::NOSUBSCRIPT, &[&n.to_string()])),
        })
    }
}

/// `label+offset^routine` split into its parts.
fn split_entryref(text: &str) -> (Option<String>, Option<i64>, Option<String>) {
    let (head, routine) = match text.split_once('^') {
        Some((h, r)) => (h, Some(r.to_string())),
        None => (text, None),
    };
    let (label, offset) = match head.split_once('+') {
        Some((l, o)) => (l, Some(Number::parse(o.as_bytes()).to_i64())),
        None => (head, None),
    };
    let label = (!label.is_empty()).then(|| label.to_string());
    (label, offset, routine)
}

/// True when the source line exists and is completely empty.
fn line_is_empty(routine: &crate::syntax::ast::Routine, line: i64) -> bool {
    usize::try_from(line)
        .ok()
        .and_then(|i| routine.lines.get(i))
        .is_some_and(|l| l.span.is_empty())
}

/// A source line as `$TEXT` gives it: GT.M shows the tabs of the line start as spaces, and
/// an empty line as a line start alone (" ", as the standard has it).
fn line_text(routine: &crate::syntax::ast::Routine, line: i64) -> Value {
    if line < 0 {
        return Value::empty();
    }
    let Some(l) = routine.lines.get(line as usize) else {
        return Value::empty();
    };
    if l.span.is_empty() {
        return Value::from(" ");
    }
    let text = &routine.source[l.span.clone()];
    let start = crate::syntax::line::line_start(text);
    let mut out = text[..start.start].to_string();
    out.push_str(&text[start.clone()].replace('\t', " "));
    out.push_str(&text[start.end..]);
    Value::from(crate::syntax::source::to_bytes(&out))
}

/// One level of the stack as `$STACK` shows it, kept as it was at an error while `$ECODE`
/// stays set (`Interp::error_stack`): cheap to take (an error takes one per level), its
/// texts made only when asked for.
#[derive(Clone)]
pub(super) struct StackLevel {
    kind: FrameKind,
    here: Option<Here>,
    ecode: Value,
}

impl StackLevel {
    /// `$STACK(level[,what])` of this level; `start_mode` names the base level's.
    pub(super) fn answer(&self, what: Option<&str>, start_mode: &str) -> Value {
        match what.map(str::to_ascii_uppercase).as_deref() {
            None => Value::from(match self.kind {
                FrameKind::Base => start_mode,
                FrameKind::Do => "DO",
                FrameKind::Extrinsic => "$$",
                FrameKind::Xecute => "XECUTE",
            }),
            Some("PLACE") if self.kind == FrameKind::Xecute => Value::from("@"),
            Some("PLACE") => match &self.here {
                Some(h) => Value::from(place(&h.routine, h.line).as_str()),
                None => Value::empty(),
            },
            // GT.M lays the line out as `$TEXT` does (tabs of the line start as spaces).
            Some("MCODE") => match &self.here {
                // An XECUTE level's code is its text.
                Some(h) if h.routine.xecute => Value::from(&*h.routine.source),
                Some(h) => line_text(&h.routine, h.line as i64),
                None => Value::empty(),
            },
            Some("ECODE") => self.ecode.clone(),
            Some(_) => Value::empty(),
        }
    }
}
