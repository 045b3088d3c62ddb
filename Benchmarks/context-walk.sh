#!/usr/bin/env bash
# Build-context benchmark: the walk and .dockerignore matching of a generated Node.js
# context (200,000 files, node_modules not ignored, so every path is matched), by
# `todoaudit context DIR --list` and by the docker SDK for Python's
# `docker.utils.build.exclude_paths` on the same tree and patterns, both pinned to one
# core, with `find DIR -type f` (the walk alone) for scale. Measured in one run.
#
#   bash Benchmarks/context-walk.sh        (from anywhere; also run by `make bench`)
#
# Goal: todoaudit under 2 s, and at least 10x faster than exclude_paths. The script says
# met / NOT met; it never fails on a timing (exit 0 on a completed run, 2 when something
# could not run).
#
# Environment:
#   BENCH_RUNS          timed runs per command, after 1 warm-up     (default 3)
#   BENCH_FILES         files in the generated context              (default 200000)
#   TODOAUDIT_BIN       use this todoaudit binary, skip the build
#   BENCH_SCRATCH_PATH  swift build --scratch-path                  (default .build)
#   BENCH_RESULTS       Markdown file to write, '' for none          (default Benchmarks/results/context-walk.md)
set -euo pipefail

die() { echo "context-bench: $*" >&2; exit 2; }
note() { echo "context-bench: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${BENCH_RUNS:-3}"
FILES="${BENCH_FILES:-200000}"
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"
WORK="$ROOT/Benchmarks/.work/context"
RESULTS="${BENCH_RESULTS-$ROOT/Benchmarks/results/context-walk.md}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer (got '$RUNS')"
[[ "$FILES" =~ ^[1-9][0-9]*$ ]] || die "BENCH_FILES must be a positive integer (got '$FILES')"
command -v hyperfine >/dev/null || die "hyperfine is needed (apt-get install hyperfine)"
command -v taskset >/dev/null || die "taskset is needed (util-linux)"
mkdir -p "$WORK"

source "$ROOT/Benchmarks/todoaudit-bin.sh"
find_todoaudit
VENV="$ROOT/Benchmarks/.work/venv-docker"
if ! "$VENV/bin/python" -c "import docker.utils.build" 2>/dev/null; then
  note "installing the docker SDK into $VENV"
  { [[ -x "$VENV/bin/pip" ]] || python3 -m venv "$VENV"; } >/dev/null 2>&1 \
    && "$VENV/bin/pip" install --quiet --disable-pip-version-check "docker==7.1.0" >"$WORK/pip.log" 2>&1 \
    || die "could not install docker (log: $WORK/pip.log)"
fi

TREE_DIR="$WORK/tree-$FILES"
if [[ ! -f "$TREE_DIR/.done" ]]; then
  note "generating a $FILES-file context in $TREE_DIR"
  rm -rf "$TREE_DIR"
  python3 "$ROOT/Benchmarks/make_context.py" "$TREE_DIR" "$FILES" >/dev/null
  touch "$TREE_DIR/.done"
fi
cat >"$WORK/sdk.py" <<'PY'
import os, sys
from docker.utils.build import exclude_paths
root = sys.argv[1]
patterns = [l.strip() for l in open(os.path.join(root, ".dockerignore")) if l.strip() and not l.startswith("#")]
kept = exclude_paths(root, patterns, dockerfile="Dockerfile")
print(sum(1 for p in kept if os.path.isfile(os.path.join(root, p))))
PY

ours=$(taskset -c 0 "$BIN" context --list "$TREE_DIR" | grep -vc '^\.done$')
theirs=$(taskset -c 0 "$VENV/bin/python" "$WORK/sdk.py" "$TREE_DIR")
theirs=$((theirs - 1))  # .done, the generator's mark
note "files sent: todoaudit $ours, docker SDK $theirs"
[[ "$ours" == "$theirs" ]] || note "WARNING: the two disagree on what is sent"

q() { printf '%q' "$1"; }
hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/times.json" \
  -n todoaudit "taskset -c 0 $(q "$BIN") context --list $(q "$TREE_DIR") >/dev/null" \
  -n docker-sdk "taskset -c 0 $(q "$VENV/bin/python") $(q "$WORK/sdk.py") $(q "$TREE_DIR") >/dev/null" \
  -n find "taskset -c 0 find $(q "$TREE_DIR") -type f >/dev/null" >"$WORK/hyperfine.log" 2>&1 \
  || { cat "$WORK/hyperfine.log" >&2; die "hyperfine failed"; }

TREE="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
python3 - "$WORK/times.json" "$("$BIN" --version | head -1) (source tree $TREE)" "$RUNS" "$RESULTS" "$(date +%F)" "$FILES" "$ours" \
  "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || echo unknown)" <<'PY'
import json, os, sys
times, version, runs, results, date, files, sent, machine = sys.argv[1:]
r = {x["command"]: x["median"] for x in json.load(open(times))["results"]}
ratio = r["docker-sdk"] / r["todoaudit"]
table = ["| tool | median (s) | vs todoaudit |", "| --- | ---: | ---: |"]
for name in ("todoaudit", "docker-sdk", "find"):
    table.append(f"| {name} | {r[name]:.3f} | {r[name] / r['todoaudit']:.2f}x |")
verdicts = [f"- todoaudit {r['todoaudit']:.2f} s for {int(files):,} files ({int(sent):,} sent), goal < 2 s: **{'met' if r['todoaudit'] < 2 else 'NOT met'}**",
            f"- docker SDK / todoaudit {ratio:.1f}x, goal ≥ 10x: **{'met' if ratio >= 10 else 'NOT met'}**"]
out = "\n".join(table + [""] + verdicts)
print(out)
if results:
    md = ["# Build-context benchmark: walk and .dockerignore matching", "",
          f"Written by `bash Benchmarks/context-walk.sh` on {date}.  ",
          f"todoaudit: {version}, `todoaudit context --list DIR`.  ",
          "docker SDK: docker 7.1.0 from PyPI, `docker.utils.build.exclude_paths(DIR, patterns)`.  ",
          "find: `find DIR -type f`, the walk alone.  ",
          f"Context: Benchmarks/make_context.py, {int(files):,} files (node_modules not ignored, `**/*.map`, `**/test`, `.git`, `.env*` are).  ",
          f"Timing: hyperfine, median of {runs} runs after 1 warm-up, every command pinned to one core with taskset, tree in the page cache.  ",
          f"Machine: {machine}.", "", out]
    os.makedirs(os.path.dirname(results), exist_ok=True)
    open(results, "w").write("\n".join(md) + "\n")
    print(f"\nwritten: {os.path.relpath(results)}")
PY
