//! XECUTE, argument indirection and trap code: M code given as text, parsed once per text
//! (bounded caches) and run as a one-line routine.

use std::rc::Rc;

use super::{Flow, FrameKind, Here, Interp, MAX_FRAMES, XecuteCode};
use crate::error::{MError, MResult, kind};
use crate::intern::SymMap;
use crate::syntax::ast::{CmdKind, Routine};
use crate::syntax::parser::{parse_commands, parse_indirect_args};

impl Interp {
    /// Runs `f` one indirection deeper. GT.M evaluates indirection on its M stack, so
    /// self-referential text (x="@x", or x="@y" with y="@x") ends in STACKCRIT: minim counts
    /// indirection levels in the same budget as frames, never in unbounded Rust recursion.
    pub(super) fn indirectly<T>(&mut self, f: impl FnOnce(&mut Self) -> MResult<T>) -> MResult<T> {
        if self.frames.len() + self.indirection >= MAX_FRAMES {
            return Err(MError::new(kind::STACKCRIT));
        }
        self.indirection += 1;
        let r = f(self);
        self.indirection -= 1;
        r
    }

    /// XECUTE: runs M code given as text, as a frame of its own.
    pub(super) fn xecute(&mut self, code: &[u8], here: &Here) -> MResult<Flow> {
        self.set_frame_here(here);
        let routine = self.xecute_routine(code, here);
        if let Some(e) = compile_error(&routine) {
            return Err(e);
        }
        self.xecute_routine_in_frame(routine, true)
    }

    /// Runs M code text as a frame of its own. With `goto_stays` (the XECUTE command) a GOTO
    /// out of the text goes on in that frame, whose QUIT then ends the XECUTE (GT.M);
    /// without it (device EXCEPTION code) the GOTO leaves the frame.
    pub(super) fn xecute_in_frame(
        &mut self,
        code: &[u8],
        here: &Here,
        goto_stays: bool,
    ) -> MResult<Flow> {
        self.set_frame_here(here);
        let routine = self.xecute_routine(code, here);
        self.xecute_routine_in_frame(routine, goto_stays)
    }

    pub(super) fn xecute_routine_in_frame(
        &mut self,
        routine: Rc<Routine>,
        goto_stays: bool,
    ) -> MResult<Flow> {
        self.push_frame_kind(FrameKind::Xecute, None)?;
        let xhere = Here {
            routine,
            line: 0,
            level: 0,
        };
        // `$STACK(n,"MCODE")` of this level is its text, also while it calls deeper (GT.M).
        if let Some(f) = self.frames.last_mut() {
            f.here = Some(xhere.clone());
        }
        let mut r = self.run_block(xhere);
        while goto_stays
            && let Ok(Flow::Goto) = r
            && let Some((routine, line)) = self.jump.take()
        {
            let level = routine.lines.get(line).map_or(0, |l| l.level);
            r = self.run_block(Here {
                routine,
                line,
                level,
            });
        }
        self.pop_frame();
        match r? {
            Flow::Quit | Flow::QuitValue => Ok(Flow::Normal),
            other => Ok(other),
        }
    }

    /// Whether GT.M runs this literal XECUTE text inline, in the current frame: only when
    /// none of its commands is NEW, QUIT, GOTO or FOR and it holds no indirection.
    /// Decided once per text, when it is parsed (`XecuteCode::inlines`).
    pub(super) fn inlines(routine: &Routine, code: &[u8]) -> bool {
        let framed = routine.lines.iter().flat_map(|l| &l.body).any(|c| {
            matches!(
                c.kind,
                CmdKind::New(_) | CmdKind::Quit(_) | CmdKind::Goto(_) | CmdKind::For(_)
            )
        });
        let mut quoted = false;
        let indirection = code.iter().any(|&b| {
            quoted ^= b == b'"';
            b == b'@' && !quoted
        });
        !framed && !indirection
    }

    /// XECUTE of a literal: the text parsed once, kept in the argument itself (no hashing
    /// of the text per run), and run inline when GT.M would (`inlines`).
    pub(super) fn xecute_literal(
        &mut self,
        arg: &crate::syntax::ast::Conditional,
        code: &[u8],
        here: &Here,
    ) -> MResult<Flow> {
        self.set_frame_here(here);
        let cached = arg.compiled.0.borrow().clone();
        let XecuteCode { routine, inlines } = match cached {
            Some(c) if c.routine.name == here.routine.name => c,
            _ => {
                let mut c = self.xecute_code(code, here);
                // GT.M frames the text of a constant concatenation (`"w $st"_",!"`), which
                // the parser folds into one literal; only one string (in parentheses or not)
                // may run inline.
                let source = here.routine.source.get(arg.expr.span.clone());
                c.inlines &= source.is_some_and(one_string);
                *arg.compiled.0.borrow_mut() = Some(c.clone());
                c
            }
        };
        if let Some(e) = compile_error(&routine) {
            return Err(e);
        }
        if inlines && !here.routine.xecute {
            return self.run_block(Here {
                routine,
                line: 0,
                level: 0,
            });
        }
        self.xecute_routine_in_frame(routine, true)
    }

