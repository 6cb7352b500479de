//! The tree-walking evaluator: routines, frames, the flow of control and error trapping.
//! Commands are in `cmd`, expressions in `expr`, intrinsic functions in `func`, special
//! variables in `svn`, variable references in `var`.

mod cmd;
mod concat;
pub mod debug;
mod expr;
mod func;
mod global;
pub mod job;
mod lock;
mod refname;
pub mod session;
mod stack;
mod strcache;
mod strfn;
mod strscan;
pub mod svn;
mod textcache;
mod tp;
mod var;
mod view;
mod zbit;
mod zcmd;
mod zgetjpi;
mod zintr;
mod zparse;
mod zproc;
mod zsearch;

pub use func::zwrite_string;
pub use global::{global_bytes, global_name};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::device::Devices;
use crate::device::principal::Principal;
use crate::error::{ErrorKind, MError, MResult, kind};
use crate::intern::{Sym, SymMap};
use crate::locals::{Locals, Slot};
use crate::syntax::ast::{Actual, CmdKind, Routine, Svn};
use crate::syntax::line::parse_routine;
use crate::syntax::parser::{parse_commands, parse_indirect_args};
use crate::value::{Bytes, Value};
use textcache::TextCache;

/// GT.M stops deep recursion with STACKCRIT; minim does so at this depth, far below what the
/// interpreter thread's stack can hold.
pub(crate) const MAX_FRAMES: usize = 10_000;

/// How control leaves a command, a line or a block.
pub enum Flow {
    Normal,
    Quit(Option<Value>),
    /// GOTO: continue at this line of this routine.
    Goto(Rc<Routine>, usize),
    /// HALT or ZHALT with the exit status.
    Halt(i32),
    /// ZGOTO: unwind to stack level `level`, then continue at `target` (or after the call).
    ZGoto {
        level: usize,
        target: Option<(Rc<Routine>, usize)>,
    },
}

/// How a stack frame was made (`$STACK(n)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    Base,
    Do,
    Extrinsic,
    Xecute,
}

/// How a run ended.
#[derive(Debug)]
pub enum Outcome {
    Done,
    Halt(i32),
    Error(MError),
}

/// Where execution is: the routine, the line and its DO-block level.
#[derive(Clone)]
pub struct Here {
    pub routine: Rc<Routine>,
    pub line: usize,
    pub level: usize,
}

/// One DO, extrinsic, XECUTE or dot-block frame: small, as one is pushed per call; what
/// few frames need (exclusive NEW, a trapped error, NEW $ETRAP) lives in `rare`.
struct Frame {
    kind: FrameKind,
    extrinsic: bool,
    /// NEW $ESTACK was done in this frame: `$ESTACK` counts from here.
    estack_base: bool,
    /// `$TEST` to restore on QUIT (argumentless DO, extrinsics, DO with arguments).
    saved_test: Option<bool>,
    /// How many FOR bodies of this frame are running (QUIT there ends the FOR).
    for_depth: u32,
    /// Where this frame's saved bindings start in `Interp::saves`.
    saves_start: u32,
    here: Option<Here>,
    rare: Option<Box<FrameRare>>,
}

/// The parts of a frame few frames use.
#[derive(Default)]
struct FrameRare {
    /// Names an exclusive NEW in this frame kept (ZWRITE marks them ` ;*`).
    kept: Vec<Sym>,
    /// `$ECODE` as it was when an error was trapped at this level (`$STACK(n,"ECODE")`).
    ecode: String,
    /// `$ETRAP` to restore on QUIT (NEW $ETRAP).
    saved_etrap: Option<Value>,
    /// `$ZTRAP` to restore on QUIT (NEW $ZTRAP).
    saved_ztrap: Option<Value>,
}

impl Frame {
    fn new(kind: FrameKind, saved_test: Option<bool>, saves_start: usize) -> Frame {
        Frame {
            kind,
            extrinsic: kind == FrameKind::Extrinsic,
            estack_base: kind == FrameKind::Base,
            saved_test,
            for_depth: 0,
            saves_start: saves_start as u32,
            here: None,
            rare: None,
        }
    }

    fn base() -> Frame {
        Frame::new(FrameKind::Base, None, 0)
    }

    fn rare_mut(&mut self) -> &mut FrameRare {
        self.rare.get_or_insert_with(Box::default)
    }

    /// `$ECODE` as trapped at this level ("" when none was).
    fn ecode(&self) -> &str {
        self.rare.as_ref().map_or("", |r| r.ecode.as_str())
    }

    fn kept(&self) -> &[Sym] {
        self.rare.as_ref().map_or(&[], |r| r.kept.as_slice())
    }
}

pub use crate::syntax::ast::XecuteCode;

/// Called for each syntax error found when a routine is loaded.
pub type LoadErrorHook = Box<dyn FnMut(&MError, &Routine)>;

