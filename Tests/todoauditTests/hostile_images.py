"""Writes hostile docker-archive images for BadImageTests: python3 hostile_images.py OUTDIR.

Each image is small on disk; the tests check that todoaudit ends with exit 0, 1 or 2 (2 with
one line on stderr), never hangs, and writes nothing outside its output."""
import gzip, hashlib, io, json, os, sys, tarfile

def member(name, data=b"", kind=tarfile.REGTYPE, mode=0o644, link=""):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.mtime, info.linkname = kind, mode, 0, link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, (io.BytesIO(data) if kind == tarfile.REGTYPE else None)

def layer(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for info, data in members:
            t.addfile(info, data)
    return buf.getvalue()

def image(path, layers, compress=False, tag="hostile:1", diff_ids=None, blobs=None):
    diff_ids = diff_ids or ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"User": "1000"},
                         "rootfs": {"type": "layers", "diff_ids": diff_ids},
                         "history": [{"created_by": "RUN /bin/sh -c true # buildkit"} for _ in layers]}).encode()
    names = [f"l{i}/layer.tar" for i in range(len(layers))]
    with tarfile.open(path, "w", format=tarfile.GNU_FORMAT) as t:
        stored = blobs or [gzip.compress(l, mtime=0) if compress else l for l in layers]
        for name, data in [("config.json", config)] + list(zip(names, stored)):
            info, f = member(name, data)
            t.addfile(info, f)
        manifest = json.dumps([{"Config": "config.json", "RepoTags": [tag], "Layers": names}]).encode()
        info, f = member("manifest.json", manifest)
        t.addfile(info, f)

def huge_header_layer():
    # A header that declares 100 GB of data, followed by nothing.
    info = tarfile.TarInfo("big.bin")
    info.size = 100 * 10**9
    return info.tobuf(format=tarfile.GNU_FORMAT)

def main(out):
    os.makedirs(out, exist_ok=True)
    ok = layer([member("etc/passwd", b"root:x:0:0::/root:/bin/sh\n")])
    image(f"{out}/zero-layers.tar", [])
    image(f"{out}/escaping-names.tar", [layer([member("../../etc/passwd", b"x"), member("/abs/file", b"y"),
                                               member("a/../../b", b"z")])])
    image(f"{out}/links-outside.tar", [layer([member("etc/shadow", kind=tarfile.LNKTYPE, link="../../etc/shadow"),
                                              member("loop1", kind=tarfile.SYMTYPE, link="loop2"),
                                              member("loop2", kind=tarfile.SYMTYPE, link="loop1"),
                                              member("escape", kind=tarfile.SYMTYPE, link="/../../../../etc/passwd")])])
    image(f"{out}/devices.tar", [layer([member("dev/sda", kind=tarfile.BLKTYPE, mode=0o660),
                                        member("dev/tty0", kind=tarfile.CHRTYPE, mode=0o620),
                                        member("run/fifo", kind=tarfile.FIFOTYPE)])])
    image(f"{out}/huge-header.tar", [ok, huge_header_layer()])
    # 256 MiB of zeros in one file, gzip'd to a fraction of a MB: read in bounded memory.
    bomb = layer([member("zeros.bin", bytes(256 << 20))])
    image(f"{out}/gzip-bomb.tar", [ok, bomb], compress=True)
    deep = "/".join(["d"] * 2000) + "/f"
    image(f"{out}/deep-path.tar", [layer([member(deep, b"x")])])
    bad_utf8 = layer([member("caf\udce9.txt".encode("utf-8", "surrogateescape").decode("latin-1"), b"x")])
    image(f"{out}/invalid-utf8-name.tar", [bad_utf8])
    # A layer whose bytes are not what the config's diff_id promises (tampered).
    image(f"{out}/digest-mismatch.tar", [ok], diff_ids=["sha256:" + "0" * 64])
    # A gzip layer corrupted in its middle.
    big = layer([member(f"f{i}", bytes([i % 251]) * 4096) for i in range(64)])
    packed = bytearray(gzip.compress(big, mtime=0))
    for i in range(len(packed) // 2, len(packed) // 2 + 64):
        packed[i] ^= 0xFF
    image(f"{out}/corrupt-gzip-layer.tar", [big], diff_ids=["sha256:" + hashlib.sha256(big).hexdigest()], blobs=[bytes(packed)])
    with open(f"{out}/random-bytes.tar", "wb") as f:
        f.write(hashlib.sha256(b"seed").digest() * 4096)

if __name__ == "__main__":
    main(sys.argv[1])
