//! XECUTE, argument indirection and trap code: M code given as text, parsed once per text
//! (bounded caches) and run as a one-line routine.

use std::rc::Rc;

use super::{Flow, Frame, FrameKind, Here, Interp, MAX_FRAMES, XecuteCode};
use crate::error::{MError, MResult, kind};
use crate::intern::SymMap;
use crate::syntax::ast::{CmdKind, Conditional, ExprKind, Routine};
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

    /// The XECUTE command: each argument in turn, until one ends otherwise than normally.
    pub(super) fn exec_xecute(&mut self, args: &[Conditional], here: &Here) -> MResult<Flow> {
        for a in args {
            match self.xecute_arg(a, here)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    #[inline(always)]
    fn xecute_arg(&mut self, a: &Conditional, here: &Here) -> MResult<Flow> {
        match &a.cond {
            // `XECUTE @x`: x holds XECUTE arguments (`"w 1":c,"w 2"`).
            None => {
                if let Some(text) = self.plain_indirection(&a.expr, here)? {
                    return self.indirect_cmd("XECUTE", text.bytes(), here);
                }
            }
            Some(c) => {
                if !self.cond_holds(c, here)? {
                    return Ok(Flow::Normal);
                }
            }
        }
        // GT.M compiles the XECUTE of a literal inline (no stack level of its own) unless
        // its code needs a frame: NEW, QUIT, GOTO, FOR, indirection.
        match &a.expr.kind {
            ExprKind::Lit(code) => self.xecute_literal(a, code.bytes(), here),
            _ => {
                let code = self.eval(&a.expr, here)?;
                self.xecute_computed(a, code.bytes(), here)
            }
        }
    }

    /// XECUTE of a variable or a computed text, as a frame of its own. The argument keeps
    /// the few texts it ran last, parsed (`Conditional::compiled`), so that a text it runs
    /// again (the usual loop) is found by comparing bytes there, not searched for in the
    /// cache of all texts.
    fn xecute_computed(&mut self, a: &Conditional, code: &[u8], here: &Here) -> MResult<Flow> {
        self.set_frame_here(here);
        let routine = match site_code(a, code, here) {
            Some(r) => r,
            None => self.site_miss(a, code, here),
        };
        if let Some(e) = compile_error(&routine) {
            return Err(e);
        }
        self.xecute_routine_in_frame(routine, true)
    }

    /// `xecute_computed` for a text its argument has not kept: parsed (or found in the
    /// cache of all texts) and kept at the argument, in place of the one kept longest
    /// when it holds `SITE_TEXTS` already.
    #[inline(never)]
    fn site_miss(&mut self, a: &Conditional, code: &[u8], here: &Here) -> Rc<Routine> {
        let c = self.xecute_code(code, here);
        // Only in a routine's own lines: XECUTE text keeping the code of other text could
        // keep that text alive in turn (a cycle of Rc, never freed).
        if !here.routine.xecute {
            let mut kept = a.compiled.0.borrow_mut();
            if kept.len() >= SITE_TEXTS {
                kept.remove(0);
            }
            kept.push(c.clone());
        }
        c.routine
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

    /// `xecute_in_frame` for text parsed already.
    pub(super) fn xecute_routine_in_frame(
        &mut self,
        routine: Rc<Routine>,
        goto_stays: bool,
    ) -> MResult<Flow> {
        self.push_xecute_frame(&routine)?;
        let mut r = self.run_text(Here {
            routine,
            line: 0,
            level: 0,
        });
        if goto_stays && let Ok(Flow::Goto) = r {
            r = self.goto_in_xecute_frame();
        }
        self.pop_frame();
        match r? {
            Flow::Quit | Flow::QuitValue => Ok(Flow::Normal),
            other => Ok(other),
        }
    }

    /// XECUTE's frame, holding the text: `$STACK(n,"MCODE")` of this level is its text,
    /// also while it calls deeper (GT.M). Made whole here, with no later store into it.
    #[inline(always)]
    fn push_xecute_frame(&mut self, routine: &Rc<Routine>) -> MResult<()> {
        if self.frames.len() + self.indirection >= MAX_FRAMES {
            return Err(MError::new(kind::STACKCRIT));
        }
        let mut frame = Frame::new(FrameKind::Xecute, None, self.saves.len());
        frame.here = Some(Here {
            routine: routine.clone(),
            line: 0,
            level: 0,
        });
        self.frames.push(frame);
        Ok(())
    }

    /// A GOTO out of the text of an XECUTE command goes on in its frame (GT.M), as long as
    /// what runs there goes to other places in turn.
    #[cold]
    #[inline(never)]
    fn goto_in_xecute_frame(&mut self) -> MResult<Flow> {
        let mut r = Ok(Flow::Goto);
        while let Ok(Flow::Goto) = r
            && let Some((routine, line)) = self.jump.take()
        {
            let level = routine.lines.get(line).map_or(0, |l| l.level);
            r = self.run_block(Here {
                routine,
                line,
                level,
            });
        }
        r
    }

    /// `run_block` for XECUTE text, a routine of one line at level 0: the line runs here,
    /// with no loop around it, unless something is to be seen to before it (interrupts,
    /// breakpoints: the attention flag). A line that ends otherwise than normally or with
    /// QUIT (an error, GOTO, ZGOTO, HALT) is seen to as the loop does (`after_line`).
    #[inline(always)]
    fn run_text(&mut self, mut here: Here) -> MResult<Flow> {
        // Breakpoints and ZSTEP raise the same flag (`rearm_debug`).
        if self.attention() {
            return self.run_block(here);
        }
        let result = self.exec_line(&here, 0);
        match result {
            // The line after it: there is none.
            Ok(Flow::Normal | Flow::Quit | Flow::QuitValue) => result,
            _ => self.after_text_line(result, &mut here),
        }
    }

    #[cold]
    #[inline(never)]
    fn after_text_line(&mut self, result: MResult<Flow>, here: &mut Here) -> MResult<Flow> {
        match self.after_line(result, here, 0) {
            Some(r) => r,
            None => self.run_block(here.clone()),
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
        arg: &Conditional,
        code: &[u8],
        here: &Here,
    ) -> MResult<Flow> {
        self.set_frame_here(here);
        let cached = arg.compiled.0.borrow().first().cloned();
        let XecuteCode { routine, inlines } = match cached {
            Some(c) if c.routine.name == here.routine.name => c,
            _ => {
                let mut c = self.xecute_code(code, here);
                // GT.M frames the text of a constant concatenation (`"w $st"_",!"`), which
                // the parser folds into one literal; only one string (in parentheses or not)
                // may run inline.
                let source = here.routine.source.get(arg.expr.span.clone());
                c.inlines &= source.is_some_and(one_string);
                *arg.compiled.0.borrow_mut() = vec![c.clone()];
                c
            }
        };
        if let Some(e) = compile_error(&routine) {
            return Err(e);
        }
        if inlines && !here.routine.xecute {
            return self.run_text(Here {
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

/// How many texts a computed XECUTE argument keeps parsed (`xecute_computed`): a loop
/// that runs a few texts in turn (`XECUTE "set n=n+"_(i#3)`) finds each there.
const SITE_TEXTS: usize = 4;

/// The code this argument ran `code` with, when it keeps that text: compared whole (its
/// bytes are the parsed routine's source), so changed text is never run from there.
#[inline(always)]
fn site_code(a: &Conditional, code: &[u8], here: &Here) -> Option<Rc<Routine>> {
    let kept = a.compiled.0.borrow();
    kept.iter()
        .map(|c| &c.routine)
        .find(|r| {
            r.name == here.routine.name && super::textcache::same_text(r.source.as_bytes(), code)
        })
        .cloned()
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