pub struct Interp {
    locals: Locals,
    routines: SymMap<Rc<Routine>>,
    /// Counts the routines installed: a call target cached in its `EntryRef` is good while
    /// this has not changed (ZLINK may have replaced the routine it names).
    routines_gen: u64,
    path: Vec<PathBuf>,
    devices: Devices,
    test: bool,
    frames: Vec<Frame>,
    /// The bindings NEW and formal parameters replaced, for all frames (each frame's start
    /// there is `saves_start`): put back when the frame QUITs.
    saves: Vec<(Sym, Option<Slot>)>,
    /// Slots of formals and NEWed names freed by QUIT, kept for the next call (bounded).
    slot_pool: Vec<Slot>,
    /// The slots evaluated actual parameters give the formals, between their evaluation and
    /// the binding (a stack: actuals of a call inside an actual go on top).
    actuals: Vec<Option<Slot>>,
    ecode: String,
    etrap: Value,
    ztrap: Value,
    zstatus: String,
    zcmdline: Value,
    /// XECUTE text parsed once, while in use (bounded).
    xecute_cache: TextCache<XecuteCode>,
    /// Argument indirection (`SET @x`) parsed once, by command and text (bounded).
    indirect_cache: TextCache<(&'static str, Rc<Routine>)>,
    /// Name indirection (`@x` where a variable goes) parsed once, by text (bounded).
    name_cache: TextCache<Rc<crate::syntax::ast::Glvn>>,
    /// Where the last `$PIECE` ended, and the recent `$TRANSLATE` tables.
    strs: strcache::StrCaches,
    /// The lines of the routine `$TEXT` read last, as `$TEXT` gives them, made on first use.
    text_lines: Option<(Rc<Routine>, Vec<Option<Bytes>>)>,
    /// Patterns given by indirection (`?@x`) parsed once, by text (bounded).
    pattern_cache: TextCache<Rc<crate::syntax::pattern::Pattern>>,
    rng: u64,
    /// `$ZJOB`: the process id of the last JOB.
    zjob: u32,
    /// The stack levels now running their error trap (ZSHOW "S" marks them `($ZTRAP)`).
    trapping: Vec<(usize, bool)>,
    /// `$STACK(0)`: how the process started (`-run ^NAME`, as GT.M shows it).
    start_mode: String,
    /// `$STACK(-1)`: the deepest level an error was trapped at.
    max_error_level: usize,
    /// Indirections being evaluated (`@x` inside `@y`...), counted with the frames.
    indirection: usize,
    /// Set when IF or ELSE skipped the rest of a line: its syntax error, never reached,
    /// is not raised (GT.M raises a syntax error only when execution gets to it).
    rest_skipped: bool,
    /// A ZGOTO leaving an extrinsic, on its way up to the line that runs it (see
    /// `MError::unwinding`).
    unwinding: Option<Flow>,
    /// The error the last trap ran for: raised again in the caller when its frame QUITs
    /// with `$ECODE` still set.
    trapped_error: Option<MError>,
    on_load_error: Option<LoadErrorHook>,
    /// The database of globals (opened on first use).
    globals: std::cell::RefCell<crate::db::Globals>,
    /// The last global reference: the naked indicator and `$REFERENCE`.
    naked: std::cell::RefCell<Option<(Sym, Vec<crate::locals::Key>)>>,
    /// The running transaction's start (TSTART), for TRESTART.
    tp: Option<tp::Transaction>,
    /// `$TRESTART`.
    trestart: u32,
    /// The stack level of each active TSTART (a QUIT from one of them is TPQUIT).
    tstart_frames: Vec<usize>,
    /// The locks this process holds.
    locks: lock::Locks,
    /// The Z special variables a SET has changed (`$ZPROMPT`...); the others read as GT.M's
    /// defaults (`svn::z_default`).
    zvars: HashMap<Svn, Value>,
    /// `$ZSEARCH`'s searches, by stream number.
    zsearch_streams: HashMap<i64, zsearch::Search>,
    /// Breakpoints, ZSTEP and the prompt to stop at (`debug`).
    debug: debug::DebugState,
    /// The `$ZINTERRUPT` now running (`$ZININTERRUPT` is 1).
    zinterrupt_running: Option<zintr::Running>,
    /// How many dumps `$ZJOBEXAM` has written (GT.M numbers its files).
    zjobexam_count: u32,
    /// VIEW "NOUNDEF": an undefined local reads as "".
    noundef: bool,
    /// VIEW "GDSCERT" (`$VIEW("GDSCERT")`).
    gdscert: bool,
    /// VIEW "LOGTPRESTART": how often GT.M would log a TP restart (0: never); stored only.
    logtprestart: i64,
    /// Lines and FOR passes left to run (`sandbox`); without a sandbox, never reached.
    steps_left: u64,
    /// The flag looked at between two lines or FOR passes (one load): the process's
    /// `interrupt::ATTENTION`, or in a sandbox `interrupt::ALWAYS`, so that every line
    /// takes the slow path that counts steps.
    attend: &'static std::sync::atomic::AtomicBool,
    /// A sandbox: nothing outside the process (files, devices, the database, LOCK, JOB,
    /// waits) is reachable; such operations are GT.M's RESTRICTEDOP.
    restricted: bool,
}

impl Interp {
    pub fn new(path: Vec<PathBuf>) -> Interp {
        let principal = Box::new(Principal::new());
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
            ^ ((std::process::id() as u64) << 32);
        Interp {
            locals: Locals::default(),
            routines: SymMap::default(),
            routines_gen: 0,
            path,
            devices: Devices::new(principal, Principal::device_name()),
            test: true,
            frames: vec![Frame::base()],
            saves: Vec::new(),
            slot_pool: Vec::new(),
            actuals: Vec::new(),
            ecode: String::new(),
            etrap: Value::empty(),
            ztrap: Value::empty(),
            zstatus: String::new(),
            zcmdline: Value::empty(),
            xecute_cache: TextCache::new(64),
            indirect_cache: TextCache::new(64),
            name_cache: TextCache::new(64),
            pattern_cache: TextCache::new(32),
            strs: Default::default(),
            text_lines: None,
            rng: seed | 1,
            zjob: 0,
            max_error_level: 0,
            indirection: 0,
            rest_skipped: false,
            unwinding: None,
            trapped_error: None,
            start_mode: "DIRECT".to_string(),
            trapping: Vec::new(),
            zvars: HashMap::new(),
            zsearch_streams: HashMap::new(),
            zinterrupt_running: None,
            zjobexam_count: 0,
            noundef: false,
            gdscert: false,
            logtprestart: 0,
            on_load_error: None,
            globals: std::cell::RefCell::new(crate::db::Globals::new(
                crate::db::DbConfig::from_env(),
            )),
            naked: std::cell::RefCell::new(None),
            tp: None,
            trestart: 0,
            tstart_frames: Vec::new(),
            locks: lock::Locks::default(),
            debug: debug::DebugState::default(),
            steps_left: u64::MAX,
            attend: &crate::interrupt::ATTENTION,
            restricted: false,
        }
    }

