#!/usr/bin/env bash
# benches/globals.sh: the global-variable workloads of benches/globals.m under minim and GT.M
# side by side, then two processes writing at once; prints a Markdown table of seconds and
# ratios (minim/GT.M; below 1 means minim is faster).
#
#   benches/globals.sh [N]      N = nodes/2 to load (default 500000: a 1M-node global)
#   GTM_RUN=path/to/gtm-run     the GT.M runner (default: scripts/gtm-run)
#
# Phases are timed inside M with $ZHOROLOG, so process start-up and GT.M's database creation
# are not counted; every phase prints a checksum, and the two implementations must agree.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500000}
GTM_RUN=${GTM_RUN:-scripts/gtm-run}
cargo build --release --quiet --bin minim
MINIM=$PWD/target/release/minim
TMP=$(mktemp -d "${TMPDIR:-/tmp}/minim-gbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

MINIM_DB=$TMP/db "$MINIM" benches/globals.m "$N" >"$TMP/minim.out"
"$GTM_RUN" --db benches/globals.m "$N" >"$TMP/gtm.out"

# Two processes at once (the second JOBbed by the first): timed inside M as well.
MINIM_DB=$TMP/db2 "$MINIM" benches/globals2.m >>"$TMP/minim.out"
"$GTM_RUN" --db benches/globals2.m >>"$TMP/gtm.out"

if ! diff <(cut -d' ' -f1,3 "$TMP/minim.out") <(cut -d' ' -f1,3 "$TMP/gtm.out") >/dev/null; then
  echo "checksums differ:" >&2; paste "$TMP/minim.out" "$TMP/gtm.out" >&2; exit 1
fi
echo "| workload (N=$N) | minim s | GT.M s | minim/GT.M |"
echo "|---|---|---|---|"
paste -d' ' "$TMP/minim.out" "$TMP/gtm.out" | while read -r phase ms _ _ gs _; do
  printf '| %s | %s | %s | %.2f |\n' "$phase" "$ms" "$gs" "$(echo "$ms / $gs" | bc -l)"
done
