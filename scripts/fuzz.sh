#!/usr/bin/env bash
# fuzz.sh: run minim's fuzz targets (fuzz/, cargo-fuzz on nightly Rust), each for SECONDS.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 600 seconds, every target
#   FUZZ_BUILD=0 scripts/fuzz.sh ...          without building again
#
# Targets: parse (the parser on any bytes: a whole routine, each line, each expression), eval
# (the evaluator in a sandbox), expr (generated expressions evaluated in the sandbox), number
# (number parsing, every arithmetic operator, canonical round trip), pattern (the ? operator).
# Corpora start from the golden routines (tests/golden/*.m) and grow in fuzz/corpus/TARGET; a
# crash, timeout or out-of-memory case lands in fuzz/artifacts/TARGET and becomes a regression
# test (a golden routine or tests/harden.rs). The whole libFuzzer log is kept in
# fuzz/logs/TARGET.log; each run ends with libFuzzer's summary (stat::number_of_executed_units)
# and the corpus size.
# Needs: rustup toolchain install nightly (cargo install cargo-fuzz is optional).
set -euo pipefail

cd "$(dirname "$0")/../fuzz"
# The evaluator recurses in Rust for M frames: deep M recursion must reach STACKCRIT, which
# needs the stack the minim binary gives its interpreter thread (1 GiB, reserved, not used).
ulimit -s 1100000
secs=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(parse eval expr number pattern)

# Build once, then run each target's binary: `cargo fuzz run` builds again with other
# settings, recompiling minim for every target. FUZZ_BUILD=0 reuses the last build.
# Without cargo-fuzz, the same build by hand: the coverage flags `cargo fuzz build -s none -O`
# gives rustc, into the same folder.
build() {
  if cargo +nightly fuzz --version > /dev/null 2>&1; then
    cargo +nightly fuzz build -s none -O
    return
  fi
  local cov=-Cllvm-args=-sanitizer-coverage
  RUSTFLAGS="-Cpasses=sancov-module $cov-level=4 $cov-inline-8bit-counters $cov-pc-table \
$cov-trace-compares --cfg fuzzing $cov-stack-depth" \
    cargo +nightly build --release --target x86_64-unknown-linux-gnu --bins
}
[[ ${FUZZ_BUILD:-1} == 0 ]] || build
bin=target/x86_64-unknown-linux-gnu/release
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t" logs
  case $t in
    parse | eval) cp -n ../tests/golden/*.m "corpus/$t/" ;;
    number) for n in 0 1 -1 1E2 .5 -.5 1E-43 1E46 123456789012345678901 "1|2" "7|0" "-1E20|3"; do
      printf '%s' "$n" > "corpus/$t/seed-$(printf '%s' "$n" | md5sum | cut -c1-8)"; done ;;
    expr) for s in 'a' 'seed' 'nested expressions 0123456789' "$(printf '\x02\x05\x03\x07\x06\x01')"; do
      printf '%s' "$s" > "corpus/$t/seed-$(printf '%s' "$s" | md5sum | cut -c1-8)"; done ;;
    pattern) for p in '1N.E' '3U1"-"2N' '.(1A,1N)' '1.3(1"ab",1N)' '"7"100000000""'; do
      printf '%s\0%s' "$p" "ABC-12" > "corpus/$t/seed-$(printf '%s' "$p" | md5sum | cut -c1-8)"; done ;;
  esac
  echo "== $t: $secs s"
  "$bin/$t" "corpus/$t" \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1 2>&1 | tee "logs/$t.log" |
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|Done|.*(crash|timeout|leak|oom)-)' || true
  echo "corpus/$t: $(find "corpus/$t" -type f | wc -l) inputs; artifacts/$t: $(find "artifacts/$t" -type f | wc -l)"
done
