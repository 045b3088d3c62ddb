#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and address sanitizer, seeds each from the
# fixtures, and runs each for FUZZ_SECONDS. Crashing, hanging and out-of-memory inputs are
# kept in .build/fuzz/crashes/<target>/ (earlier runs' inputs stay there until removed);
# the exit status is 1 when any target found one in this run.
#   Fuzz/run.sh [target...]     (default: every target)
set -u
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
WORK=.build/fuzz
SCRATCH=.build/fuzz-build
ALL_TARGETS="FuzzDockerfile FuzzDockerignore FuzzImage FuzzPackageMetadata FuzzSecrets FuzzCycloneDX"
TARGETS=${*:-$ALL_TARGETS}
# A crashing Swift process otherwise waits for swift-backtrace, which can hang for minutes.
export SWIFT_BACKTRACE=enable=no
# Leak detection is off: the rule catalog and caches live for the whole process on
# purpose, and the manifest, built with the flags below, would fail on exit.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

# Every module gets address sanitizer and libFuzzer's coverage instrumentation (what
# -sanitize=fuzzer adds), so the fuzzers are guided by the library's branches; only the
# fuzz executables link libFuzzer itself (their Package.swift flags). -enable-testing lets
# a target call a parser directly instead of through a whole image.
# The build tools (the rules embedder, even the manifest) get the same flags: with other
# flags they would be rebuilt over the fuzz build's copies, and the library after them,
# on every run.
FLAGS=""
for flag in -enable-testing -sanitize=address -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table; do
  FLAGS="$FLAGS -Xswiftc $flag -Xbuild-tools-swiftc $flag"
done
"$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -c release $FLAGS || exit 2
# Asking swift build for the path would rebuild the tools without the flags above.
BIN=$SCRATCH/release

rm -rf "$WORK/seeds" && python3 Fuzz/seeds.py "$WORK/seeds" >/dev/null || exit 2
failed=""
for target in $TARGETS; do
  if [ ! -x "$BIN/$target" ]; then echo "no fuzz target $target (targets: $ALL_TARGETS)"; exit 2; fi
  corpus="$WORK/corpus/$target" crashes="$WORK/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  echo "== $target (${SECONDS_EACH}s)"
  # The corpus grows across runs; the seeds are read-only input next to it.
  timeout $((SECONDS_EACH + 120)) "$BIN/$target" "$corpus" "$WORK/seeds/$target" \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$WORK/$target.log" 2>&1
  status=$?
  grep -E '^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ +DONE)' "$WORK/$target.log" | tr '\n' ' '; echo
  if [ $status -ne 0 ]; then
    failed="$failed $target"
    grep -E 'ERROR: |Fatal error|SUMMARY|Test unit written' "$WORK/$target.log" | head -5
    echo "   log: $WORK/$target.log"
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz: crashing inputs in $WORK/crashes/ for:$failed"
  echo "reproduce: $BIN/<target> <input>"
  exit 1
fi
echo "fuzz: no crashes ($TARGETS)"
