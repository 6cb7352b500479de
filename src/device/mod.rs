//! Devices: the principal device, SOCKET devices, and the table that names them.
//!
//! The evaluator talks to devices only through the `Device` trait, with deviceparameters
//! already evaluated into `Param`s. Devices never parse M.

pub mod buffer;
pub mod file;
pub mod pipe;
pub mod principal;
pub mod socket;
pub mod wait;

use std::collections::HashMap;
use std::time::Duration;

use crate::error::{MError, MResult, kind};
use crate::syntax::ast::DeviceKeyword;
use crate::value::Value;

/// A record size or width (RECORDSIZE=n, WIDTH=n): GT.M takes 1 to 1,048,576 and raises
/// RMWIDTHPOS or RMWIDTHTOOBIG before using any other.
pub fn size_param(p: &Param) -> MResult<usize> {
    let n = p.value.as_ref().map_or(0, |v| v.int());
    match n {
        ..=0 => Err(MError::new(kind::RMWIDTHPOS)),
        1..=1_048_576 => Ok(n as usize),
        _ => Err(MError::new(kind::RMWIDTHTOOBIG)),
    }
}

/// The next piece of a WRITE on a device that wraps at `width` columns, as GT.M does: a
/// full line first ends (true: the caller writes the line end), then at most `len` bytes
/// that fit go on it. `$X` and `$Y` follow.
pub fn wrap_step(state: &mut DevState, width: u64, len: usize) -> (bool, usize) {
    let full = state.x >= width;
    if full {
        state.line_feed();
    }
    let n = len.min((width - state.x) as usize);
    state.x += n as u64;
    (full, n)
}

/// The per-device intrinsic variables.
#[derive(Clone, Debug)]
pub struct DevState {
    pub x: u64,
    pub y: u64,
    pub key: Vec<u8>,
    pub zb: Vec<u8>,
    pub device: Vec<u8>,
    pub za: i64,
    pub zeof: bool,
    /// The page length (USE LENGTH=n): `$Y` counts lines modulo it; 0 never wraps.
    pub length: u64,
}

/// GT.M's page length of every device until USE LENGTH= changes it.
pub const DEFAULT_LENGTH: u64 = 66;

impl Default for DevState {
    fn default() -> Self {
        DevState {
            x: 0,
            y: 0,
            key: Vec::new(),
            zb: Vec::new(),
            device: Vec::new(),
            za: 0,
            zeof: false,
            length: DEFAULT_LENGTH,
        }
    }
}

impl DevState {
    /// A line ends: `$X` is 0 and `$Y` the next line of the page. GT.M takes `$Y` modulo
    /// the page length (`SET $Y=200` then a new line gives 3 with the default 66).
    pub fn line_feed(&mut self) {
        self.x = 0;
        self.y += 1;
        if self.length > 0 {
            self.y %= self.length;
        }
    }

    /// USE LENGTH=n: 0 for no pages, a negative length DEVPARMNEG.
    pub fn use_length(&mut self, params: &[Param]) -> MResult<()> {
        for p in params.iter().filter(|p| p.keyword == DeviceKeyword::Length) {
            let n = p.value.as_ref().map_or(0, |v| v.int());
            if n < 0 {
                return Err(MError::new(kind::DEVPARMNEG));
            }
            self.length = n as u64;
        }
        Ok(())
    }
}

/// A deviceparameter with its evaluated value.
#[derive(Clone, Debug)]
pub struct Param {
    pub keyword: DeviceKeyword,
    pub value: Option<Value>,
}

/// Where `$ZSOCKET(device,keyword,index)` points: GT.M tells an index left out
/// (`$ZSOCKET(d,"STATE")`: no socket, "") from one skipped (`$ZSOCKET(d,"STATE",)`:
/// the current socket).
#[derive(Clone, Copy, Debug)]
pub enum ZsocketIndex<'a> {
    Absent,
    Skipped,
    Given(&'a Value),
}

/// `$ZSOCKET(device,keyword,index,item)` once the device is known.
#[derive(Clone, Copy, Debug)]
pub struct ZsocketQuery<'a> {
    pub keyword: &'a [u8],
    pub index: ZsocketIndex<'a>,
    /// The fourth argument (which delimiter, for DELIMITER).
    pub item: Option<&'a Value>,
}

