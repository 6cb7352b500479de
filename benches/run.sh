#!/usr/bin/env bash
# benches/run.sh: minim against GT.M, side by side, on the same M routines.
#
#   benches/run.sh              everything (about 1.5 minutes)
#   SECS=1 benches/run.sh       shorter timed runs
#   ONLY=minim benches/run.sh   one implementation (minim or gtm)
#   PARTS="rr loop" benches/run.sh   some parts: rr (round trips, bulk), many, idle, loop
#
# Servers run benches/echo.m (listens on port 0, echoes lines); benches/loadgen.rs
# (built as the example `loadgen`) drives them and checks every reply byte for byte.
# Micro benchmarks run benches/loop.m. All network use is TCP on 127.0.0.1; every process
# is bounded by `timeout` and stopped by its own PID.
set -euo pipefail
cd "$(dirname "$0")/.."

SECS=${SECS:-3}
IDLE_SECS=${IDLE_SECS:-2}
ONLY=${ONLY:-minim gtm}
PARTS=${PARTS:-rr many idle loop}
GTM_RUN=${GTM_RUN:-$PWD/scripts/gtm-run}
export gtm_max_sockets=1100 # GT.M's default is 64 sockets per device, listener included

cargo build --release --quiet --bin minim --example loadgen
MINIM=$PWD/target/release/minim
LG=$PWD/target/release/examples/loadgen
LOG=$(mktemp -d "${TMPDIR:-/tmp}/minim-bench.XXXXXX")
trap 'stop_server; rm -rf "$LOG"' EXIT

declare -A R # R[impl,test] = result text

cmd_for() { # the command that runs an M routine under one implementation
  case $1 in
    minim) echo "$MINIM" ;;
    gtm) echo "$GTM_RUN" ;;
  esac
}

TPID="" SPID="" PORT=""
start_server() { # start benches/echo.m; sets TPID (timeout), SPID (the interpreter), PORT
  local impl=$1
  : >"$LOG/srv.out"
  timeout 300 $(cmd_for "$impl") benches/echo.m 0 >"$LOG/srv.out" 2>"$LOG/srv.err" </dev/null &
  TPID=$!
  for _ in $(seq 200); do
    grep -q '^listening on' "$LOG/srv.out" && break
    kill -0 "$TPID" 2>/dev/null || break
    sleep 0.05
  done
  PORT=$(awk '/^listening on/ {print $3}' "$LOG/srv.out")
  [[ -n $PORT ]] || { echo "server ($impl) did not start:" >&2; cat "$LOG/srv.err" >&2; exit 1; }
  SPID=$(pgrep -P "$TPID" | head -n1) # gtm-run execs mumps, so this is mumps itself
}

