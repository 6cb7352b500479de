//! Load generator for benches/echo.m (a line echo server). Std only.
//!
//! Every request is one line ending in LF; the client waits for the reply before sending
//! the next request and checks that the reply is the request, byte for byte. A line starts
//! with "client:seq:" so a reply sent to the wrong client, lost, duplicated or reordered is
//! caught, then is filled up to SIZE bytes with letters that shift with seq.
//!
//!   loadgen rr   PORT CLIENTS SECS SIZE    CLIENTS connect, then do round trips for SECS
//!   loadgen many PORT CLIENTS ROUNDS SIZE  CLIENTS connect (all held open at once), then
//!                                          each does ROUNDS round trips; total time
//!   loadgen idle PORT PID SECS wait|half   CPU time of process PID over SECS seconds while
//!                                          one client is connected and silent (wait) or
//!                                          has sent half a line (half); from /proc/PID/stat
//!
//! Output: one line of key=value pairs; exit status 1 if any reply was wrong or missing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

struct Client {
    id: usize,
    out: TcpStream,
    inp: BufReader<TcpStream>,
    line: Vec<u8>,
    reply: Vec<u8>,
    seq: u64,
}

impl Client {
    fn connect(port: u16, id: usize) -> std::io::Result<Client> {
        let mut tries = 0;
        let s = loop {
            match TcpStream::connect(("127.0.0.1", port)) {
                Ok(s) => break s,
                Err(e) if tries < 50 => {
                    tries += 1;
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(e),
            }
        };
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(Duration::from_secs(20)))?;
        let inp = BufReader::with_capacity(64 * 1024, s.try_clone()?);
        Ok(Client { id, out: s, inp, line: Vec::new(), reply: Vec::new(), seq: 0 })
    }

    fn make_line(&mut self, size: usize) {
        self.line.clear();
        write!(self.line, "{}:{}:", self.id, self.seq).unwrap();
        let shift = (self.seq as usize * 7 + self.id) % 26;
        let mut i = 0;
        while self.line.len() < size {
            self.line.push(b'a' + ((i + shift) % 26) as u8);
            i += 1;
        }
        self.line.push(b'\n');
    }

    /// One request and its reply; Err describes what went wrong.
    fn round_trip(&mut self, size: usize) -> Result<(), String> {
        self.make_line(size);
        self.seq += 1;
        self.out.write_all(&self.line).map_err(|e| format!("client {}: write: {e}", self.id))?;
        self.reply.clear();
        self.inp
            .read_until(b'\n', &mut self.reply)
            .map_err(|e| format!("client {}: read: {e}", self.id))?;
        if self.reply != self.line {
            let n = self.line.len().min(40);
            return Err(format!(
                "client {}: reply {} bytes {:?}... for request {} bytes {:?}...",
                self.id,
                self.reply.len(),
                String::from_utf8_lossy(&self.reply[..self.reply.len().min(40)]),
                self.line.len(),
                String::from_utf8_lossy(&self.line[..n])
            ));
        }
        Ok(())
    }
}

fn arg<T: std::str::FromStr>(args: &[String], i: usize, what: &str) -> T {
    args.get(i).and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        eprintln!("loadgen: missing or bad {what}; see the comment at the top of benches/loadgen.rs");
        std::process::exit(2)
    })
}

