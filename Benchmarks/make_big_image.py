#!/usr/bin/env python3
"""Writes a large, deterministic container image for the image-scan benchmark.

    python3 Benchmarks/make_big_image.py OUTDIR [--small N] [--big N] [--big-mb N] [--no-gzip]

Writes into OUTDIR:
  big.tar      docker-archive (manifest.json, config with the right diff_ids), uncompressed layers
  big.oci.tar  oci-archive (oci-layout, index.json, manifest, config), the same layers gzipped
               (skipped with --no-gzip)

Layers: the small files spread over three layers (1-8 KB each, mostly text that looks like
source and config files, some binary), one layer of a few large files (pseudo-random bytes,
--big-mb MB each, cheap to make: a 1 MiB random block read at a shifting offset), and a last
small layer that deletes and rewrites a few files (whiteouts), as real images do. Same
arguments, same bytes: fixed seed, fixed mtimes, uid/gid 0, gzip without name or time.
Python standard library only.
"""
import argparse
import hashlib
import io
import json
import os
import random
import sys
import tarfile
import zlib

MTIME = 1700000000
SEED = 20241124
MiB = 1 << 20


class HashingWriter:
    """A file that hashes and counts what is written to it."""

    def __init__(self, path):
        self.f = open(path, "wb")
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, b):
        self.sha.update(b)
        self.size += len(b)
        return self.f.write(b)

    def close(self):
        self.f.close()

    def digest(self):
        return "sha256:" + self.sha.hexdigest()


class Generated(io.RawIOBase):
    """`size` pseudo-random bytes: the random block read from an offset that shifts per MiB."""

    def __init__(self, block, size, salt):
        self.block, self.left, self.pos, self.salt = block, size, 0, salt

    def readable(self):
        return True

    def read(self, n=-1):
        if n is None or n < 0 or n > self.left:
            n = self.left
        out = bytearray()
        while len(out) < n:
            mib, within = divmod(self.pos, MiB)
            start = (within + mib * 7919 + self.salt * 104729) % MiB
            take = min(n - len(out), MiB - within, MiB - start)
            out += self.block[start:start + take]
            self.pos += take
        self.left -= n
        return bytes(out)


def info(name, size=0, kind=tarfile.REGTYPE, mode=0o644):
    ti = tarfile.TarInfo(name)
    ti.size, ti.type, ti.mode, ti.mtime = size, kind, mode, MTIME
    ti.uid = ti.gid = 0
    ti.uname = ti.gname = "root"
    return ti


def text_corpus(rng, size):
    words = ["def", "return", "import", "class", "self", "value", "config", "server", "port", "name",
             "list", "for", "in", "if", "else", "true", "false", "null", "path", "user", "data",
             "request", "response", "error", "log", "version", "module", "package", "test", "main",
             "int", "string", "func", "var", "let", "const", "public", "static", "void", "struct"]
    out, n = [], 0
    while n < size:
        line = "    " * rng.randrange(4) + " ".join(rng.choice(words) for _ in range(rng.randrange(2, 12))) + "\n"
        out.append(line)
        n += len(line)
    return "".join(out).encode()[:size]


def small_layer(tw, rng, text, binary, first, count, top):
    """`count` files of 1-8 KB under /`top`, 200 per directory, with their directories."""
    dirs = set()
    exts = [".py", ".js", ".go", ".json", ".yaml", ".txt", ".md", ".conf", ".so", ".bin"]
    for i in range(first, first + count):
        d = f"{top}/pkg{(i - first) // 2000:03d}/mod{(i - first) // 200:05d}"
        parts = d.split("/")
        for k in range(1, len(parts) + 1):
            p = "/".join(parts[:k])
            if p not in dirs:
                dirs.add(p)
                tw.addfile(info(p + "/", kind=tarfile.DIRTYPE, mode=0o755))
        ext = exts[i % len(exts)]
        size = rng.randrange(1024, 8193)
        src = binary if ext in (".so", ".bin") else text
        start = rng.randrange(0, len(src) - size)
        tw.addfile(info(f"{d}/file{i:06d}{ext}", size), io.BytesIO(src[start:start + size]))


def write_layer(path, fill):
    w = HashingWriter(path)
    with tarfile.open(fileobj=w, mode="w|", format=tarfile.PAX_FORMAT) as tw:
        fill(tw)
    w.close()
    return w.digest(), w.size


def gzip_file(src, dst):
    w = HashingWriter(dst)
    z = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip header without name, mtime 0
    with open(src, "rb") as f:
        while chunk := f.read(4 * MiB):
            w.write(z.compress(chunk))
    w.write(z.flush())
    w.close()
    return w.digest(), w.size


def add_file(tw, name, path):
    ti = info(name, os.path.getsize(path))
    with open(path, "rb") as f:
        tw.addfile(ti, f)


