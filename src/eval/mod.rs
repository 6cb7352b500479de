//! The tree-walking evaluator: the interpreter's state and the loading of routines. Lines
//! run in `run`, frames and calls are in `frame`, error trapping in `trap`, XECUTE and
//! indirection in `xecute`, control flow values in `flow`; commands are in `cmd` (and
//! `forcmd`, `flowcmd`, `iocmd`), expressions in `expr`, intrinsic functions in `func`,
//! special variables in `svn`, variable references in `var`.

mod cmd;
mod concat;
mod datefn;
pub mod debug;
mod expr;
mod flow;
mod flowcmd;
mod forcmd;
mod frame;
mod func;
mod global;
mod global1;
mod indirname;
mod iocmd;
pub mod job;
mod local1;
mod localn;
mod lock;
mod merge;
mod naked;
mod order;
mod patindirect;
mod refname;
mod routines;
mod run;
pub mod session;
mod setfast;
mod setlocal;
mod skipref;
mod stack;
mod strcache;
mod strfn;
mod strscan;
pub mod svn;
mod textcache;
mod tp;
mod trap;
mod truth;
mod var;
mod view;
mod xecute;
mod zahandle;
mod zbit;
mod zcmd;
mod zcollate;
mod zgetjpi;
mod zintr;
mod zmessage;
mod zparse;
mod zproc;
mod zqgblmod;
mod zsearch;
mod zshow;
mod zsocket;
mod ztimeout;
mod zyerror;

pub(crate) use flow::HeldFlow;
pub use flow::{Flow, Jump};
pub use func::zwrite_string;
pub use global::{global_bytes, global_name};

use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use crate::device::Devices;
use crate::device::principal::Principal;
use crate::error::{MError, MResult, kind};
use crate::intern::{Sym, SymMap};
use crate::locals::{Locals, Slot};
use crate::syntax::ast::{Routine, Svn};
use crate::syntax::line::parse_routine;
use crate::value::{Bytes, Value};
use textcache::TextCache;

/// GT.M stops deep recursion with STACKCRIT; minim does so at this depth, far below what the
/// interpreter thread's stack can hold.
pub(crate) const MAX_FRAMES: usize = 10_000;

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
    /// Where that error happened: `$STACK(n,"PLACE")` and `"MCODE"` show it while `ecode`
    /// is set, even as the trap runs on at this level (GT.M).
    error_here: Option<Here>,
    /// `$ETRAP` to restore on QUIT (NEW $ETRAP).
    saved_etrap: Option<Value>,
    /// `$ZTRAP` to restore on QUIT (NEW $ZTRAP).
    saved_ztrap: Option<Value>,
    /// `$ZYERROR` to restore on QUIT (NEW $ZYERROR).
    saved_zyerror: Option<Value>,
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
    /// Where each error's codes end in `$ECODE` (GT.M keeps 32 errors, 32768 bytes).
    ecode_ends: Vec<usize>,
    /// ZGOTO 0 run from the shell: level 1 is left too (see `exec_zgoto`).
    zgoto_bottom: bool,
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
    /// Set when IF or ELSE skipped the rest of a line that has a syntax error: that error,
    /// never reached, is not raised (GT.M raises a syntax error only when execution gets
    /// to it). Taken by `line_end` of that line.
    rest_skipped: bool,
    /// A ZGOTO leaving an extrinsic, on its way up to the line that runs it (see
    /// `MError::unwinding`).
    unwinding: Option<Flow>,
    /// The value of the last `Flow::QuitValue`, until its caller takes it.
    quit_value: Option<Value>,
    /// Where the last `Flow::Goto` or `Flow::ZGoto` goes, until the code running it takes it.
    jump: Option<Jump>,
    /// The error the last trap ran for: raised again in the caller when its frame QUITs
    /// with `$ECODE` still set.
    trapped_error: Option<MError>,
    on_load_error: Option<LoadErrorHook>,
    /// The database of globals (opened on first use).
    globals: std::cell::RefCell<crate::db::Globals>,
    /// The last global reference: the naked indicator and `$REFERENCE`.
    naked: std::cell::RefCell<naked::Naked>,
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
    /// `$ZYERROR`'s code is running (`zyerror`): its errors are not trapped.
    in_zyerror: bool,
    /// `$ZTIMEOUT`: its timer and vector.
    ztimeout: ztimeout::Ztimeout,
    /// `$STACK(n)`, PLACE, MCODE and ECODE of each level at the first error since `$ECODE`
    /// was empty (`trap::error_stack_entry`).
    error_stack: Vec<stack::StackLevel>,
    /// That error was trapped by `$ZTRAP` (GT.M then shows no level above it).
    error_stack_ztrap: bool,
    /// How many dumps `$ZJOBEXAM` has written (GT.M numbers its files).
    zjobexam_count: u32,
    /// VIEW "NOUNDEF": an undefined local reads as "".
    noundef: bool,
    /// VIEW "GDSCERT" (`$VIEW("GDSCERT")`).
    gdscert: bool,
    /// VIEW "BADCHAR" / "NOBADCHAR": only remembered for `$VIEW` (minim runs M mode).
    badchar: bool,
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
            ecode_ends: Vec::new(),
            zgoto_bottom: false,
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
            quit_value: None,
            jump: None,
            trapped_error: None,
            start_mode: "DIRECT".to_string(),
            trapping: Vec::new(),
            zvars: HashMap::new(),
            zsearch_streams: HashMap::new(),
            zinterrupt_running: None,
            in_zyerror: false,
            ztimeout: ztimeout::Ztimeout::default(),
            error_stack: Vec::new(),
            error_stack_ztrap: false,
            zjobexam_count: 0,
            noundef: false,
            gdscert: false,
            badchar: false,
            logtprestart: 0,
            on_load_error: None,
            globals: std::cell::RefCell::new(crate::db::Globals::new(
                crate::db::DbConfig::from_env(),
            )),
            naked: std::cell::RefCell::new(naked::Naked::default()),
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

    /// Sets `$ZTRAP` (which empties `$ETRAP`, as in GT.M).
    pub fn set_ztrap(&mut self, code: &str) {
        self.ztrap = Value::from(code);
        self.etrap = Value::empty();
    }

    /// Sets `$ETRAP` (a GT.M user's `gtm_etrap` gives its initial value).
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

/// More actual parameters than the label at `line` has formals (none counts as zero).
pub(super) fn too_many_actuals(routine: &Routine, line: usize, actuals: usize) -> bool {
    let formals = routine.lines[line]
        .label
        .as_ref()
        .and_then(|l| l.formals.as_ref());
    formals.is_some_and(|f| actuals > f.len())
}