stop_server() {
  if [[ -n $TPID ]]; then
    kill "$TPID" 2>/dev/null || true
    wait "$TPID" 2>/dev/null || true
    # GT.M reports the SIGTERM that ends it (FORCEDHALT); anything else is worth seeing
    if grep -qv FORCEDHALT "$LOG/srv.err"; then echo "  server stderr: $(head -c 300 "$LOG/srv.err")" >&2; fi
  fi
  TPID="" SPID=""
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

load() { # impl key loadgen-args...: run the load generator against a fresh server
  local impl=$1 key=$2 out
  shift 2
  start_server "$impl"
  if out=$(timeout 120 "$LG" "${@/PORT/$PORT}" 2>"$LOG/lg.err"); then :; else
    out="$out FAILED($(head -c 200 "$LOG/lg.err" | tr '\n' ' '))"
  fi
  stop_server
  echo "  $impl $key: $out" >&2
  R[$impl,$key]=$out
}

for impl in $ONLY; do
  echo "== $impl" >&2
  if [[ $PARTS == *rr* ]]; then
    load "$impl" rr1 rr PORT 1 "$SECS" 32
    load "$impl" rr8 rr PORT 8 "$SECS" 32
    load "$impl" bulk rr PORT 1 "$SECS" 1000000
  fi
  if [[ $PARTS == *many* ]]; then
    load "$impl" many50 many PORT 50 5 32
    load "$impl" many1000 many PORT 1000 5 32
  fi
  if [[ $PARTS == *idle* ]]; then
    start_server "$impl"
    out=$(timeout 60 "$LG" idle "$PORT" "$SPID" "$IDLE_SECS" wait 2>&1) || out="$out FAILED"
    R[$impl,idlewait]=$out
    echo "  $impl idle-wait: $out" >&2
    stop_server
    start_server "$impl"
    out=$(timeout 60 "$LG" idle "$PORT" "$SPID" "$IDLE_SECS" half 2>&1) || out="$out FAILED"
    R[$impl,idlehalf]=$out
    echo "  $impl idle-half: $out" >&2
    stop_server
  fi
  if [[ $PARTS == *loop* ]]; then
    cmd=$(cmd_for "$impl")
    for w in empty arith piece order call; do
      if [[ $w == empty ]]; then args=(benches/empty.m); else args=(benches/loop.m "$w"); fi
      timeout 120 $cmd "${args[@]}" >/dev/null # warm-up (GT.M compiles here)
      best=999999999
      for _ in 1 2 3; do
        s=$(date +%s%N)
        timeout 120 $cmd "${args[@]}" >"$LOG/loop.out"
        e=$(date +%s%N)
        t=$(((e - s) / 1000000))
        ((t < best)) && best=$t
      done
      R[$impl,loop-$w]=$best
      echo "  $impl loop $w: ${best} ms  $(head -c 60 "$LOG/loop.out")" >&2
    done
  fi
done

# ---- the table
val() { # impl key field [scale]
  local v=${R[$1,$2]:-}
  if [[ -z $v ]]; then echo "-"; elif [[ $v == *FAILED* ]]; then echo "FAILED"; else field "$v" "$3"; fi
}
ok() { # "ok" if the run checked out, else the error count
  local v=${R[$1,$2]:-}
  if [[ -z $v ]]; then echo "-"; elif [[ $v == *FAILED* ]]; then echo "FAILED"; else
    [[ $(field "$v" errors) == 0 ]] && echo "ok, $(field "$v" trips)/$(field "$v" expected) verified" || echo "errors"; fi
}
row() { printf '| %-46s | %-22s | %-22s |\n' "$1" "$2" "$3"; }

echo
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr)"
row "test" "minim" "GT.M"
row "---" "---" "---"
if [[ $PARTS == *rr* ]]; then
  row "round trips/s, 1 client, 32-byte lines" "$(val minim rr1 trips_per_s)" "$(val gtm rr1 trips_per_s)"
  row "round trips/s, 8 clients, 32-byte lines" "$(val minim rr8 trips_per_s)" "$(val gtm rr8 trips_per_s)"
  row "bulk: 1 MB lines echoed, MB/s" "$(val minim bulk mb_per_s)" "$(val gtm bulk mb_per_s)"
fi
if [[ $PARTS == *many* ]]; then
  row "50 clients x 5 round trips, total s" "$(val minim many50 total_s)" "$(val gtm many50 total_s)"
  row "  replies checked" "$(ok minim many50)" "$(ok gtm many50)"
  row "1000 clients x 5 round trips, total s" "$(val minim many1000 total_s)" "$(val gtm many1000 total_s)"
  row "  replies checked" "$(ok minim many1000)" "$(ok gtm many1000)"
fi
if [[ $PARTS == *idle* ]]; then
  row "idle WRITE /WAIT: CPU ms in ${IDLE_SECS} s" "$(val minim idlewait cpu_ms)" "$(val gtm idlewait cpu_ms)"
  row "  CPU us (schedstat)" "$(val minim idlewait cpu_us)" "$(val gtm idlewait cpu_us)"
  row "  wakeups/s" "$(val minim idlewait wakeups_per_s)" "$(val gtm idlewait wakeups_per_s)"
  row "timed READ, half a line: CPU ms in ${IDLE_SECS} s" "$(val minim idlehalf cpu_ms)" "$(val gtm idlehalf cpu_ms)"
  row "  CPU us (schedstat)" "$(val minim idlehalf cpu_us)" "$(val gtm idlehalf cpu_us)"
  row "  wakeups/s" "$(val minim idlehalf wakeups_per_s)" "$(val gtm idlehalf wakeups_per_s)"
fi
if [[ $PARTS == *loop* ]]; then
  for w in empty arith piece order call; do
    row "loop.m $w: ms, best of 3, with start-up" "${R[minim,loop-$w]:--}" "${R[gtm,loop-$w]:--}"
  done
fi
