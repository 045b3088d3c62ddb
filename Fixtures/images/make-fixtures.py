#!/usr/bin/env python3
"""Write todoaudit's small committed container-image fixtures.

    python3 Fixtures/images/make-fixtures.py [OUT_DIR]     (default: this directory)

Writes backend-good.tar (docker-archive, Docker 25+ layout) and backend-bad.tar
(oci-archive). Python 3 standard library only, and deterministic: fixed mtimes,
uid/gid and names, sorted entries, gzip with mtime=0 and no file name, compact JSON,
pseudo-random bytes from a fixed seed. Re-running gives byte-identical files (with
the same zlib; only the gzip layers of the OCI archive depend on it).

What each image holds and what a correct audit must report: README.md beside this file.
"""
import base64
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile

MTIME = 1717243200  # 2024-06-01T12:00:00Z
CREATED = "2024-06-01T12:00:00Z"
ARCH = "x86_64"

# Fake credentials, well-formed so pattern matchers fire, obviously not real.
# (Not AWS's documented AKIAIOSFODNN7EXAMPLE pair: "*example*" is a placeholder glob.)
FAKE_DB_PASSWORD_URL = "postgres://app:S3cr3tPassw0rd@db:5432/app"
FAKE_AWS_ACCESS_KEY_ID = "AKIA2TODOAUDITFAKE7Q"
FAKE_AWS_SECRET = "tOdOaUdIt/F4keSecretKey+N0tRealAbCd12345"
FAKE_GITHUB_TOKEN = "ghp_T0d0Aud1tF4keT0kenN0tRea1AbCdEf01234"
FAKE_ENV_PASSWORD = "Sup3r-S3cret-2024"
assert len(FAKE_AWS_ACCESS_KEY_ID) == 20 and FAKE_AWS_ACCESS_KEY_ID.startswith("AKIA")
assert len(FAKE_AWS_SECRET) == 40
assert len(FAKE_GITHUB_TOKEN) == 4 + 36 and FAKE_GITHUB_TOKEN[4:].isalnum()

BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
GPG_KEY = "7169605F62C751356D054A26A821E680E5FA6305"  # CPython release manager's public key id


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def cjson(obj):
    """Compact JSON in insertion order, like Go's encoding/json on Docker's structs."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def prng_bytes(seed, n):
    """Deterministic incompressible bytes."""
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:n])


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


# --------------------------------------------------------------------------- tar


class Tree:
    """A set of tar entries; parents are added as root 0755 dirs when not given."""

    def __init__(self):
        self.entries = {}

    def dir(self, path, mode=0o755, uid=0, gid=0):
        self.entries[path.strip("/")] = ("dir", mode, uid, gid, None)
        return self

    def file(self, path, data, mode=0o644, uid=0, gid=0):
        if isinstance(data, str):
            data = data.encode()
        if path.strip("/") == "etc/shadow":
            gid = 42  # root:shadow, as on Alpine
        self.entries[path.strip("/")] = ("file", mode, uid, gid, data)
        return self

    def symlink(self, path, target, uid=0, gid=0):
        self.entries[path.strip("/")] = ("symlink", 0o777, uid, gid, target)
        return self

    def whiteout(self, path):
        """Record the deletion of PATH (AUFS/OCI whiteout `.wh.<name>`)."""
        parent, _, name = path.strip("/").rpartition("/")
        wh = (parent + "/" if parent else "") + ".wh." + name
        self.entries[wh] = ("file", 0o000, 0, 0, b"")
        return self

    def _with_parents(self):
        entries = dict(self.entries)
        for path in list(entries):
            parts = path.split("/")
            for i in range(1, len(parts)):
                parent = "/".join(parts[:i])
                entries.setdefault(parent, ("dir", 0o755, 0, 0, None))
        return entries

    def own(self, prefix, uid, gid):
        """Give PREFIX and everything under it (implicit parent dirs too) to uid:gid."""
        self.entries = self._with_parents()
        for path, (kind, mode, _, _, payload) in self.entries.items():
            if path == prefix or path.startswith(prefix + "/"):
                self.entries[path] = (kind, mode, uid, gid, payload)
        return self

    def tar(self):
        entries = self._with_parents()
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
            # walk order: parents before children, siblings sorted
            for path in sorted(entries, key=lambda p: p.split("/")):
                kind, mode, uid, gid, payload = entries[path]
                ti = tarfile.TarInfo(path)
                ti.mode, ti.uid, ti.gid, ti.mtime = mode, uid, gid, MTIME
                ti.uname = ti.gname = ""
                if kind == "dir":
                    ti.type = tarfile.DIRTYPE
                    tf.addfile(ti)
                elif kind == "symlink":
                    ti.type, ti.linkname = tarfile.SYMTYPE, payload
                    tf.addfile(ti)
                else:
                    ti.size = len(payload)
                    tf.addfile(ti, io.BytesIO(payload))
        return buf.getvalue()


# ------------------------------------------------------------- apk packages


def q1(data):
    return "Q1" + base64.b64encode(hashlib.sha1(data).digest()).decode()


class Apk:
    """An installed apk package: metadata plus the files it owns (text placeholders)."""

    def __init__(self, name, version, desc, url, license_, origin, size, deps="", provides="",
                 files=None):
        self.name, self.version, self.desc, self.url = name, version, desc, url
        self.license, self.origin, self.size = license_, origin, size
        self.deps, self.provides = deps, provides
        self.files = files or []  # (path, kind, mode, payload)

    def add_to(self, tree):
        for path, kind, mode, payload in self.files:
            if kind == "symlink":
                tree.symlink(path, payload)
            else:
                tree.file(path, payload, mode=mode)

    def record(self):
        ident = f"{self.name}-{self.version}"
        lines = [
            "C:" + q1(f"control {ident}".encode()),
            f"P:{self.name}",
            f"V:{self.version}",
            f"A:{ARCH}",
            f"S:{self.size}",
            f"I:{self.size * 2 + 4096}",
            f"T:{self.desc}",
            f"U:{self.url}",
            f"L:{self.license}",
            f"o:{self.origin}",
            "m:Natanael Copa <ncopa@alpinelinux.org>",
            f"t:{MTIME - 86400 * 30}",
            "c:" + hashlib.sha1(f"aports {ident}".encode()).hexdigest(),
        ]
        if self.deps:
            lines.append(f"D:{self.deps}")
        if self.provides:
            lines.append(f"p:{self.provides}")
        by_dir = {}
        for path, kind, mode, payload in self.files:
            d, _, base = path.rpartition("/")
            by_dir.setdefault(d, []).append((base, kind, mode, payload))
        for d in sorted(by_dir):
            lines.append(f"F:{d}")
            for base, kind, mode, payload in sorted(by_dir[d]):
                lines.append(f"R:{base}")
                if kind == "symlink":
                    lines.append("a:0:0:777")
                    lines.append("Z:" + q1(payload.encode()))
                else:
                    if mode != 0o644:
                        lines.append(f"a:0:0:{mode:o}")
                    data = payload.encode() if isinstance(payload, str) else payload
                    lines.append("Z:" + q1(data))
        return "\n".join(lines) + "\n"


def placeholder(path, pkg):
    return (f"todoaudit fixture placeholder for /{path} from apk {pkg}; "
            "the real file is an ELF binary\n")


def bin_(path, pkg, mode=0o755):
    return (path, "file", mode, placeholder(path, pkg))


def text(path, content, mode=0o644):
    return (path, "file", mode, content)


def link(path, target):
    return (path, "symlink", 0o777, target)


OS_RELEASE = """NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
"""

PASSWD_BASE = """root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
"""
GROUP_BASE = """root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
"""
SHADOW_BASE = "".join(
    f"{line.split(':')[0]}:{'*' if line.startswith('root:') else '!'}::0:::::\n"
    for line in PASSWD_BASE.splitlines())

APK_REPOS = """https://dl-cdn.alpinelinux.org/alpine/v3.20/main
https://dl-cdn.alpinelinux.org/alpine/v3.20/community
"""

# Alpine 3.20 base (a subset of the 14 packages alpine:3.20 has)
MUSL = Apk("musl", "1.2.5-r0", "the musl c library (libc) implementation",
           "https://musl.libc.org/", "MIT", "musl", 411232,
           provides="so:libc.musl-x86_64.so.1=1",
           files=[bin_("lib/ld-musl-x86_64.so.1", "musl"),
                  link("lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1")])
BUSYBOX = Apk("busybox", "1.36.1-r29", "Size optimized toolbox of many common UNIX utilities",
              "https://busybox.net/", "GPL-2.0-only", "busybox", 515456,
              deps="so:libc.musl-x86_64.so.1", provides="cmd:busybox=1.36.1-r29 cmd:sh=1.36.1-r29",
              files=[bin_("bin/busybox", "busybox"),
                     text("etc/securetty", "console\ntty1\ntty2\n"),
                     text("etc/udhcpc/udhcpc.conf", "# udhcpc configuration\n")])
BUSYBOX_BINSH = Apk("busybox-binsh", "1.36.1-r29", "busybox ash /bin/sh", "https://busybox.net/",
                    "GPL-2.0-only", "busybox", 1512, deps="busybox=1.36.1-r29",
                    provides="/bin/sh cmd:sh=1.36.1-r29",
                    files=[link("bin/sh", "/bin/busybox")])
BASELAYOUT = Apk("alpine-baselayout-data", "3.6.5-r0", "Alpine base dir structure and init scripts",
                 "https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout", "GPL-2.0-only",
                 "alpine-baselayout", 11664,
                 files=[text("etc/fstab", "/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n"),
                        text("etc/hosts", "127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n"),
                        text("etc/shells", "# valid login shells\n/bin/sh\n/bin/ash\n"),
                        text("etc/passwd", PASSWD_BASE),
                        text("etc/group", GROUP_BASE),
                        text("etc/shadow", SHADOW_BASE, 0o640)])
ALPINE_RELEASE = Apk("alpine-release", "3.20.3-r0", "Alpine release data",
                     "https://alpinelinux.org", "MIT", "alpine-base", 1564,
                     files=[text("etc/alpine-release", "3.20.3\n"),
                            text("etc/issue", "Welcome to Alpine Linux 3.20\nKernel \\r on an \\m (\\l)\n\n"),
                            text("etc/os-release", OS_RELEASE)])
CA_BUNDLE = Apk("ca-certificates-bundle", "20240705-r0", "Pre generated bundle of Mozilla certificates",
                "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/",
                "MPL-2.0 AND MIT", "ca-certificates", 126319, provides="ca-certificates-cacert=20240705-r0",
                files=[text("etc/ssl/certs/ca-certificates.crt",
                            "# todoaudit fixture placeholder for Mozilla's CA bundle (no certificates here)\n")])
APK_TOOLS = Apk("apk-tools", "2.14.4-r1", "Alpine Package Keeper - package manager for alpine",
                "https://gitlab.alpinelinux.org/alpine/apk-tools", "GPL-2.0-only", "apk-tools", 120520,
                deps="musl>=1.2.3_git20230424 ca-certificates-bundle so:libc.musl-x86_64.so.1",
                provides="so:libapk.so.2.14.0=2.14.0 cmd:apk=2.14.4-r1",
                files=[bin_("sbin/apk", "apk-tools"), bin_("lib/libapk.so.2.14.0", "apk-tools")])
PYTHON3 = Apk("python3", "3.12.7-r0", "High-level scripting language", "https://www.python.org/",
              "PSF-2.0", "python3", 10772480,
              deps="so:libc.musl-x86_64.so.1 so:libpython3.12.so.1.0",
              provides="so:libpython3.12.so.1.0=1.0 cmd:python3=3.12.7-r0 cmd:python3.12=3.12.7-r0 py3.12:pip=3.12.7-r0",
              files=[bin_("usr/bin/python3.12", "python3"),
                     link("usr/bin/python3", "python3.12"),
                     bin_("usr/lib/libpython3.12.so.1.0", "python3"),
                     text("usr/lib/python3.12/os.py", '"""OS routines (todoaudit fixture stub)."""\n'),
                     text("usr/lib/python3.12/site.py", '"""site (todoaudit fixture stub)."""\n')])
LIBPQ = Apk("libpq", "16.6-r0", "PostgreSQL client library", "https://www.postgresql.org/",
            "PostgreSQL", "postgresql16", 170784,
            deps="so:libc.musl-x86_64.so.1 so:libcrypto.so.3 so:libssl.so.3",
            provides="so:libpq.so.5=5.16",
            files=[link("usr/lib/libpq.so.5", "libpq.so.5.16"), bin_("usr/lib/libpq.so.5.16", "libpq")])
GCC = Apk("gcc", "13.2.1_git20240309-r0", "The GNU Compiler Collection", "https://gcc.gnu.org",
          "GPL-2.0-or-later AND LGPL-2.1-or-later", "gcc", 28733440,
          deps="binutils>=2.42 so:libc.musl-x86_64.so.1 so:libgmp.so.10 so:libisl.so.23 so:libmpc.so.3 so:libmpfr.so.6 so:libz.so.1 so:libzstd.so.1",
          provides="cc cmd:cc=13.2.1_git20240309-r0 cmd:gcc=13.2.1_git20240309-r0 cmd:x86_64-alpine-linux-musl-gcc=13.2.1_git20240309-r0",
          files=[bin_("usr/bin/gcc", "gcc"),
                 link("usr/bin/cc", "gcc"),
                 bin_("usr/bin/x86_64-alpine-linux-musl-gcc", "gcc"),
                 bin_("usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/cc1", "gcc"),
                 bin_("usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/collect2", "gcc")])
MAKE = Apk("make", "4.4.1-r2", "GNU make utility to maintain groups of programs",
           "https://www.gnu.org/software/make", "GPL-3.0-or-later", "make", 152408,
           deps="so:libc.musl-x86_64.so.1", provides="cmd:make=4.4.1-r2",
           files=[bin_("usr/bin/make", "make")])
MUSL_DEV = Apk("musl-dev", "1.2.5-r0", "the musl c library (libc) implementation (development files)",
               "https://musl.libc.org/", "MIT", "musl", 1239392, deps="musl=1.2.5-r0",
               files=[text("usr/include/stdio.h", "#ifndef _STDIO_H\n#define _STDIO_H\n/* todoaudit fixture stub */\n#endif\n"),
                      text("usr/include/stdlib.h", "#ifndef _STDLIB_H\n#define _STDLIB_H\n/* todoaudit fixture stub */\n#endif\n"),
                      bin_("usr/lib/crt1.o", "musl-dev", 0o644),
                      bin_("usr/lib/libc.a", "musl-dev", 0o644)])

BASE_PKGS = [MUSL, BUSYBOX, BUSYBOX_BINSH, BASELAYOUT, ALPINE_RELEASE, CA_BUNDLE, APK_TOOLS]


def apk_db(tree, pkgs, world):
    tree.file("lib/apk/db/installed", "\n".join(p.record() for p in pkgs))
    tree.file("lib/apk/db/triggers", "")
    tree.file("lib/apk/db/lock", "", mode=0o600)
    tree.file("etc/apk/world", "".join(w + "\n" for w in sorted(world)))


def base_layer():
    t = Tree()
    for d in ["bin", "dev", "etc", "etc/apk", "home", "lib", "media", "mnt", "opt", "proc",
              "run", "sbin", "srv", "sys", "usr", "usr/bin", "usr/lib", "usr/local",
              "usr/local/bin", "usr/sbin", "usr/share", "var", "var/cache", "var/empty",
              "var/lib", "var/log"]:
        t.dir(d)
    t.dir("root", 0o700)
    t.dir("tmp", 0o1777)
    t.dir("var/tmp", 0o1777)
    for p in BASE_PKGS:
        p.add_to(t)
    t.file("etc/apk/repositories", APK_REPOS)
    t.file("etc/hostname", "localhost\n")
    apk_db(t, BASE_PKGS, ["alpine-baselayout-data", "alpine-release", "apk-tools", "busybox",
                          "ca-certificates-bundle", "musl"])
    return t.tar()


def python_layer():
    t = Tree()
    PYTHON3.add_to(t)
    t.dir("usr/lib/python3.12/site-packages")
    apk_db(t, BASE_PKGS + [PYTHON3], ["alpine-baselayout-data", "alpine-release", "apk-tools",
                                      "busybox", "ca-certificates-bundle", "musl", "python3"])
    return t.tar()


PYTHON_BASE_HISTORY = [
    # (created_by, empty_layer) — python:3.12-alpine-like base, collapsed
    ("ADD-BASE", False),
    ('/bin/sh -c #(nop)  CMD ["/bin/sh"]', True),
    (f"ENV PATH={BASE_PATH}", True),
    ("ENV LANG=C.UTF-8", True),
    (f"ENV GPG_KEY={GPG_KEY}", True),
    ("ENV PYTHON_VERSION=3.12.7", True),
    ("RUN /bin/sh -c apk add --no-cache python3 # buildkit", False),
    ('CMD ["python3"]', True),
]
PYTHON_BASE_ENV = [f"PATH={BASE_PATH}", "LANG=C.UTF-8", f"GPG_KEY={GPG_KEY}",
                   "PYTHON_VERSION=3.12.7"]


def history(steps, base_layer_hex):
    out = []
    for created_by, empty in steps:
        if created_by == "ADD-BASE":
            created_by = f"/bin/sh -c #(nop) ADD file:{base_layer_hex} in / "
            h = {"created": CREATED, "created_by": created_by}
        else:
            h = {"created": CREATED, "created_by": created_by}
            if not created_by.startswith("/bin/sh -c #(nop)"):
                h["comment"] = "buildkit.dockerfile.v0"
        if empty:
            h["empty_layer"] = True
        out.append(h)
    return out


def image_config(config, hist, diff_ids):
    assert sum(1 for h in hist if not h.get("empty_layer")) == len(diff_ids)
    return cjson({
        "architecture": "amd64",
        "config": config,
        "created": CREATED,
        "history": hist,
        "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + d for d in diff_ids]},
    })


METADATA = {
    "fastapi": ("0.115.0", "FastAPI framework, high performance, easy to learn, fast to code, ready for production",
                ["starlette<0.39.0,>=0.37.2", "pydantic!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0,>=1.7.4",
                 "typing-extensions>=4.8.0"], "MIT"),
    "starlette": ("0.38.6", "The little ASGI library that shines.", ["anyio<5,>=3.4.0"], "BSD-3-Clause"),
    "uvicorn": ("0.32.0", "The lightning-fast ASGI server.", ["click>=7.0", "h11>=0.8"], "BSD-3-Clause"),
    "pydantic": ("2.9.2", "Data validation using Python type hints",
                 ["annotated-types>=0.6.0", "pydantic-core==2.23.4", "typing-extensions>=4.6.1"], "MIT"),
}


def dist_info(tree, site, name, installer, uid=0, gid=0):
    version, summary, requires, lic = METADATA[name]
    di = f"{site}/{name}-{version}.dist-info"
    meta = (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: {summary}\n"
            f"License: {lic}\nRequires-Python: >=3.8\n"
            + "".join(f"Requires-Dist: {r}\n" for r in requires))
    tree.file(f"{di}/METADATA", meta, uid=uid, gid=gid)
    tree.file(f"{di}/INSTALLER", installer + "\n", uid=uid, gid=gid)
    tree.file(f"{site}/{name}/__init__.py", f'"""{name} (todoaudit fixture stub)"""\n__version__ = "{version}"\n',
              uid=uid, gid=gid)
    tree.file(f"{di}/RECORD",
              f"{name}/__init__.py,,\n{name}-{version}.dist-info/METADATA,,\n"
              f"{name}-{version}.dist-info/INSTALLER,,\n{name}-{version}.dist-info/RECORD,,\n",
              uid=uid, gid=gid)


MAIN_PY = '''from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/todos")
def todos() -> list[dict[str, str]]:
    return [{"id": "1", "title": "audit the image"}]
'''


# ------------------------------------------------------------------ backend-good


def backend_good():
    l1 = base_layer()
    l2 = python_layer()

    t3 = Tree()
    LIBPQ.add_to(t3)
    apk_db(t3, BASE_PKGS + [PYTHON3, LIBPQ],
           ["alpine-baselayout-data", "alpine-release", "apk-tools", "busybox",
            "ca-certificates-bundle", "libpq", "musl", "python3"])
    t3.file("etc/passwd", PASSWD_BASE + "fastapi:x:1001:1001::/home/fastapi:/sbin/nologin\n")
    t3.file("etc/group", GROUP_BASE + "fastapi:x:1001:\n")
    t3.file("etc/shadow", SHADOW_BASE + "fastapi:!:19875:0:99999:7:::\n", mode=0o640)
    t3.dir("home/fastapi", 0o755, 1001, 1001)
    l3 = t3.tar()

    t4 = Tree()
    U = dict(uid=1001, gid=1001)
    t4.dir("app", **U)
    t4.file("app/main.py", MAIN_PY, **U)
    t4.file("app/pyproject.toml",
            '[project]\nname = "todo-backend"\nversion = "1.0.0"\nrequires-python = ">=3.12"\n'
            'dependencies = ["fastapi==0.115.0", "uvicorn==0.32.0", "psycopg[c]>=3.2"]\n', **U)
    venv = "app/.venv"
    for d in [venv, f"{venv}/bin", f"{venv}/lib", f"{venv}/lib/python3.12",
              f"{venv}/lib/python3.12/site-packages"]:
        t4.dir(d, **U)
    t4.file(f"{venv}/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\n"
            "version_info = 3.12.7\nuv = 0.4.30\n", **U)
    t4.symlink(f"{venv}/bin/python", "/usr/bin/python3.12", **U)
    t4.symlink(f"{venv}/bin/python3", "python", **U)
    t4.file(f"{venv}/bin/uvicorn", "#!/app/.venv/bin/python\nimport sys\nfrom uvicorn.main import main\n"
            "if __name__ == \"__main__\":\n    sys.exit(main())\n", mode=0o755, **U)
    site = f"{venv}/lib/python3.12/site-packages"
    for name in ["fastapi", "starlette", "uvicorn", "pydantic"]:
        dist_info(t4, site, name, "uv", **U)
    t4.own("app", 1001, 1001)  # COPY --chown=fastapi:fastapi: every entry, dirs too
    l4 = t4.tar()

    layers = [l1, l2, l3, l4]
    diff_ids = [sha256(l) for l in layers]
    steps = PYTHON_BASE_HISTORY + [
        ("RUN /bin/sh -c apk add --no-cache libpq  && addgroup -S -g 1001 fastapi  "
         "&& adduser -S -u 1001 -G fastapi fastapi # buildkit", False),
        ("WORKDIR /app", True),
        ("COPY /app /app # buildkit", False),
        ("ENV PATH=/app/.venv/bin:" + BASE_PATH + " PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1", True),
        ("USER fastapi", True),
        ("EXPOSE map[8000/tcp:{}]", True),
        ('CMD ["uvicorn" "main:app" "--host" "0.0.0.0" "--port" "8000"]', True),
    ]
    config = {
        "User": "fastapi",
        "ExposedPorts": {"8000/tcp": {}},
        "Env": ["PATH=/app/.venv/bin:" + BASE_PATH, "LANG=C.UTF-8", f"GPG_KEY={GPG_KEY}",
                "PYTHON_VERSION=3.12.7", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1"],
        "Cmd": ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"],
        "WorkingDir": "/app",
    }
    cfg = image_config(config, history(steps, diff_ids[0]), diff_ids)
    return write_docker_archive("todo/backend", "good", cfg, layers)


def write_docker_archive(repo, tag, cfg, layers):
    """docker save layout of Docker 25+: an OCI layout plus manifest.json/repositories,
    layers uncompressed (blob digest == diff_id)."""
    blobs = {}
    cfg_hex = sha256(cfg)
    blobs[cfg_hex] = cfg
    layer_hex = []
    for layer in layers:
        h = sha256(layer)
        blobs[h] = layer
        layer_hex.append(h)
    manifest = cjson({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                   "digest": "sha256:" + cfg_hex, "size": len(cfg)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar",
                    "digest": "sha256:" + h, "size": len(blobs[h])} for h in layer_hex],
    })
    man_hex = sha256(manifest)
    blobs[man_hex] = manifest
    index = cjson({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "sha256:" + man_hex, "size": len(manifest),
            "annotations": {"io.containerd.image.name": f"docker.io/{repo}:{tag}",
                            "org.opencontainers.image.ref.name": tag},
        }],
    })
    docker_manifest = cjson([{
        "Config": "blobs/sha256/" + cfg_hex,
        "RepoTags": [f"{repo}:{tag}"],
        "Layers": ["blobs/sha256/" + h for h in layer_hex],
    }])
    repositories = cjson({repo: {tag: layer_hex[-1]}})
    t = Tree()
    t.dir("blobs")
    t.dir("blobs/sha256")
    for h, data in blobs.items():
        t.file("blobs/sha256/" + h, data)
    t.file("index.json", index)
    t.file("manifest.json", docker_manifest)
    t.file("oci-layout", cjson({"imageLayoutVersion": "1.0.0"}))
    t.file("repositories", repositories)
    return t.tar()


# ------------------------------------------------------------------- backend-bad


def apkindex_cache(repo_name):
    """A few KB of a real-looking APKINDEX.tar.gz as `apk update` leaves in /var/cache/apk."""
    records = []
    for i in range(60):
        name = f"{repo_name}-pkg{i:03d}"
        c = "Q1" + base64.b64encode(prng_bytes(f"{repo_name}/{i}", 20)).decode()
        records.append(f"C:{c}\nP:{name}\nV:1.{i}.0-r0\nA:{ARCH}\nS:{1000 + i * 37}\n"
                       f"I:{4096 + i * 91}\nT:{name} package\nU:https://alpinelinux.org\nL:MIT\n"
                       f"o:{name}\nm:Natanael Copa <ncopa@alpinelinux.org>\nt:{MTIME - i * 3600}\n"
                       f"c:{prng_bytes('commit' + name, 20).hex()}\n")
    t = Tree()
    t.file("DESCRIPTION", f"v3.20.3-0-g{prng_bytes(repo_name, 5).hex()[:10]}\n")
    t.file("APKINDEX", "\n".join(records))
    return gz(t.tar())


def backend_bad():
    l1 = base_layer()
    l2 = python_layer()

    # apk update && apk add libpq gcc make musl-dev, with a token passed as a build arg
    t3 = Tree()
    for p in (LIBPQ, GCC, MAKE, MUSL_DEV):
        p.add_to(t3)
    apk_db(t3, BASE_PKGS + [PYTHON3, LIBPQ, GCC, MAKE, MUSL_DEV],
           ["alpine-baselayout-data", "alpine-release", "apk-tools", "busybox",
            "ca-certificates-bundle", "gcc", "libpq", "make", "musl", "musl-dev", "python3"])
    t3.file("var/cache/apk/APKINDEX.13a7b4a7.tar.gz", apkindex_cache("main"))
    t3.file("var/cache/apk/APKINDEX.c1f8ec7e.tar.gz", apkindex_cache("community"))
    l3 = t3.tar()

    # pip install without --no-cache-dir into the system site-packages, as root
    t4 = Tree()
    site = "usr/lib/python3.12/site-packages"
    for name in ["fastapi", "starlette", "uvicorn", "pydantic"]:
        dist_info(t4, site, name, "pip")
    t4.dir("root/.cache", 0o755)
    t4.dir("root/.cache/pip", 0o755)
    for i, name in enumerate(["fastapi", "starlette", "uvicorn"]):
        key = hashlib.sha224(f"https://files.pythonhosted.org/{name}".encode()).hexdigest()
        d = "root/.cache/pip/http-v2/" + "/".join(key[:5])
        t4.file(f"{d}/{key}", prng_bytes("pip-meta" + name, 600), mode=0o600)
        t4.file(f"{d}/{key}.body", prng_bytes("pip-body" + name, 1400 + 300 * i), mode=0o600)
    t4.file("root/.cache/pip/selfcheck/241e69162522ccb5846a2f5ebb3a6b4e8bd1e1c7e3a4f3d2a1b0c9d8.json",
            '{"key":"/usr","last_check":"2024-06-01T12:00:00Z","pypi_version":"24.2"}', mode=0o600)
    l4 = t4.tar()

    # COPY . /app (no .dockerignore): the .env goes in
    t5 = Tree()
    t5.dir("app")
    t5.file("app/main.py", MAIN_PY)
    t5.file("app/requirements.txt", "fastapi==0.115.0\nuvicorn==0.32.0\n")
    t5.file("app/.env", "# local settings\n"
            f"DATABASE_URL={FAKE_DB_PASSWORD_URL}\n"
            f"AWS_ACCESS_KEY_ID={FAKE_AWS_ACCESS_KEY_ID}\n"
            f"AWS_SECRET_ACCESS_KEY={FAKE_AWS_SECRET}\n")
    t5.dir("app/uploads", 0o777)
    t5.file("app/bin/helper", "#!/bin/sh\n# runs maintenance tasks as root\nexec /bin/busybox \"$@\"\n",
            mode=0o755)
    l5 = t5.tar()

    # RUN rm /app/.env && install -m 4755 ...: the secret is deleted, but layer 5 keeps it
    t6 = Tree()
    t6.dir("app")
    t6.whiteout("app/.env")
    t6.file("usr/local/bin/helper", "#!/bin/sh\n# runs maintenance tasks as root\nexec /bin/busybox \"$@\"\n",
            mode=0o4755)
    l6 = t6.tar()

    layers = [l1, l2, l3, l4, l5, l6]
    diff_ids = [sha256(l) for l in layers]
    steps = PYTHON_BASE_HISTORY + [
        (f"RUN |1 GITHUB_TOKEN={FAKE_GITHUB_TOKEN} /bin/sh -c apk update "
         "&& apk add libpq gcc make musl-dev # buildkit", False),
        (f"ENV DB_PASSWORD={FAKE_ENV_PASSWORD}", True),
        ("RUN /bin/sh -c pip install --break-system-packages fastapi==0.115.0 uvicorn==0.32.0 # buildkit",
         False),
        ("WORKDIR /app", True),
        ("COPY . /app # buildkit", False),
        ("RUN /bin/sh -c rm -f /app/.env  && install -m 4755 /app/bin/helper /usr/local/bin/helper # buildkit",
         False),
        ("EXPOSE map[8000/tcp:{}]", True),
        ('CMD ["uvicorn" "main:app" "--host" "0.0.0.0"]', True),
    ]
    config = {
        "ExposedPorts": {"8000/tcp": {}},
        "Env": PYTHON_BASE_ENV + [f"DB_PASSWORD={FAKE_ENV_PASSWORD}"],
        "Cmd": ["uvicorn", "main:app", "--host", "0.0.0.0"],
        "WorkingDir": "/app",
    }
    cfg = image_config(config, history(steps, diff_ids[0]), diff_ids)
    return write_oci_archive("todo/backend", "bad", cfg, layers)


def write_oci_archive(repo, tag, cfg, layers):
    """OCI image layout in a tar (what `skopeo copy ... oci-archive:` and buildx
    `--output type=oci` write), gzip layers."""
    blobs = {}
    cfg_hex = sha256(cfg)
    blobs[cfg_hex] = cfg
    descs = []
    for layer in layers:
        z = gz(layer)
        h = sha256(z)
        blobs[h] = z
        descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                      "digest": "sha256:" + h, "size": len(z)})
    manifest = cjson({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                   "digest": "sha256:" + cfg_hex, "size": len(cfg)},
        "layers": descs,
    })
    man_hex = sha256(manifest)
    blobs[man_hex] = manifest
    index = cjson({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "sha256:" + man_hex, "size": len(manifest),
            "annotations": {"io.containerd.image.name": f"docker.io/{repo}:{tag}",
                            "org.opencontainers.image.ref.name": tag},
        }],
    })
    t = Tree()
    t.dir("blobs")
    t.dir("blobs/sha256")
    for h, data in blobs.items():
        t.file("blobs/sha256/" + h, data)
    t.file("index.json", index)
    t.file("oci-layout", cjson({"imageLayoutVersion": "1.0.0"}))
    return t.tar()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    for name, data in [("backend-good.tar", backend_good()), ("backend-bad.tar", backend_bad())]:
        path = os.path.join(out, name)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        print(f"{path}\t{len(data)} bytes\tsha256:{sha256(data)}")


if __name__ == "__main__":
    main()
