#!/usr/bin/env python3
"""Builds each fuzz target's seed corpus from the repository's fixtures, into OUT/<target>/.

Seeds are written at run time rather than committed: the fixtures are the source of truth,
and the corpora would otherwise drift from them. Each seed is framed the way its target
reads its input (see the target's doc comment in Fuzz/Sources/)."""
import glob
import hashlib
import io
import os
import struct
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1]


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    directory = os.path.join(OUT, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def fixtures(pattern):
    return sorted(p for p in glob.glob(os.path.join(ROOT, pattern), recursive=True) if os.path.isfile(p))


# Rule examples: Dockerfiles, .dockerignore files and secret examples (PyYAML is optional).
def rule_examples():
    try:
        import yaml
    except ImportError:
        print("note: PyYAML missing, rule examples are not used as seeds", file=sys.stderr)
        return
    def walk(node, kind):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("dockerfile", "Dockerfile") and isinstance(value, str):
                    add("FuzzDockerfile", value.replace("\u2193", ""))
                elif key in ("dockerignore", ".dockerignore") and isinstance(value, str):
                    add("FuzzDockerignore", value.replace("\u2193", "") + "\0app/main.py\n.env\nnode_modules/x/package.json\n")
                elif key in ("var/lib/dpkg/status", "lib/apk/db/installed", "package.json") and isinstance(value, str):
                    selector = {"var/lib/dpkg/status": 0, "lib/apk/db/installed": 1, "package.json": 3}[key]
                    add("FuzzPackageMetadata", bytes([selector]) + value.encode())
                if kind == "secrets" and isinstance(node.get("text"), str):
                    add("FuzzSecrets", os.path.basename(str(node.get("path", "input"))) + "\0" + node["text"])
                walk(value, kind)
        elif isinstance(node, list):
            for value in node:
                if kind == "secrets" and isinstance(value, str):
                    add("FuzzSecrets", "input\0" + value)
                walk(value, kind)
    for path in fixtures("Rules/**/*.yml"):
        document = yaml.safe_load(read(path))
        if isinstance(document, dict) and "examples" in document:
            walk(document["examples"], "secrets" if "/secrets/" in path else "rules")


def metadata_selector(name):
    """The FuzzPackageMetadata selector for a file an image holds, or None."""
    if name.endswith("var/lib/dpkg/status") or "var/lib/dpkg/status.d/" in name:
        return 0
    if name.endswith("lib/apk/db/installed"):
        return 1
    if name.endswith(".dist-info/METADATA") or name.endswith(".egg-info/PKG-INFO"):
        return 2
    if name.endswith("package-lock.json"):
        return 4
    if name.endswith("package.json"):
        return 3
    if name.startswith("usr/share/doc/") and name.endswith("/copyright"):
        return 6
    if name.endswith("etc/os-release") or name.endswith("usr/lib/os-release"):
        return 7
    if name.endswith(".jar"):
        return 8
    return None


def images():
    for path in fixtures("Fixtures/images/*.tar"):
        data = read(path)
        add("FuzzImage", b"\0" + data)
        with tarfile.open(path) as outer:
            for member in outer.getmembers():
                if not member.isfile():
                    continue
                blob = outer.extractfile(member).read()
                try:
                    layer = tarfile.open(fileobj=io.BytesIO(blob), mode="r:*")
                except tarfile.TarError:
                    continue
                add("FuzzImage", b"\1" + blob)
                with layer:
                    for entry in layer.getmembers():
                        selector = metadata_selector(entry.name.lstrip("./"))
                        if entry.isfile() and selector is not None:
                            add("FuzzPackageMetadata", bytes([selector]) + layer.extractfile(entry).read())
                        elif entry.isfile() and entry.size < 64 << 10:
                            add("FuzzSecrets", os.path.basename(entry.name) + "\0" + layer.extractfile(entry).read().decode("latin-1"))


def go_build_info():
    """A Go 1.18+ inline build-info blob as the linker writes it, after some ELF-ish bytes."""
    def varint_string(text):
        data, length, out = text.encode(), len(text.encode()), b""
        while True:
            byte = length & 0x7F
            length >>= 7
            out += bytes([byte | (0x80 if length else 0)])
            if not length:
                return out + data
    modules = "path\texample.com/app\nmod\texample.com/app\t(devel)\t\ndep\tgolang.org/x/text\tv0.14.0\th1:abc=\n" \
              "dep\tgithub.com/old/dep\tv1.0.0\n=>\tgithub.com/new/dep\tv1.2.0\th1:def=\n"
    sentinel = b"0" * 15 + b"\n"
    header = b"\xff Go buildinf:" + bytes([8, 2]) + b"\0" * 16
    blob = header + varint_string("go1.22.1") + varint_string(sentinel.decode() + modules + "\n" + "1" * 15 + "\n")
    add("FuzzPackageMetadata", bytes([5]) + b"\x7fELF" + b"\0" * 60 + blob)


def contexts():
    for ignore in fixtures("Fixtures/contexts/**/*dockerignore") + fixtures("Fixtures/contexts/**/.dockerignore"):
        context = os.path.dirname(ignore)
        paths = [os.path.relpath(p, context) for p in glob.glob(os.path.join(context, "**", "*"), recursive=True)]
        paths += [os.path.relpath(p, context) for p in glob.glob(os.path.join(context, "**", ".*"), recursive=True)]
        add("FuzzDockerignore", read(ignore) + b"\0" + "\n".join(sorted(paths)).encode())
    for dockerfile in fixtures("Fixtures/**/*Dockerfile*"):
        if not dockerfile.endswith("dockerignore"):
            add("FuzzDockerfile", read(dockerfile))
    for path in fixtures("Fixtures/contexts/**/package*.json"):
        add("FuzzPackageMetadata", bytes([4 if path.endswith("package-lock.json") else 3]) + read(path))
    for path in fixtures("Fixtures/contexts/**/*") + fixtures("Fixtures/contexts/**/.*") + fixtures("Tests/SecretCorpus/**/*"):
        if os.path.getsize(path) < 64 << 10:
            add("FuzzSecrets", os.path.basename(path).encode() + b"\0" + read(path))


def cyclonedx():
    """Packages framed as FuzzCycloneDX reads them: subject, digest, layer digest, timestamp,
    then per package a selector and its NUL-separated fields."""
    def package(selector, *fields):
        return bytes([selector]) + b"\0".join(f.encode() for f in fields) + b"\0"
    head = "\0".join(["registry.example/app:1.0", "sha256:" + "ab" * 32, "sha256:" + "cd" * 32, "2024-01-01T00:00:00Z"]) + "\0"
    add("FuzzCycloneDX", head.encode()
        + package(0x31, "musl", "1.2.5-r0", "alpine", "arch", "x86_64", "lib/apk/db/installed", "MIT", "Natanael <n@example.org>",
                  "the musl c library", "SHA-1", "0" * 40, "todoaudit:package:origin", "musl", "so:libc.musl", "musl=1.2.5")
        + package(0x01, "libc6", "2.36-9+deb12u4", "debian", "distro", "debian-12", "var/lib/dpkg/status", "GPL-2|LGPL-2.1",
                  "GNU Libc Maintainers", "GNU C Library", "", "", "todoaudit:package:source", "glibc", "libgcc-s1", ""))
    add("FuzzCycloneDX", "os:ID=debian\nVERSION_ID=12\0".encode()
        + package(0x24, "requests", "2.32.3", "", "", "", "venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/METADATA",
                  "Apache-2.0 OR MIT", "Kenneth <k@example.org> & co", "HTTP <for humans>", "", "", "note", "\"quoted\" 'text'", "", ""))


rule_examples()
images()
go_build_info()
contexts()
cyclonedx()
for target in sorted(os.listdir(OUT)):
    print(f"{target}: {len(os.listdir(os.path.join(OUT, target)))} seeds")