    /// Runs untrusted code (the fuzz targets): at most `max_steps` lines and FOR passes, after
    /// which the run ends as by HALT, and no effect outside the process: OPEN, USE of another
    /// device, READ, HANG, JOB, LOCK, ZLINK, the database and `$ZSEARCH` are RESTRICTEDOP,
    /// routines are not looked for on disk, and the principal device's output is dropped.
    pub fn sandbox(&mut self, max_steps: u64) {
        self.steps_left = max_steps;
        self.attend = &crate::interrupt::ALWAYS;
        self.restricted = true;
        self.path.clear();
        let principal = Box::new(crate::device::principal::Principal::detached());
        self.devices = Devices::new(principal, b"0".to_vec());
        self.globals.borrow_mut().restrict();
    }

    /// RESTRICTEDOP for `what` in a sandbox.
    pub(super) fn allowed(&self, what: &str) -> MResult<()> {
        match self.restricted {
            true => Err(MError::with_args(kind::RESTRICTEDOP, &[what])),
            false => Ok(()),
        }
    }

    /// Whether anything rare waits to be looked at between two lines or FOR passes: the
    /// whole cost of those checks on the hot path is this one load.
    #[inline(always)]
    pub(super) fn attention(&self) -> bool {
        self.attend.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Starts looking at the rare events: the flag is cleared before their own flags are
    /// read, so an event that comes meanwhile raises it again.
    #[inline]
    fn attention_taken() {
        crate::interrupt::ATTENTION.store(false, std::sync::atomic::Ordering::Relaxed);
    }

    /// Done looking: whatever was not acted on (a fatal memory error stays pending while the
    /// memory is held, `$ZINTERRUPT` while one runs) keeps the flag raised.
    fn attention_left() {
        if crate::interrupt::pending() || crate::memory::is_pending() {
            crate::interrupt::attend();
        }
    }

    /// The slow path of a FOR pass: `$ZINTERRUPT`, then what `poll` checks.
    #[cold]
    pub(super) fn attend_pass(&mut self, here: &Here) -> MResult<()> {
        Self::attention_taken();
        let r = match crate::interrupt::pending() {
            true => self.service_interrupts(here),
            false => Ok(()),
        };
        let r = r.and_then(|()| self.poll());
        Self::attention_left();
        r
    }

    /// What may stop the run between two lines or FOR passes: Ctrl-C or SIGTERM, a memory
    /// limit crossed (`memory`), the sandbox's steps used up; and a due database commit.
    /// Only on the slow path, when `attention` says so.
    fn poll(&mut self) -> MResult<()> {
        if crate::interrupt::take() {
            return Err(MError::new(kind::CTRLC));
        }
        // The embedded store's batch of updates is due (it raises the flag for that too).
        self.sync_globals()?;
        if let Some((fatal, size)) = crate::memory::pending() {
            let which = if fatal {
                kind::MEMORY
            } else {
                kind::MALLOCCRIT
            };
            let size = size.to_string();
            return Err(MError::with_args(which, &[&size, "0000000000000000"]));
        }
        self.steps_left = self.steps_left.saturating_sub(1);
        if self.steps_left == 0 {
            return Err(MError::halting(0));
        }
        Ok(())
    }

    /// `minim -run ENTRY`: `$STACK(0)` shows the entry reference as it was given (GT.M).
    pub fn set_run_entry(&mut self, entry: &str) {
        self.start_mode = format!("-run {entry}");
    }

    pub fn set_cmdline(&mut self, args: &str) {
        self.zcmdline = Value::from(args);
    }

    pub fn on_load_error(&mut self, hook: LoadErrorHook) {
        self.on_load_error = Some(hook);
    }

    /// The routine path: where `^NAME` is looked for, in order.
    pub fn routine_path(&self) -> &[PathBuf] {
        &self.path
    }

    /// Loads a routine from a file under the given name (the file's base name).
    pub fn load_file(&mut self, file: &Path) -> MResult<Rc<Routine>> {
        let name = routine_name_of(file);
        let text = std::fs::read(file).map_err(|e| file_error(&name, file, &e))?;
        Ok(self.install(Sym::intern(&name), text))
    }

    fn install(&mut self, name: Sym, text: Vec<u8>) -> Rc<Routine> {
        let source: Rc<str> = Rc::from(crate::syntax::source::from_bytes(&text).as_str());
        let (mut routine, errors) = parse_routine(name, source);
        if let Some(hook) = self.on_load_error.as_mut() {
            for e in &errors {
                hook(e, &routine);
            }
            // Shown now with their source line: when reached, the message and place suffice.
            for line in &mut routine.lines {
                if let Some(e) = line.error.as_mut() {
                    e.shown_at_load = true;
                }
            }
        }
        let routine = Rc::new(routine);
        self.routines.insert(name, routine.clone());
        self.routines_gen += 1;
        routine
    }

    /// Finds a routine by name on the routine path (`%NAME` lives in `_NAME.m`).
    pub fn routine(&mut self, name: Sym) -> MResult<Rc<Routine>> {
        if let Some(r) = self.routines.get(&name) {
            return Ok(r.clone());
        }
        let file = format!("{}.m", name.as_str().replacen('%', "_", 1));
        for dir in &self.path {
            let candidate = dir.join(&file);
            if let Ok(text) = std::fs::read(&candidate) {
                return Ok(self.install(name, text));
            }
        }
        if let Some(text) = crate::embedded::source(name.as_str()) {
            return Ok(self.install(name, text.as_bytes().to_vec()));
        }
        Err(MError::with_args(kind::ZLINKFILE, &[name.as_str()])
            .detail(format!("%GTM-E-FILENOTFND, File {file} not found"))
            .hint(not_found_hint(name.as_str(), &file, &self.path)))
    }

    /// Loads a routine from source text (`minim -` reads one from standard input).
    pub fn load_text(&mut self, name: &str, text: Vec<u8>) -> Rc<Routine> {
        self.install(Sym::intern(name), text)
    }

    /// Sets `$ETRAP` (a GT.M user's `gtm_etrap` gives its initial value).
    /// Sets `$ZTRAP` (which empties `$ETRAP`, as in GT.M).
    pub fn set_ztrap(&mut self, code: &str) {
        self.ztrap = Value::from(code);
        self.etrap = Value::empty();
    }

    pub fn set_etrap(&mut self, code: &str) {
        self.etrap = Value::from(code);
    }

    /// Runs a routine from its first line (or from `label`), as `minim FILE.m` does.
    pub fn run_routine(&mut self, routine: Rc<Routine>, label: Option<Sym>) -> Outcome {
        let start = match label {
            None => 0,
            Some(l) => match routine.labels.get(&l) {
                Some(&i) => i,
                None => return Outcome::Error(MError::new(kind::LABELUNKNOWN)),
            },
        };
        self.run_from_line(routine, start)
    }

    /// Runs a routine from line `start` at the bottom of the stack.
    fn run_from_line(&mut self, routine: Rc<Routine>, start: usize) -> Outcome {
        if self.start_mode == "DIRECT" {
            self.start_mode = format!("-run ^{}", routine.name);
        }
        let here = Here {
            routine,
            line: start,
            level: 0,
        };
        let result = self.run_block(here);
        self.finish(result)
    }

    /// Runs the commands of one direct-mode line against the session's variables.
    pub fn run_direct(&mut self, text: &str) -> Outcome {
        let (routine, errors) = parse_routine(Sym::intern("direct"), Rc::from(text));
        if let Some(e) = errors.into_iter().next() {
            return Outcome::Error(e);
        }
        let here = Here {
            routine: Rc::new(routine),
            line: 0,
            level: 0,
        };
        let r = self.run_block(here);
        self.devices.flush_all();
        match r {
            Ok(Flow::Halt(code)) => Outcome::Halt(code),
            Ok(_) => Outcome::Done,
            Err(e) => Outcome::Error(e),
        }
    }

    fn finish(&mut self, result: MResult<Flow>) -> Outcome {
        let outcome = match result {
            Ok(Flow::Halt(code)) => Outcome::Halt(code),
            Ok(_) => Outcome::Done,
            Err(e) => Outcome::Error(e),
        };
        self.abandon_transaction();
        // Nothing written is lost at exit: a failure of the last SETs is the routine's error.
        let outcome = match (outcome, self.sync_globals()) {
            (Outcome::Error(e), _) | (_, Err(e)) => Outcome::Error(e),
            (outcome, Ok(())) => outcome,
        };
        self.devices.at_exit();
        outcome
    }

    /// Flushes all device output (before a report on standard error).
    pub fn flush(&mut self) {
        self.devices.flush_all();
    }

    /// Runs lines from `here.line` at block level `here.level` until QUIT, the end of the
    /// block or routine, HALT or an error the traps do not handle.
    fn run_block(&mut self, mut here: Here) -> MResult<Flow> {
        let start = here.line;
        // The command to start the next line at (a TRESTART resumes at its TSTART).
        let mut resume_at = 0;
        loop {
            let Some(line) = here.routine.lines.get(here.line) else {
                return Ok(Flow::Normal);
            };
            if line.level < here.level {
                return Ok(Flow::Normal);
            }
            if line.level > here.level {
                here.line += 1;
                continue;
            }
            let mut stopped = None;
            if here.line != start
                && here.level == 0
                && let Some(l) = &line.label
                && l.formals.is_some()
                && let Some(prev) = fell_from(&here.routine, here.line)
            {
                // GT.M: the error belongs to the line that fell through, in this frame (its
                // trap runs here); a routine top of comments only may fall into it.
                here.line = prev;
                stopped = Some(Err(MError::new(kind::FALLINTOFLST)));
            }
            self.set_frame_here(&here);
            // One load per line (and one flag): signals, memory limits, the sandbox's step
            // budget, breakpoints and ZSTEP are rare.
            if stopped.is_none() && self.attention() {
                Self::attention_taken();
                if crate::interrupt::pending() {
                    match self.service_interrupts(&here) {
                        Ok(()) => {}
                        Err(e) if e.kind == kind::CTRLC => {
                            Self::attention_left();
                            let e = self.located(e, &here);
                            match self.stop(debug::Stop::Interrupt, &here) {
                                None => return Err(e),
                                Some(debug::Resume::Flow(f)) => return Ok(f),
                                Some(debug::Resume::Continue) => {}
                            }
                        }
                        Err(e) => stopped = Some(Err(e)),
                    }
                }
                if stopped.is_none()
                    && let Err(e) = self.poll()
                {
                    stopped = Some(Err(e));
                }
                Self::attention_left();
            }
            if stopped.is_none() && self.debug.armed {
                stopped = self.at_line(&here)?.map(Ok);
            }
            let result = match stopped {
                Some(r) => r,
                None => {
                    let at = std::mem::take(&mut resume_at);
                    self.exec_line_inline(&here, at)
                }
            };
            let flow = match result {
                Ok(f) => f,
                Err(e) if e.halt.is_some() => return Ok(Flow::Halt(e.halt.unwrap_or(0))),
                Err(e) if e.unwind => self.unwinding.take().unwrap_or(Flow::Normal),
                Err(e) if e.restart => match self.conflict_restart(e, &here) {
                    e if !e.restart => {
                        let e = self.located(e, &here);
                        self.trap(e, &here)?
                    }
                    e => match self.restart_point(&here) {
                        Some((at, index)) => {
                            here = at;
                            resume_at = index;
                            continue;
                        }
                        None => return Err(e),
                    },
                },
                Err(e) => {
                    let e = self.located(e, &here);
                    match self.trap(e, &here) {
                        Ok(flow) => flow,
                        Err(e) if e.halt.is_some() || e.restart || e.kind == kind::CTRLC => {
                            return Err(e);
                        }
                        // Without a prompt to stop at, the error goes up as it is: never
                        // copied per frame (its call chain is as long as the stack, so a copy
                        // per level made a STACKCRIT report quadratic: 10,000 levels, 8 s).
                        Err(e) if !self.stops_on_error() => return Err(e),
                        // Direct mode stops in the failing frame; ZCONTINUE runs the line again.
                        Err(e) => match self.stop(debug::Stop::Error(e.clone()), &here) {
                            None => return Err(e),
                            Some(debug::Resume::Continue) => {
                                Flow::Goto(here.routine.clone(), here.line)
                            }
                            Some(debug::Resume::Flow(f)) => f,
                        },
                    }
                }
            };
            match flow {
                Flow::Normal => here.line += 1,
                // A GOTO out of XECUTE text leaves the XECUTE frame.
                Flow::Goto(r, i) if here.routine.xecute && !Rc::ptr_eq(&r, &here.routine) => {
                    return Ok(Flow::Goto(r, i));
                }
                Flow::Goto(r, i) => {
                    here.level = r.lines.get(i).map_or(0, |l| l.level);
                    here.routine = r;
                    here.line = i;
                }
                // ZGOTO to a label out of XECUTE text (`ZGOTO @x`) leaves that text, as GOTO.
                Flow::ZGoto {
                    target: Some(_), ..
                } if here.routine.xecute => return Ok(flow),
                // ZGOTO to this level: go on at the target, or after the line that called.
                Flow::ZGoto { level, target } if self.frames.len() - 1 <= level => match target {
                    Some((r, i)) => {
                        here.level = r.lines.get(i).map_or(0, |l| l.level);
                        here.routine = r;
                        here.line = i;
                    }
                    None => here.line += 1,
                },
                other => return Ok(other),
            }
        }
    }

    fn set_frame_here(&mut self, here: &Here) {
        // XECUTE text and trap code keep the place of the line that ran them.
        if here.routine.xecute {
            return;
        }
        if let Some(f) = self.frames.last_mut() {
            match &mut f.here {
                Some(h) if Rc::ptr_eq(&h.routine, &here.routine) => h.line = here.line,
                slot => *slot = Some(here.clone()),
            }
        }
    }

    /// Adds the place (`label+n^routine`) and the routine to an error leaving a line.
    fn located(&self, mut e: MError, here: &Here) -> MError {
        // In XECUTE text the place is that of the line that ran the XECUTE.
        if e.place.is_empty() {
            e.chain = self.call_chain();
        }
        if e.place.is_empty()
            && here.routine.xecute
            && let Some(h) = self.frames.iter().rev().find_map(|f| f.here.as_ref())
        {
            e.place = place(&h.routine, h.line);
            e.routine = Some(h.routine.name.as_str().to_string());
            // The span indexed the XECUTE text: point at the line that ran it instead.
            e.span = h
                .routine
                .lines
                .get(h.line)
                .map(|l| l.span.start..l.span.start);
            // The line that ran the XECUTE is the place, not a caller.
            if e.chain.first() == Some(&e.place) {
                e.chain.remove(0);
            }
            return e;
        }
        if e.place.is_empty() {
            e.place = place(&here.routine, here.line);
            e.routine = Some(here.routine.name.as_str().to_string());
            if e.span.is_none() {
                e.span = here.routine.lines.get(here.line).map(|l| l.span.clone());
            }
        }
        e
    }

    /// The places of the frames below the running one that called by DO or `$$`, innermost
    /// first (the frames of XECUTE and of direct mode's typed lines have no place of their
    /// own and are left out).
    fn call_chain(&self) -> Vec<String> {
        let below = self.frames.len().saturating_sub(1);
        self.frames[..below]
            .iter()
            .rev()
            .filter(|f| f.kind != FrameKind::Xecute)
            .filter_map(|f| f.here.as_ref())
            .filter(|h| !h.routine.xecute)
            .map(|h| place(&h.routine, h.line))
            .collect()
    }

    /// Error trapping: with `$ETRAP` set, record the error in `$ECODE`/`$ZSTATUS`, run the
    /// trap code in this frame, then leave the frame. While `$ECODE` stays set the error goes
    /// on to the caller, whose trap runs in turn (the 1995 standard's unwinding).
    fn trap(&mut self, e: MError, here: &Here) -> MResult<Flow> {
        let e = self.zinterrupt_error(e);
        // Ctrl-C goes straight back to direct mode: no trap handles it. While a trap runs,
        // errors at its level or deeper go to the caller of the trapping frame (GT.M).
        let depth = self.frames.len() - 1;
        if !self.trapping.is_empty() || !self.etrap.is_empty() || !self.ztrap.is_empty() {
            self.max_error_level = self.max_error_level.max(depth);
        }
        // Trap code that cleared `$ECODE` has handled its error: a new one is trapped afresh.
        let ecode_clear = self.ecode.is_empty();
        // A `$ZTRAP` stays armed while its code runs: only an error in the trap text itself
        // (at the trapping level) escapes it; errors in frames the trap calls trap again.
        let in_trap = self.trapping.last().is_some_and(|&(t, ztrap)| {
            // `$ETRAP` code that cleared `$ECODE` and calls code that fails: that frame traps
            // again (GT.M), with the same `$ETRAP`.
            depth == t || (!ztrap && depth > t && !ecode_clear)
        });
        let untrappable = e.kind == kind::CTRLC || e.kind == kind::MEMORY;
        if (self.etrap.is_empty() && self.ztrap.is_empty()) || untrappable || in_trap {
            return Err(e);
        }
        if self.error_pending_here() {
            return self.unwind_pending(e, depth);
        }
        if !e.recorded && !e.place.is_empty() && !self.ecode.contains(&e.ecode()) {
            self.append_ecode(&e.ecode());
        }
        self.zstatus = e.zstatus();
        if let Some(f) = self.frames.last_mut() {
            f.rare_mut().ecode.clone_from(&self.ecode);
        }
        let is_ztrap = self.etrap.is_empty();
        self.trapped_error = (!is_ztrap).then(|| e.clone());
        let code = if is_ztrap { &self.ztrap } else { &self.etrap };
        let code = code.rc().clone();
        // The trap runs once per frame, in that frame (GT.M adds no stack level for it); an
        // error inside it goes to the caller.
        let r = if is_ztrap {
            self.trapping.push((depth, true));
            let r = self.run_inline(&code, here);
            self.trapping.pop();
            r
        } else {
            self.trapping.push((depth, false));
            let r = self.run_inline(&code, here);
            self.trapping.pop();
            r
        };
        // GT.M: at the top level the trap ends the process, with status 0 only when it
        // cleared $ECODE and QUIT; otherwise the error number modulo 256.
        let status = (e.number() % 256) as i32;
        let top = depth == 0;
        let extrinsic = self.frames.last().is_some_and(|f| f.extrinsic);
        let r = match r {
            Ok(flow) => flow,
            // GT.M: an error in the trap code adds itself and ERRWETRAP to $ECODE, and the
            // caller's trap takes over.
            Err(mut e2) => {
                if !e2.recorded {
                    self.append_ecode(&e2.ecode());
                    // SET $ECODE in a trap is deliberate, not an error of the trap.
                    if e2.kind != kind::SETECODE {
                        self.append_ecode(&MError::new(kind::ERRWETRAP).ecode());
                    }
                    e2.recorded = true;
                }
                return Err(e2);
            }
        };
        match r {
            f @ (Flow::Halt(_) | Flow::ZGoto { .. } | Flow::Goto(..)) => Ok(f),
            // GT.M: `$ZTRAP` code that ends without a transfer of control retries the line
            // where the error happened.
            Flow::Normal if is_ztrap => Ok(Flow::Goto(here.routine.clone(), here.line)),
            Flow::Quit(_) if top && self.ecode.is_empty() => Ok(Flow::Halt(0)),
            Flow::Quit(_) | Flow::Normal if top => Ok(Flow::Halt(status)),
            Flow::Quit(v) if is_ztrap || self.ecode.is_empty() => Ok(Flow::Quit(v)),
            // $ECODE is still set: the error goes on to the caller's frame and its trap.
            Flow::Quit(_) => Err(e),
            // A trap that ends without QUIT leaves its frame; an extrinsic returns "".
            Flow::Normal => Ok(Flow::Quit(extrinsic.then(Value::empty))),
        }
    }

    /// True when this frame's error is still pending: `$ETRAP` code went on in the frame
    /// (by GOTO) without clearing `$ECODE`.
    fn error_pending_here(&self) -> bool {
        !self.etrap.is_empty()
            && !self.ecode.is_empty()
            && self.frames.last().is_some_and(|f| !f.ecode().is_empty())
    }

    /// GT.M: a new error in a frame whose error is pending adds itself to `$ECODE` and leaves
    /// the frame for the caller's trap, so a failing `$ETRAP="GOTO trap"` ends; past the
    /// top level the process ends with the error number modulo 256.
    fn unwind_pending(&mut self, mut e: MError, depth: usize) -> MResult<Flow> {
        if !e.recorded {
            self.append_ecode(&e.ecode());
            e.recorded = true;
        }
        self.zstatus = e.zstatus();
        if depth == 0 {
            return Ok(Flow::Halt((e.number() % 256) as i32));
        }
        Err(e)
    }

    /// Adds `,code,` to `$ECODE` (which keeps one comma between codes).
    fn append_ecode(&mut self, code: &str) {
        if self.ecode.is_empty() {
            self.ecode.push_str(code);
        } else {
            self.ecode.push_str(code.trim_start_matches(','));
        }
    }

    /// Runs one line from its command `from`: its commands, then its syntax error if it
    /// has one.
    pub(super) fn exec_line(&mut self, here: &Here, from: usize) -> MResult<Flow> {
        self.exec_line_inline(here, from)
    }

    /// `exec_line` as part of `run_block`'s loop (no call and no copy of the result per line).
    #[inline(always)]
    fn exec_line_inline(&mut self, here: &Here, from: usize) -> MResult<Flow> {
        let line = &here.routine.lines[here.line];
        let flow = self.exec_cmds(&line.body[from.min(line.body.len())..], here)?;
        let skipped = std::mem::take(&mut self.rest_skipped);
        if let (Flow::Normal, Some(e), false) = (&flow, &line.error, skipped) {
            return Err(e.clone());
        }
        Ok(flow)
    }

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
    fn xecute(&mut self, code: &[u8], here: &Here) -> MResult<Flow> {
        self.xecute_in_frame(code, here, true)
    }

    /// Runs M code text as a frame of its own. With `goto_stays` (the XECUTE command) a GOTO
    /// out of the text goes on in that frame, whose QUIT then ends the XECUTE (GT.M);
    /// without it (device EXCEPTION code) the GOTO leaves the frame.
    fn xecute_in_frame(&mut self, code: &[u8], here: &Here, goto_stays: bool) -> MResult<Flow> {
        let routine = self.xecute_routine(code, here);
        self.xecute_routine_in_frame(routine, goto_stays)
    }

    fn xecute_routine_in_frame(&mut self, routine: Rc<Routine>, goto_stays: bool) -> MResult<Flow> {
        self.push_frame_kind(FrameKind::Xecute, None)?;
        let xhere = Here {
            routine,
            line: 0,
            level: 0,
        };
        let mut r = self.run_block(xhere);
        while goto_stays && let Ok(Flow::Goto(routine, line)) = r {
            let level = routine.lines.get(line).map_or(0, |l| l.level);
            r = self.run_block(Here {
                routine,
                line,
                level,
            });
        }
        self.pop_frame();
        match r? {
            Flow::Quit(_) => Ok(Flow::Normal),
            other => Ok(other),
        }
    }

    /// Whether GT.M runs this literal XECUTE text inline, in the current frame: only when
    /// none of its commands is NEW, QUIT, GOTO or FOR and it holds no indirection.
    /// Decided once per text, when it is parsed (`XecuteCode::inlines`).
    fn inlines(routine: &Routine, code: &[u8]) -> bool {
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
        let cached = arg.compiled.0.borrow().clone();
        let XecuteCode { routine, inlines } = match cached {
            Some(c) if c.routine.name == here.routine.name => c,
            _ => {
                let c = self.xecute_code(code, here);
                *arg.compiled.0.borrow_mut() = Some(c.clone());
                c
            }
        };
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
    fn run_inline(&mut self, code: &[u8], here: &Here) -> MResult<Flow> {
        let routine = self.xecute_routine(code, here);
        self.run_block(Here {
            routine,
            line: 0,
            level: 0,
        })
    }

    /// The text of argument indirection as a one-line routine of one `cmd` command; text that
    /// is not exactly that command's arguments becomes the line's error, so none of it runs.
    fn indirect_routine(&mut self, cmd: &'static str, bytes: &[u8], here: &Here) -> Rc<Routine> {
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
    fn xecute_routine(&mut self, code: &[u8], here: &Here) -> Rc<Routine> {
        self.xecute_code(code, here).routine
    }

    /// XECUTE text parsed once and cached, with whether it may run inline.
    fn xecute_code(&mut self, code: &[u8], here: &Here) -> XecuteCode {
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

    fn push_frame(&mut self, extrinsic: bool, saved_test: Option<bool>) -> MResult<()> {
        let kind = if extrinsic {
            FrameKind::Extrinsic
        } else {
            FrameKind::Do
        };
        self.push_frame_kind(kind, saved_test)
    }

    fn push_frame_kind(&mut self, kind: FrameKind, saved_test: Option<bool>) -> MResult<()> {
        if self.frames.len() + self.indirection >= MAX_FRAMES {
            return Err(MError::new(kind::STACKCRIT));
        }
        self.frames
            .push(Frame::new(kind, saved_test, self.saves.len()));
        Ok(())
    }

    /// Leaves a frame: NEWed variables, `$TEST` and `$ETRAP` come back.
    fn pop_frame(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        if let Some(f) = self.frames.pop() {
            if let Some(rare) = &f.rare
                && !rare.kept.is_empty()
            {
                self.drop_unkept(&rare.kept);
            }
            let start = (f.saves_start as usize).min(self.saves.len());
            while self.saves.len() > start {
                if let Some((name, slot)) = self.saves.pop() {
                    let gone = self.locals.replace(name, slot);
                    self.recycle(gone);
                }
            }
            if let Some(t) = f.saved_test {
                self.test = t;
            }
            if let Some(rare) = f.rare {
                if let Some(e) = rare.saved_etrap {
                    self.etrap = e;
                }
                if let Some(z) = rare.saved_ztrap {
                    self.ztrap = z;
                }
            }
        }
    }

    /// Keeps a slot no name holds any more for the next call, emptied (its values go now,
    /// as they would when freed).
    fn recycle(&mut self, slot: Option<Slot>) {
        const POOL: usize = 64;
        if let Some(slot) = slot
            && self.slot_pool.len() < POOL
            && Rc::strong_count(&slot) == 1
            && Rc::weak_count(&slot) == 0
        {
            {
                let mut node = slot.borrow_mut();
                node.value = None;
                if !node.kids.is_empty() {
                    node.kids.clear();
                }
            }
            self.slot_pool.push(slot);
        }
    }

    /// A fresh, undefined slot (from the pool when there is one).
    fn fresh_slot(&mut self) -> Slot {
        self.slot_pool.pop().unwrap_or_default()
    }

    /// After an exclusive NEW, every name but the kept ones goes: those that existed before come
    /// back from the frame's saves, and those first made inside the scope are undefined again.
    fn drop_unkept(&mut self, kept: &[Sym]) {
        for name in self.locals.all_names() {
            if !kept.contains(&name) {
                self.locals.replace(name, None);
            }
        }
    }

    /// Saves a variable's binding in the current frame and gives the name a fresh slot.
    fn new_var(&mut self, name: Sym, slot: Option<Slot>) {
        let old = self.locals.replace(name, slot);
        self.saves.push((name, old));
    }

    /// DO or `$$`: binds actual parameters to the label's formals and runs the code there.
    fn call(
        &mut self,
        routine: Rc<Routine>,
        line: usize,
        actuals: Option<&[Actual]>,
        extrinsic: bool,
        here: &Here,
    ) -> MResult<Flow> {
        let base = self.actuals.len();
        let r = self.bind_and_push(&routine, line, actuals, extrinsic, here, base);
        self.actuals.truncate(base);
        r?;
        let level = routine.lines[line].level;
        let r = self.run_block(Here {
            routine,
            line,
            level,
        });
        self.pop_frame_passing_error(r)
    }

    /// `call` up to the run: evaluates the actuals (onto `self.actuals` from `base`), checks
    /// them against the formals, pushes the frame and binds the formals in it.
    fn bind_and_push(
        &mut self,
        routine: &Routine,
        line: usize,
        actuals: Option<&[Actual]>,
        extrinsic: bool,
        here: &Here,
        base: usize,
    ) -> MResult<()> {
        let label = routine.lines[line].label.as_ref();
        let formals = label.and_then(|l| l.formals.as_deref());
        if let Some(a) = actuals {
            self.bind_actuals(a, here)?;
        }
        let label_text = || {
            label
                .map(|l| format!("{}^{}", l.name, routine.name))
                .unwrap_or_else(|| routine.name.to_string())
        };
        match (actuals, formals) {
            (Some(_), None) => {
                return Err(MError::with_args(kind::FMLLSTMISSING, &[&label_text()]));
            }
            // GT.M's $ZSTATUS leaves the label out of this one.
            (Some(a), Some(f)) if a.len() > f.len() => {
                return Err(MError::new(kind::ACTLSTTOOLONG));
            }
            (None, None) if extrinsic => {
                return Err(MError::with_args(kind::FMLLSTMISSING, &[&label_text()]));
            }
            _ => {}
        }
        // GT.M restores $TEST after an extrinsic, not after DO label(args).
        self.push_frame(extrinsic, extrinsic.then_some(self.test))?;
        let new_formals = match (label, actuals.is_some()) {
            (Some(l), true) => {
                l.called_with_actuals.set(true);
                true
            }
            (Some(l), false) => l.called_with_actuals.get(),
            (None, _) => false,
        };
        if let (Some(f), true) = (formals, new_formals) {
            for (k, &name) in f.iter().enumerate() {
                let slot = match self.actuals.get_mut(base + k).and_then(Option::take) {
                    Some(slot) => slot,
                    None => self.fresh_slot(),
                };
                self.new_var(name, Some(slot));
            }
        }
        Ok(())
    }

    /// A DO whose call fails as it arrives: the error is raised in the new frame at the
    /// label (its trap runs there), as GT.M does for a call it checks only at run time.
    pub(super) fn fail_on_arrival(
        &mut self,
        routine: Rc<Routine>,
        line: usize,
        err: ErrorKind,
    ) -> MResult<Flow> {
        self.push_frame(false, None)?;
        let level = routine.lines[line].level;
        let at = Here {
            routine,
            line,
            level,
        };
        self.set_frame_here(&at);
        let e = self.located(MError::new(err), &at);
        let r = self.trap(e, &at);
        self.pop_frame_passing_error(r)
    }

    /// Pops the frame that produced `r`. GT.M: a frame whose error is still pending ($ECODE
    /// set, its trap went on by GOTO) passes the error to its caller when it QUITs.
    pub(super) fn pop_frame_passing_error(&mut self, r: MResult<Flow>) -> MResult<Flow> {
        let had_error = self.frames.last().is_some_and(|f| !f.ecode().is_empty());
        self.pop_frame();
        match r {
            Ok(Flow::Quit(_) | Flow::Normal) if had_error && !self.ecode.is_empty() => {
                match self.trapped_error.clone() {
                    Some(mut e) => {
                        e.recorded = true;
                        Err(e)
                    }
                    None => r,
                }
            }
            r => r,
        }
    }

    /// Evaluates actual parameters onto `self.actuals`, the slots the formals will get: a
    /// new slot holding the value, the caller's own slot for `.name`, nothing for a left-out
    /// parameter.
    fn bind_actuals(&mut self, actuals: &[Actual], here: &Here) -> MResult<()> {
        for a in actuals {
            let slot = match a {
                Actual::Empty => None,
                Actual::Value(e) => {
                    let v = self.eval(e, here)?;
                    let slot = self.fresh_slot();
                    slot.borrow_mut().value = Some(v);
                    Some(slot)
                }
                Actual::ByRef(name, _) => Some(self.locals.slot_mut(*name).clone()),
            };
            self.actuals.push(slot);
        }
        Ok(())
    }

    fn random(&mut self, n: u64) -> u64 {
        // xorshift64*: fast and good enough for $RANDOM.
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) % n
    }
}

/// `label+offset^routine` for a line, as GT.M shows places.
pub fn place(routine: &Routine, line: usize) -> String {
    let label = (0..=line.min(routine.lines.len().saturating_sub(1)))
        .rev()
        .find_map(|i| routine.lines[i].label.as_ref().map(|l| (i, l.name)));
    match label {
        Some((i, name)) if i == line => format!("{}^{}", name, routine.name),
        Some((i, name)) => format!("{}+{}^{}", name, line - i, routine.name),
        None => format!("+{}^{}", line + 1, routine.name),
    }
}

/// Says in plain words which file was looked for, and where.
/// More actual parameters than the label at `line` has formals (none counts as zero).
pub(super) fn too_many_actuals(routine: &Routine, line: usize, actuals: usize) -> bool {
    let formals = routine.lines[line]
        .label
        .as_ref()
        .and_then(|l| l.formals.as_ref());
    formals.is_some_and(|f| actuals > f.len())
}

/// The line at level 0 before `line` that falls into it. GT.M lets a routine whose lines
/// before the label are only comments (no label, no command) start there freely.
fn fell_from(routine: &Routine, line: usize) -> Option<usize> {
    let lines = routine.lines.get(..line)?;
    lines
        .iter()
        .rposition(|l| l.label.is_some() || !l.body.is_empty() || l.error.is_some())?;
    lines.iter().rposition(|l| l.level == 0)
}

fn not_found_hint(name: &str, file: &str, path: &[PathBuf]) -> String {
    let folders: Vec<String> = path
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .map(|p| p.display().to_string())
        .collect();
    let searched = if folders.is_empty() {
        "no folder (the routine path is empty)".to_string()
    } else {
        format!(
            "these folders (the routine path), in order: {}",
            folders.join(", ")
        )
    };
    format!(
        "minim found no routine {name}: it looked for the file {file} in {searched}; \
         minim's built-in library has no {name} either"
    )
}

fn routine_name_of(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.strip_prefix('_') {
        Some(rest) => format!("%{rest}"),
        None => stem,
    }
}

fn file_error(name: &str, file: &Path, e: &std::io::Error) -> MError {
    let folder = std::path::absolute(file)
        .ok()
        .and_then(|p| p.parent().map(|d| d.display().to_string()))
        .unwrap_or_default();
    let base = file.file_name().unwrap_or_default().to_string_lossy();
    MError::with_args(kind::ZLINKFILE, &[name])
        .detail(format!(
            "%GTM-E-FILENOTFND, File {} not found",
            file.display()
        ))
        .hint(format!(
            "minim could not read the routine file {base} in the folder {folder}: {e}"
        ))
}
