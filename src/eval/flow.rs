//! How control leaves a command, a line or a block (`Flow`), and the payloads of its rare
//! transfers, kept in `Interp` so that the flow itself stays small.

use std::rc::Rc;

use super::Interp;
use crate::syntax::ast::Routine;
use crate::value::Value;

/// How control leaves a command, a line or a block. Small and `Copy` (no drop glue, returned
/// in registers on the hot path): the payloads of the rare transfers wait in `Interp`, the
/// value of QUIT in `quit_value` and the place of GOTO and ZGOTO in `jump`, from when the
/// flow is made until the code that acts on it takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Normal,
    /// QUIT without a value.
    Quit,
    /// QUIT with a value (in `Interp::quit_value`).
    QuitValue,
    /// GOTO: continue at the line in `Interp::jump`.
    Goto,
    /// HALT or ZHALT with the exit status.
    Halt(i32),
    /// ZGOTO: unwind to this stack level, then continue at `Interp::jump` (or, when that is
    /// empty, after the call).
    ZGoto(u32),
}

/// A routine and a line in it: where a GOTO or ZGOTO goes.
pub type Jump = (Rc<Routine>, usize);

/// A flow with its payload taken out of `Interp`, to be kept while other code runs (a stop
/// at a debugger prompt).
#[derive(Clone)]
pub(crate) struct HeldFlow {
    flow: Flow,
    value: Option<Value>,
    jump: Option<Jump>,
}

impl Interp {
    /// QUIT with a value: the value waits in `quit_value` for the caller.
    pub(super) fn quit_with(&mut self, v: Value) -> Flow {
        self.quit_value = Some(v);
        Flow::QuitValue
    }

    /// GOTO that line of that routine.
    pub(super) fn goto_flow(&mut self, routine: Rc<Routine>, line: usize) -> Flow {
        self.jump = Some((routine, line));
        Flow::Goto
    }

    /// ZGOTO to stack level `level`, then to `target` (or after the call).
    pub(super) fn zgoto_flow(&mut self, level: usize, target: Option<Jump>) -> Flow {
        self.jump = target;
        Flow::ZGoto(level.min(u32::MAX as usize) as u32)
    }

    /// The flow's payload taken out, to be kept while other code runs.
    pub(super) fn hold_flow(&mut self, flow: Flow) -> HeldFlow {
        HeldFlow {
            flow,
            value: (flow == Flow::QuitValue)
                .then(|| self.quit_value.clone())
                .flatten(),
            jump: matches!(flow, Flow::Goto | Flow::ZGoto(_))
                .then(|| self.jump.clone())
                .flatten(),
        }
    }

    /// A held flow made current again.
    pub(super) fn release_flow(&mut self, held: HeldFlow) -> Flow {
        match held.flow {
            Flow::QuitValue => self.quit_value = held.value,
            Flow::Goto | Flow::ZGoto(_) => self.jump = held.jump,
            _ => {}
        }
        held.flow
    }
}
