#!/usr/bin/env bash
# benches/globals.sh: the global-variable workloads of benches/globals.m under minim on its
# embedded store (LMDB), under minim on PostgreSQL, and under GT.M side by side, then two
# processes writing at once; prints a Markdown table of seconds and ratios to GT.M (below 1
# means faster than GT.M).
#
#   benches/globals.sh [N]      N = nodes/2 to load (default 500000: a 1M-node global)
#   GTM_RUN=path/to/gtm-run     the GT.M runner (default: scripts/gtm-run)
#   MINIM=path/to/minim         the minim to measure (default: target/release/minim, built)
#   PG_URL=postgres://...       a PostgreSQL database to use (it is emptied first); without
#                               it, a throwaway server is started on loopback when initdb
#                               and pg_ctl are installed, else the PostgreSQL column is skipped;
#                               PG_URL=off skips it
#   PHASES="walk-order two-writers"  only these phases (names as in the table; the load always
#                               runs, since the others read what it stored)
#
# Phases are timed inside M with $ZHOROLOG, so process start-up and GT.M's database creation
# are not counted; every phase prints a checksum, and the implementations must agree.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500000}
GTM_RUN=${GTM_RUN:-scripts/gtm-run}
if [[ -z ${MINIM:-} ]]; then
  cargo build --release --quiet --bin minim
  MINIM=$PWD/target/release/minim
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/minim-gbench.XXXXXX")
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
AS=()
[[ $(id -u) == 0 ]] && AS=(runuser -u postgres --)
stop_pg() {
  if [[ -f $TMP/pg/data/postmaster.pid ]]; then
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}
trap 'stop_pg; rm -rf "$TMP"' EXIT

PHASES=${PHASES:-}
PG=${PG_URL:-}
[[ $PG == off ]] && PG=
if [[ -z ${PG_URL:-} && -n $PGBIN && -x $PGBIN/initdb ]]; then
  mkdir -p "$TMP/pg"
  [[ $(id -u) == 0 ]] && chown postgres "$TMP" "$TMP/pg"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${AS[@]}" "$PGBIN/initdb" -D "$TMP/pg/data" -U minim -A trust --locale=C --no-sync >/dev/null
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/log" -w \
    -o "-p $PORT -k $TMP/pg -c listen_addresses=127.0.0.1" start >/dev/null
  PG=postgres://minim@127.0.0.1:$PORT/postgres
fi

# shellcheck disable=SC2086 # PHASES is a list of words
MINIM_DB=$TMP/db "$MINIM" benches/globals.m "$N" $PHASES >"$TMP/minim.out"
# shellcheck disable=SC2086
"$GTM_RUN" --db benches/globals.m "$N" $PHASES >"$TMP/gtm.out"
if [[ -n $PG ]]; then
  psql -q "$PG" -c 'DROP TABLE IF EXISTS minim_globals' >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  MINIM_DB=$PG "$MINIM" benches/globals.m "$N" $PHASES >"$TMP/pg.out"
fi

# Two processes at once (the second JOBbed by the first): timed inside M as well.
if [[ -z $PHASES || " $PHASES " == *" two-writers "* ]]; then
  MINIM_DB=$TMP/db2 "$MINIM" benches/globals2.m >>"$TMP/minim.out"
  "$GTM_RUN" --db benches/globals2.m >>"$TMP/gtm.out"
  if [[ -n $PG ]]; then
    psql -q "$PG" -c 'DROP TABLE IF EXISTS minim_globals' >/dev/null 2>&1 || true
    MINIM_DB=$PG "$MINIM" benches/globals2.m >>"$TMP/pg.out"
  fi
fi
[[ -n $PG ]] || cut -d' ' -f1,3 "$TMP/gtm.out" | sed 's/ / - /' >"$TMP/pg.out"

for other in minim pg; do
  if ! diff <(cut -d' ' -f1,3 "$TMP/$other.out") <(cut -d' ' -f1,3 "$TMP/gtm.out") >/dev/null; then
    echo "checksums differ ($other):" >&2; paste "$TMP/$other.out" "$TMP/gtm.out" >&2; exit 1
  fi
done
ratio() { [[ $1 == - ]] && echo - || printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
echo "| workload (N=$N) | minim LMDB s | minim PostgreSQL s | GT.M s | LMDB/GT.M | PostgreSQL/GT.M |"
echo "|---|---|---|---|---|---|"
paste -d' ' "$TMP/minim.out" "$TMP/pg.out" "$TMP/gtm.out" | while read -r phase ms _ _ ps _ _ gs _; do
  printf '| %s | %s | %s | %s | %s | %s |\n' "$phase" "$ms" "$ps" "$gs" "$(ratio "$ms" "$gs")" "$(ratio "$ps" "$gs")"
done