/// What a READ asks for.
#[derive(Clone, Copy, Debug)]
pub struct ReadSpec {
    /// `read x#n`: at most n characters.
    pub max: Option<usize>,
    /// `read x:t`; `None` waits for ever.
    pub timeout: Option<Duration>,
}

/// What a READ got.
#[derive(Debug)]
pub enum ReadOutcome {
    /// The data read (without its terminator) and whether the timeout expired first.
    Data { data: Vec<u8>, timed_out: bool },
    /// `read *x`: the character code (-1 at end of file) and whether the timeout expired.
    Char { code: i64, timed_out: bool },
    /// GT.M ends the process (status 0) on a READ after end of file of a non-terminal principal.
    EndProcess,
}

/// One M device.
pub trait Device {
    fn state(&self) -> &DevState;
    fn state_mut(&mut self) -> &mut DevState;
    /// Writes bytes and advances `$X` (wrapping as the device does).
    fn write(&mut self, bytes: &[u8]) -> MResult<()>;
    /// `WRITE !`.
    fn newline(&mut self) -> MResult<()>;
    /// `WRITE #`.
    fn form_feed(&mut self) -> MResult<()>;
    /// `WRITE *n`.
    fn write_code(&mut self, code: i64) -> MResult<()>;
    /// `WRITE ?n`: pads with spaces to column n.
    fn tab(&mut self, column: u64) -> MResult<()> {
        // GT.M takes the column as a 32-bit integer: `?1E18` pads to column 2^31-1.
        let column = column.min(i32::MAX as u64);
        const SPACES: [u8; 4096] = [b' '; 4096];
        let mut x = self.state().x;
        // In pieces, so that a huge column never allocates its whole width.
        while column > x {
            let n = (column - x).min(SPACES.len() as u64) as usize;
            self.write(&SPACES[..n])?;
            x += n as u64;
        }
        Ok(())
    }
    fn read(&mut self, spec: ReadSpec) -> MResult<ReadOutcome>;
    fn read_char(&mut self, timeout: Option<Duration>) -> MResult<ReadOutcome>;
    /// `WRITE /NAME(args)`: returns `$TEST` when the control sets it.
    /// GT.M ignores a mnemonic the principal device or a file does not know (`WRITE /WAIT(1)`):
    /// no error, `$TEST` and `$KEY` unchanged.
    fn control(&mut self, _name: &str, _args: &[Value]) -> MResult<Option<bool>> {
        Ok(None)
    }
    /// `WRITE /ACCEPT(.var,pid,timeout,handles...)`, given the arguments after `.var`:
    /// the handles of the sockets received (for var), or `None` when the timeout passed.
    /// Only a SOCKET device receives sockets; elsewhere GT.M ignores the mnemonic.
    fn accept_sockets(&mut self, _args: &[Value]) -> MResult<Option<Vec<u8>>> {
        Ok(None)
    }
    /// `USE dev:(params)`.
    fn use_params(&mut self, _params: &[Param]) -> MResult<()> {
        Ok(())
    }
    /// `CLOSE dev:(params)`; returns true when the device is gone entirely.
    fn close(&mut self, params: &[Param]) -> MResult<bool>;
    /// Sends buffered output.
    fn flush(&mut self) {}
    /// A WRITE command has finished: socket output goes out now.
    fn end_of_write(&mut self) -> MResult<()> {
        Ok(())
    }
    /// The EXCEPTION deviceparameter: M code run when an operation on the device fails.
    fn exception(&self) -> Option<&Value> {
        None
    }
    /// OPEN of a device that exists already (a SOCKET device gains a socket).
    fn open(&mut self, _params: &[Param], _timeout: Option<Duration>) -> MResult<bool> {
        Ok(true)
    }
    /// The process is ending: finish output.
    fn at_exit(&mut self) {
        self.flush();
    }
    /// What ZSHOW "D" shows after the device's name (`OPEN PIPE COMMAND="ls" `); `None`
    /// leaves the device out.
    fn zshow_line(&self) -> Option<Vec<u8>> {
        None
    }
    /// ZSHOW "D" of a device that takes several lines (a SOCKET device: one per socket and
    /// more); the first follows the device's name.
    fn zshow_lines(&self) -> Option<Vec<Vec<u8>>> {
        self.zshow_line().map(|l| vec![l])
    }
    /// ZSHOW "D" still lists the device as `NAME CLOSED` after its CLOSE (GT.M's SOCKET
    /// devices, unless closed with DESTROY).
    fn listed_when_closed(&self) -> bool {
        false
    }
    /// `$ZSOCKET()` of this device; `None` for a device that is not a SOCKET device
    /// (ZSOCKETNOTSOCK).
    fn zsocket(&self, _query: &ZsocketQuery) -> Option<MResult<Value>> {
        None
    }
    /// `$ZKEY` of this device; `None` where minim does not have it.
    fn zkey(&mut self) -> Option<Vec<u8>> {
        None
    }
    /// A device that goes with this one and closes with it (a PIPE's STDERR device).
    fn companion(&self) -> Option<&[u8]> {
        None
    }
}