def add_bytes(tw, name, data):
    tw.addfile(info(name, len(data)), io.BytesIO(data))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--small", type=int, default=150_000, help="number of 1-8 KB files (default 150000)")
    ap.add_argument("--big", type=int, default=3, help="number of large files (default 3)")
    ap.add_argument("--big-mb", type=int, default=100, help="size of each large file in MB (default 100)")
    ap.add_argument("--no-gzip", action="store_true", help="write only the uncompressed docker-archive")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    tmp = os.path.join(a.outdir, "big-layers.tmp")
    os.makedirs(tmp, exist_ok=True)

    rng = random.Random(SEED)
    text = text_corpus(rng, 4 * MiB)
    binary = rng.randbytes(MiB)
    block = rng.randbytes(MiB)

    third = a.small // 3
    fills = [
        ("COPY vendor/ /opt/vendor/ (part 1)", lambda tw: base_layer(tw, rng, text, binary, 0, third)),
        ("COPY vendor/ /opt/vendor/ (part 2)", lambda tw: small_layer(tw, rng, text, binary, third, third, "opt/vendor2")),
        ("COPY src/ /srv/app/", lambda tw: small_layer(tw, rng, text, binary, 2 * third, a.small - 2 * third, "srv/app")),
        ("COPY data/ /data/", lambda tw: big_layer(tw, block, a.big, a.big_mb)),
        ("RUN rm -rf /opt/vendor2/pkg000 && echo tuned >/etc/app.conf", whiteout_layer),
    ]

    layers = []  # (created_by, tar path, diff_id, size)
    for i, (created_by, fill) in enumerate(fills):
        path = os.path.join(tmp, f"layer{i}.tar")
        diff_id, size = write_layer(path, fill)
        layers.append((created_by, path, diff_id, size))
        print(f"layer {i + 1}: {size / MiB:.0f} MiB  {diff_id}", file=sys.stderr)

    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": "2024-11-24T00:00:00Z",
        "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                   "Cmd": ["/srv/app/run"], "User": "1000:1000", "WorkingDir": "/srv/app"},
        "rootfs": {"type": "layers", "diff_ids": [d for _, _, d, _ in layers]},
        "history": [{"created": "2024-11-24T00:00:00Z", "created_by": c} for c, _, _, _ in layers],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_hex = hashlib.sha256(config_bytes).hexdigest()

    # docker-archive, uncompressed layers: <diff_id hex>/layer.tar
    out = os.path.join(a.outdir, "big.tar")
    with tarfile.open(out + ".part", "w", format=tarfile.PAX_FORMAT) as tw:
        names = []
        for _, path, diff_id, _ in layers:
            hexid = diff_id.split(":")[1]
            tw.addfile(info(hexid + "/", kind=tarfile.DIRTYPE, mode=0o755))
            add_file(tw, f"{hexid}/layer.tar", path)
            names.append(f"{hexid}/layer.tar")
        add_bytes(tw, f"{config_hex}.json", config_bytes)
        manifest = [{"Config": f"{config_hex}.json", "RepoTags": ["bench/big:1"], "Layers": names}]
        add_bytes(tw, "manifest.json", json.dumps(manifest).encode())
    os.replace(out + ".part", out)
    print(f"wrote {out} ({os.path.getsize(out) / MiB:.0f} MiB)", file=sys.stderr)

    if not a.no_gzip:
        # oci-archive, gzip layers
        out = os.path.join(a.outdir, "big.oci.tar")
        with tarfile.open(out + ".part", "w", format=tarfile.PAX_FORMAT) as tw:
            # Directory entries too: syft (stereoscope) unpacks the archive and needs them.
            tw.addfile(info("blobs/", kind=tarfile.DIRTYPE, mode=0o755))
            tw.addfile(info("blobs/sha256/", kind=tarfile.DIRTYPE, mode=0o755))
            add_bytes(tw, "oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
            descs = []
            for i, (_, path, _, _) in enumerate(layers):
                gz = path + ".gz"
                digest, size = gzip_file(path, gz)
                add_file(tw, "blobs/sha256/" + digest.split(":")[1], gz)
                os.remove(gz)
                descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": size})
                print(f"layer {i + 1} gzip: {size / MiB:.0f} MiB", file=sys.stderr)
            add_bytes(tw, "blobs/sha256/" + config_hex, config_bytes)
            man = json.dumps({
                "schemaVersion": 2,
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                           "digest": "sha256:" + config_hex, "size": len(config_bytes)},
                "layers": descs,
            }, sort_keys=True).encode()
            man_hex = hashlib.sha256(man).hexdigest()
            add_bytes(tw, "blobs/sha256/" + man_hex, man)
            index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                     "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
                                    "digest": "sha256:" + man_hex, "size": len(man),
                                    "annotations": {"org.opencontainers.image.ref.name": "1"}}]}
            add_bytes(tw, "index.json", json.dumps(index).encode())
        os.replace(out + ".part", out)
        print(f"wrote {out} ({os.path.getsize(out) / MiB:.0f} MiB)", file=sys.stderr)

    for _, path, _, _ in layers:
        os.remove(path)
    os.rmdir(tmp)


def base_layer(tw, rng, text, binary, first, count):
    """A thin OS skeleton (so the auditor has its usual files) plus the first third of the small files."""
    for d in ("etc", "usr", "usr/bin", "srv", "data", "opt"):
        tw.addfile(info(d + "/", kind=tarfile.DIRTYPE, mode=0o755))
    add_bytes(tw, "etc/os-release", b'PRETTY_NAME="Benchmark Linux 1"\nID=benchlinux\nVERSION_ID="1"\n')
    add_bytes(tw, "etc/passwd", b"root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/srv/app:/bin/sh\n")
    add_bytes(tw, "etc/group", b"root:x:0:\napp:x:1000:\n")
    add_bytes(tw, "etc/app.conf", b"mode=default\n")
    small_layer(tw, rng, text, binary, first, count, "opt/vendor")


def big_layer(tw, block, count, mb):
    for i in range(count):
        size = mb * 1000 * 1000
        tw.addfile(info(f"data/blob{i}.bin", size), Generated(block, size, i + 1))


def whiteout_layer(tw):
    tw.addfile(info("opt/", kind=tarfile.DIRTYPE, mode=0o755))
    tw.addfile(info("opt/vendor2/", kind=tarfile.DIRTYPE, mode=0o755))
    add_bytes(tw, "opt/vendor2/.wh.pkg000", b"")
    tw.addfile(info("etc/", kind=tarfile.DIRTYPE, mode=0o755))
    add_bytes(tw, "etc/app.conf", b"mode=tuned\n")


if __name__ == "__main__":
    main()
