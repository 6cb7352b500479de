#!/usr/bin/env bash
# benches/httpd.sh: routines/httpd.m served by minim and by GT.M, under the same load.
#
#   benches/httpd.sh                   everything (about a minute)
#   SECS=2 CLIENTS=4 benches/httpd.sh  shorter runs, fewer clients
#   ONLY=minim benches/httpd.sh        one implementation (minim or gtm)
#
# For each implementation and each test a fresh listener starts (port 0, a fresh database,
# the files of routines/www), benches/httpload.rs (built as the example `httpload`) drives it
# for SECS seconds, and the listener is stopped with `httpd.m stop` (and by its PID if it
# does not end). Tests:
#   keep-alive GET   CLIENTS connections, each asking for /index.html again and again
#   new connection   one connection per request (Connection: close): a JOBbed process each
#   counter POST     keep-alive POST /api/counter (a global changed under LOCK); the counter
#                    must move by exactly the number of answers (never a lost request)
# Prints a Markdown table: requests per second and latency percentiles in milliseconds.
# All network use is TCP on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

SECS=${SECS:-5}
CLIENTS=${CLIENTS:-8}
ONLY=${ONLY:-minim gtm}
GTM_RUN=${GTM_RUN:-$PWD/scripts/gtm-run}

cargo build --release --quiet --bin minim --example httpload
MINIM=$PWD/target/release/minim
LOAD=$PWD/target/release/examples/httpload
WWW=$PWD/routines/www
WORK=$(mktemp -d "${TMPDIR:-/tmp}/minim-httpd-bench.XXXXXX")
TPID=""
trap 'stop_server; rm -rf "$WORK"' EXIT

run_httpd() { # impl db args...: httpd.m under one implementation, on database folder db
  local impl=$1 db=$2
  shift 2
  case $impl in
    minim) MINIM_DB=$db "$MINIM" routines/httpd.m "$@" ;;
    gtm) "$GTM_RUN" --db-dir "$db" routines/httpd.m "$@" ;;
  esac
}

start_server() { # impl: a fresh listener; sets TPID, PORT, DB
  local impl=$1
  DB=$WORK/db-$impl-$RANDOM
  : >"$WORK/srv.out"
  # timeout passes its TERM on to minim, or to mumps (gtm-run execs it)
  if [[ $impl == minim ]]; then
    MINIM_DB=$DB timeout 300 "$MINIM" routines/httpd.m 0 "$WWW" >"$WORK/srv.out" 2>"$WORK/srv.err" </dev/null &
  else
    timeout 300 "$GTM_RUN" --db-dir "$DB" routines/httpd.m 0 "$WWW" >"$WORK/srv.out" 2>"$WORK/srv.err" </dev/null &
  fi
  TPID=$!
  for _ in $(seq 200); do
    grep -q '^listening on' "$WORK/srv.out" && break
    kill -0 "$TPID" 2>/dev/null || break
    sleep 0.05
  done
  PORT=$(awk '/^listening on/ {print $3}' "$WORK/srv.out")
  [[ -n $PORT ]] || { echo "httpd ($impl) did not start:" >&2; cat "$WORK/srv.err" >&2; exit 1; }
}

stop_server() {
  [[ -n $TPID ]] || return 0
  run_httpd "$IMPL" "$DB" stop >/dev/null 2>&1 || true
  for _ in $(seq 100); do
    kill -0 "$TPID" 2>/dev/null || break
    sleep 0.05
  done
  kill "$TPID" 2>/dev/null || true # only if stop did not end it
  wait "$TPID" 2>/dev/null || true
  TPID=""
}

declare -A R
for IMPL in $ONLY; do
  if [[ $IMPL == gtm ]] && ! "$GTM_RUN" --db-dir "$WORK/probe" routines/httpd.m stop >/dev/null 2>&1; then
    echo "GT.M is not installed: its column stays empty" >&2
    continue
  fi
  for test in keepalive connect counter; do
    start_server "$IMPL"
    case $test in
      counter) args=(counter "$PORT" "$CLIENTS" "$SECS") ;;
      *) args=("$test" "$PORT" "$CLIENTS" "$SECS" /index.html) ;;
    esac
    if ! out=$("$LOAD" "${args[@]}"); then
      echo "$IMPL $test: errors: $out" >&2
    fi
    R[$IMPL,$test]=$out
    echo "$IMPL $test: $out" >&2
    stop_server
  done
done

field() { # result key
  sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" <<<"$1"
}
cell() { # impl test
  local r=${R[$1,$2]:-}
  [[ -n $r ]] || { echo "-"; return; }
  echo "$(field "$r" rps) req/s, p50 $(field "$r" p50) / p90 $(field "$r" p90) / p99 $(field "$r" p99) ms, $(field "$r" errors) errors"
}
echo
echo "| test ($CLIENTS clients, ${SECS} s) | minim | GT.M |"
echo "|---|---|---|"
echo "| keep-alive GET /index.html | $(cell minim keepalive) | $(cell gtm keepalive) |"
echo "| new connection per GET (a process each) | $(cell minim connect) | $(cell gtm connect) |"
echo "| keep-alive POST /api/counter (LOCK + global) | $(cell minim counter) | $(cell gtm counter) |"