/// The device table: devices by name, `$IO` and `$PRINCIPAL`.
pub struct Devices {
    table: HashMap<Vec<u8>, Box<dyn Device>>,
    principal: Vec<u8>,
    current: Vec<u8>,
    /// Closed devices that ZSHOW "D" lists as CLOSED.
    closed: std::collections::BTreeSet<Vec<u8>>,
}

impl Devices {
    pub fn new(principal: Box<dyn Device>, name: Vec<u8>) -> Devices {
        let mut table: HashMap<Vec<u8>, Box<dyn Device>> = HashMap::new();
        table.insert(name.clone(), principal);
        Devices {
            table,
            principal: name.clone(),
            current: name,
            closed: Default::default(),
        }
    }

    pub fn io(&self) -> &[u8] {
        &self.current
    }

    pub fn principal_name(&self) -> &[u8] {
        &self.principal
    }

    pub fn current(&mut self) -> &mut dyn Device {
        let name = if self.table.contains_key(&self.current) {
            &self.current
        } else {
            &self.principal
        };
        self.table
            .get_mut(name)
            .map(|d| d.as_mut())
            .expect("principal device is always open")
    }

    pub fn current_ref(&self) -> &dyn Device {
        match self.table.get(&self.current) {
            Some(d) => d.as_ref(),
            None => self.table[&self.principal].as_ref(),
        }
    }

    pub fn principal_mut(&mut self) -> &mut dyn Device {
        // The principal device is never removed from the table.
        self.table
            .get_mut(&self.principal)
            .map(|d| d.as_mut())
            .expect("principal device is always open")
    }

    /// The names of the open devices, in GT.M's ZSHOW "D" order (byte order).
    pub fn names(&self) -> Vec<&[u8]> {
        let mut names: Vec<&[u8]> = self.table.keys().map(Vec::as_slice).collect();
        names.sort();
        names
    }

    pub fn get(&self, name: &[u8]) -> Option<&dyn Device> {
        self.table.get(name).map(|d| d.as_ref())
    }

    pub fn get_mut(&mut self, name: &[u8]) -> Option<&mut (dyn Device + 'static)> {
        self.table.get_mut(name).map(|d| d.as_mut())
    }

    pub fn insert(&mut self, name: Vec<u8>, dev: Box<dyn Device>) {
        self.closed.remove(&name);
        self.table.insert(name, dev);
    }

    /// The devices ZSHOW "D" lists as closed, in byte order.
    pub fn closed_names(&self) -> impl Iterator<Item = &[u8]> {
        self.closed.iter().map(Vec::as_slice)
    }

    pub fn remove(&mut self, name: &[u8]) {
        if name != self.principal.as_slice() {
            if let Some(dev) = self.table.remove(name)
                && dev.listed_when_closed()
            {
                self.closed.insert(name.to_vec());
            }
            if self.current == name {
                self.current = self.principal.clone();
            }
        }
    }

    pub fn set_current(&mut self, name: &[u8]) {
        self.current = name.to_vec();
    }

    pub fn use_principal(&mut self) {
        self.current = self.principal.clone();
    }

    pub fn is_principal(&self, name: &[u8]) -> bool {
        name == self.principal.as_slice()
    }

    pub fn at_exit(&mut self) {
        for d in self.table.values_mut() {
            d.at_exit();
        }
    }

    pub fn flush_all(&mut self) {
        for d in self.table.values_mut() {
            d.flush();
        }
    }
}
