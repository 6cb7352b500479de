#!/usr/bin/env bash
# benches/areas.sh: minim against GT.M, one M routine per area (benches/areas/*.m).
#
#   benches/areas.sh                  every area, median of 3 runs each
#   RUNS=5 benches/areas.sh           more runs
#   AREAS="pattern indir" benches/areas.sh   some areas
#   MINIM=/tmp/minim benches/areas.sh        another minim binary (no build)
#
# Each routine prints a checksum line; the run fails when minim's output differs from GT.M's.
# GT.M runs as `mumps -run` in the environment scripts/gtm-run makes (GTM_RUN_SHOW), so the
# script's own start-up is not counted as GT.M's time.
# Runs alternate GT.M, minim, GT.M, minim... after one warm-up each (GT.M compiles its object
# file there), so a drift of the shared machine's speed hits both alike. Times are whole
# processes (start-up included), wall clock, in milliseconds. Prints a markdown table of the
# ratios minim/GT.M (lower is better; below 1 minim is faster) and their geometric mean, of
# the median runs and of the fastest runs.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
GTM_RUN=${GTM_RUN:-$PWD/scripts/gtm-run}
if [[ -z ${MINIM:-} ]]; then # MINIM=path/to/minim: that binary, no build
  cargo build --release --quiet --bin minim
  MINIM=$PWD/target/release/minim
fi
if [[ -z ${AREAS:-} ]]; then
  AREAS=$(for f in benches/areas/*.m; do basename "$f" .m; done)
fi
LOG=$(mktemp -d "${TMPDIR:-/tmp}/minim-areas.XXXXXX")
trap 'rm -rf "$LOG"' EXIT

ms() { # command...: runs it (bounded), output to $LOG/out, prints the wall time in ms
  local s e
  s=$(date +%s%N)
  timeout 300 "$@" >"$LOG/out" 2>&1 || { echo "failed: $* ($(head -c 200 "$LOG/out"))" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}

# The fastest run of each: the machine's other load only ever adds time, so the least time
# is the steadiest measure of the work itself (the median is shown too).
least() { printf '%s\n' "$@" | sort -n | head -1; }
ratio() { awk -v m="$1" -v g="$2" 'BEGIN {printf "%.2f", m / (g > 0 ? g : 1)}'; }
geomean() { printf '%s\n' "$@" | awk '{s += log($1)} END {printf "%.2f", exp(s / NR)}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr)"
echo "minim: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (+ changes)'), GT.M: $("$GTM_RUN" -run %XCMD 'write $zversion' 2>/dev/null || echo '?')"
echo
echo "| area | GT.M ms | minim ms | minim/GT.M | fastest runs: GT.M ms | minim ms | minim/GT.M |"
echo "|---|---:|---:|---:|---:|---:|---:|"
ratios=() fastest=()
for a in $AREAS; do
  f=benches/areas/$a.m
  ms "$GTM_RUN" "$f" >/dev/null
  cp "$LOG/out" "$LOG/gtm.out"
  # GT.M timed as `mumps -run`, its environment set as gtm-run sets it but without the
  # script (whose own start-up, ~15 ms of bash and helpers, is not GT.M's).
  eval "gtm=($(GTM_RUN_SHOW=1 "$GTM_RUN" "$f"))"
  ms "$MINIM" "$f" >/dev/null
  if ! cmp -s "$LOG/gtm.out" "$LOG/out"; then
    echo "checksum differs for $a: GT.M '$(head -c 100 "$LOG/gtm.out")' minim '$(head -c 100 "$LOG/out")'" >&2
    exit 1
  fi
  g=() m=()
  for _ in $(seq "$RUNS"); do
    g+=("$(ms "${gtm[@]}")")
    m+=("$(ms "$MINIM" "$f")")
  done
  gm=$(median "${g[@]}") mm=$(median "${m[@]}")
  gf=$(least "${g[@]}") mf=$(least "${m[@]}")
  r=$(ratio "$mm" "$gm") rf=$(ratio "$mf" "$gf")
  ratios+=("$r") fastest+=("$rf")
  echo "| $a | $gm | $mm | $r | $gf | $mf | $rf |"
done
echo "| **geometric mean** | | | **$(geomean "${ratios[@]}")** | | | **$(geomean "${fastest[@]}")** |"