    /// Runs M code text in the current frame (trap code, XECUTE of a literal): QUIT ends
    /// the text and is returned to the caller.
    pub(super) fn run_inline(&mut self, code: &[u8], here: &Here) -> MResult<Flow> {
        self.set_frame_here(here);
        let routine = self.xecute_routine(code, here);
        self.run_block(Here {
            routine,
            line: 0,
            level: 0,
        })
    }

    /// The text of argument indirection as a one-line routine of one `cmd` command; text that
    /// is not exactly that command's arguments becomes the line's error, so none of it runs.
    pub(super) fn indirect_routine(
        &mut self,
        cmd: &'static str,
        bytes: &[u8],
        here: &Here,
    ) -> Rc<Routine> {
        let name = here.routine.name;
        if let Some((_, r)) = self
            .indirect_cache
            .get(bytes, |(c, r)| *c == cmd && r.name == name)
        {
            return r;
        }
        let text = crate::syntax::source::from_bytes(bytes);
        let (body, error) = match parse_indirect_args(cmd, &text) {
            Ok(c) => (vec![c], None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let source = format!("{cmd} {text}");
        let r = Rc::new(Routine {
            name: here.routine.name,
            lines: vec![crate::syntax::ast::Line {
                label: None,
                level: 0,
                deeper: 0,
                body,
                error,
                span: 0..source.len(),
            }],
            source: Rc::from(source.as_str()),
            labels: SymMap::default(),
            xecute: true,
        });
        self.indirect_cache
            .insert(Rc::from(bytes), (cmd, r.clone()));
        r
    }

    /// XECUTE text parsed once and cached, as a one-line routine.
    pub(super) fn xecute_routine(&mut self, code: &[u8], here: &Here) -> Rc<Routine> {
        self.xecute_code(code, here).routine
    }

    /// XECUTE text parsed once and cached, with whether it may run inline.
    pub(super) fn xecute_code(&mut self, code: &[u8], here: &Here) -> XecuteCode {
        let name = here.routine.name;
        match self.xecute_cache.get(code, |c| c.routine.name == name) {
            Some(c) => c,
            None => {
                let text = crate::syntax::source::from_bytes(code);
                // GT.M skips spaces and tabs before the first command of XECUTE text.
                let start = text.len() - text.trim_start_matches([' ', '\t']).len();
                let (body, error) = parse_commands(&text[start..], start);
                let r = Rc::new(Routine {
                    name: here.routine.name,
                    source: Rc::from(text.as_str()),
                    lines: vec![crate::syntax::ast::Line {
                        label: None,
                        level: 0,
                        deeper: 0,
                        body,
                        error,
                        span: 0..text.len(),
                    }],
                    labels: SymMap::default(),
                    xecute: true,
                });
                let c = XecuteCode {
                    inlines: Self::inlines(&r, code),
                    routine: r,
                };
                self.xecute_cache.insert(Rc::from(code), c.clone());
                c
            }
        }
    }
}

/// Whether source text is one string literal, maybe in parentheses (or a number, whose
/// text is no command anyway): not an expression the parser folded into a literal.
fn one_string(src: &str) -> bool {
    let mut b = src.trim().as_bytes();
    while let [b'(', inner @ .., b')'] = b {
        b = inner;
    }
    super::stack::one_literal(b)
}

/// GT.M compiles XECUTE text whole before it runs any of it: a syntax error in the text is
/// raised by the XECUTE command itself, in its frame, and none of the text runs. Only an
/// unknown function or special variable waits until its command is reached (probed:
/// `XECUTE "write 1 set a=)"` writes nothing, `XECUTE "write 1 write $ZZ(1)"` writes 1).
#[inline]
fn compile_error(routine: &Routine) -> Option<MError> {
    let e = routine.lines.first()?.error.as_ref()?;
    raised_at_once(e)
}

/// `compile_error` for text with an error: out of line, so that the usual check (no error)
/// stays a few instructions in XECUTE.
#[cold]
#[inline(never)]
fn raised_at_once(e: &MError) -> Option<MError> {
    (e.kind != kind::INVFCN && e.kind != kind::INVSVN).then(|| e.clone())
}