/// utime+stime of a process in ms (/proc/PID/stat, 10 ms ticks), its time on a CPU in µs
/// (/proc/PID/schedstat, ns), and its context switches (voluntary, involuntary).
fn proc_cpu(pid: u32) -> (f64, f64, u64, u64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc/PID/stat");
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    // after ") ": field 3 (state) is f[0], so field n is f[n-3]; utime=14, stime=15
    let ticks: f64 = f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let get = |k: &str| {
        status
            .lines()
            .find(|l| l.starts_with(k))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let sched = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).unwrap_or_default();
    let ns: f64 = sched.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
    (ticks * 1000.0 / hz, ns / 1000.0, get("voluntary_ctxt_switches:"), get("nonvoluntary_ctxt_switches:"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or("");
    let port: u16 = arg(&args, 2, "PORT");
    match mode {
        "rr" | "many" => {
            let clients: usize = arg(&args, 3, "CLIENTS");
            let amount: f64 = arg(&args, 4, if mode == "rr" { "SECS" } else { "ROUNDS" });
            let size: usize = arg(&args, 5, "SIZE");
            let trips = Arc::new(AtomicU64::new(0));
            let errors = Arc::new(AtomicU64::new(0));
            let connected = Arc::new(Barrier::new(clients + 1));
            let go = Arc::new(Barrier::new(clients + 1));
            let t0 = Instant::now();
            let mut threads = Vec::new();
            for id in 0..clients {
                let (trips, errors, connected, go) =
                    (trips.clone(), errors.clone(), connected.clone(), go.clone());
                let rr = mode == "rr";
                let t = std::thread::Builder::new().stack_size(256 * 1024).spawn(move || {
                    let c = Client::connect(port, id);
                    connected.wait();
                    go.wait();
                    let mut c = match c {
                        Ok(c) => c,
                        Err(e) => {
                            eprintln!("client {id}: connect: {e}");
                            errors.fetch_add(1, Ordering::Relaxed);
                            return;
                        }
                    };
                    let deadline = Instant::now() + Duration::from_secs_f64(amount);
                    let mut n = 0u64;
                    loop {
                        if rr && Instant::now() >= deadline || !rr && n >= amount as u64 {
                            break;
                        }
                        if let Err(e) = c.round_trip(size) {
                            eprintln!("{e}");
                            errors.fetch_add(1, Ordering::Relaxed);
                            return;
                        }
                        n += 1;
                    }
                    trips.fetch_add(n, Ordering::Relaxed);
                    // orderly close: the server reads end of file
                    let _ = c.out.shutdown(std::net::Shutdown::Write);
                    let mut rest = Vec::new();
                    let _ = c.inp.read_to_end(&mut rest);
                    if !rest.is_empty() {
                        eprintln!("client {id}: {} unexpected bytes after the last reply", rest.len());
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                });
                threads.push(t.expect("spawn"));
            }
            connected.wait();
            let t_conn = t0.elapsed().as_secs_f64();
            let t1 = Instant::now();
            go.wait();
            for t in threads {
                t.join().unwrap();
            }
            let secs = t1.elapsed().as_secs_f64();
            let total = t0.elapsed().as_secs_f64();
            let n = trips.load(Ordering::Relaxed);
            let errs = errors.load(Ordering::Relaxed);
            let expected = if mode == "many" { clients as u64 * amount as u64 } else { n };
            println!(
                "mode={mode} clients={clients} size={size} connect_s={t_conn:.3} secs={secs:.3} total_s={total:.3} \
                 trips={n} expected={expected} trips_per_s={:.0} mb_per_s={:.2} errors={errs}",
                n as f64 / secs,
                n as f64 * size as f64 / secs / 1e6
            );
            if errs > 0 || n != expected {
                std::process::exit(1);
            }
        }
        "idle" => {
            let pid: u32 = arg(&args, 3, "PID");
            let secs: f64 = arg(&args, 4, "SECS");
            let what = args.get(5).map(String::as_str).unwrap_or("wait");
            let mut c = Client::connect(port, 0).expect("connect");
            if what == "half" {
                c.out.write_all(b"half a li").unwrap();
            }
            std::thread::sleep(Duration::from_millis(300));
            let (cpu0, us0, v0, i0) = proc_cpu(pid);
            std::thread::sleep(Duration::from_secs_f64(secs));
            let (cpu1, us1, v1, i1) = proc_cpu(pid);
            let mut errs = 0;
            if what == "half" {
                c.out.write_all(b"ne\n").unwrap();
                let mut r = Vec::new();
                c.inp.read_until(b'\n', &mut r).unwrap();
                if r != b"half a line\n" {
                    eprintln!("half line: got {:?}", String::from_utf8_lossy(&r));
                    errs += 1;
                }
            }
            if let Err(e) = c.round_trip(10) {
                eprintln!("{e}");
                errs += 1;
            }
            println!(
                "mode=idle-{what} secs={secs} cpu_ms={:.0} cpu_us={:.0} wakeups_per_s={:.1} errors={errs}",
                cpu1 - cpu0,
                us1 - us0,
                ((v1 - v0) + (i1 - i0)) as f64 / secs
            );
            if errs > 0 {
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!("usage: loadgen rr|many|idle ...; see the comment at the top of benches/loadgen.rs");
            std::process::exit(2)
        }
    }
}
