"""Writes the hostile-input corpus for HostileInputTests: python3 hostile_images.py OUTDIR.

Images (docker-archive and oci-archive tars) and Dockerfiles, each small on disk, built
fresh at test time. The tests check that `todoaudit scan` ends each with exit 0, 1 or 2
(2 with one line on stderr), within a hang guard, under 500 MB, writing nothing but its
output. Names that try to leave the image all aim at MARKER, so a test can check that no
file of that name appeared anywhere it could have been written."""
import gzip, hashlib, io, json, os, random, sys, tarfile, zlib

MARKER = "todoaudit-hostile-marker"

def member(name, data=b"", kind=tarfile.REGTYPE, mode=0o644, link=""):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.mtime, info.linkname = kind, mode, 0, link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, (io.BytesIO(data) if kind == tarfile.REGTYPE else None)

def layer(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT, encoding="utf-8", errors="surrogateescape") as t:
        for info, data in members:
            t.addfile(info, data)
    return buf.getvalue()

def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()

def config_json(diff_ids, steps):
    return json.dumps({"architecture": "amd64", "os": "linux", "config": {"User": "1000"},
                       "rootfs": {"type": "layers", "diff_ids": diff_ids},
                       "history": [{"created_by": "RUN /bin/sh -c true # buildkit"} for _ in range(steps)]}).encode()

def outer(path, members):
    """members: (name, bytes) in order, written as a plain tar."""
    with tarfile.open(path, "w", format=tarfile.GNU_FORMAT) as t:
        for name, data in members:
            info, f = member(name, data)
            t.addfile(info, f)

def image(path, layers, compress=False, tag="hostile:1", diff_ids=None, blobs=None, config=None, manifest=None, skip=()):
    """A docker-archive. `blobs` replaces the stored layer bytes, `config`/`manifest` the
    documents' bytes; names in `skip` are listed but not stored (missing blobs)."""
    diff_ids = diff_ids if diff_ids is not None else [sha(l) for l in layers]
    names = [f"l{i}/layer.tar" for i in range(len(blobs if blobs is not None else layers))]
    stored = blobs if blobs is not None else [gzip.compress(l, mtime=0) if compress else l for l in layers]
    config = config if config is not None else config_json(diff_ids, len(names))
    manifest = manifest if manifest is not None else json.dumps(
        [{"Config": "config.json", "RepoTags": [tag], "Layers": names}]).encode()
    members = [("config.json", config)] + [(n, d) for n, d in zip(names, stored) if n not in skip]
    outer(path, members + [("manifest.json", manifest)])

def oci_archive(path, layers, skip_layer=False, index=None):
    """An oci-archive (OCI layout in a tar) of uncompressed layers."""
    blobs = {}
    def blob(data):
        digest = sha(data)
        blobs[digest] = data
        return digest
    config = config_json([sha(l) for l in layers], len(layers))
    layer_digests = [sha(l) if skip_layer else blob(l) for l in layers]
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": blob(config), "size": len(config)},
                           "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": d, "size": len(l)}
                                      for d, l in zip(layer_digests, layers)]}).encode()
    manifest_digest = blob(manifest)
    if index is None:
        index = json.dumps({"schemaVersion": 2, "manifests": [
            {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest, "size": len(manifest),
             "annotations": {"org.opencontainers.image.ref.name": "hostile:1"}}]}).encode()
    members = [("oci-layout", b'{"imageLayoutVersion": "1.0.0"}'), ("index.json", index)]
    members += [("blobs/sha256/" + d.split(":")[1], data) for d, data in blobs.items()]
    outer(path, members)

def huge_header_layer():
    # A header that declares 100 GB of data, followed by nothing.
    info = tarfile.TarInfo("big.bin")
    info.size = 100 * 10**9
    return info.tobuf(format=tarfile.GNU_FORMAT)

def zero_bomb(size):
    """A gzip'd layer holding one file of `size` zero bytes, built in 1 MiB steps so the
    generator never holds it whole: (stored gzip bytes, diff_id of the tar)."""
    info = tarfile.TarInfo("zeros.bin")
    info.size, info.mtime = size, 0
    pieces = [info.tobuf(format=tarfile.GNU_FORMAT)] + [bytes(1 << 20)] * (size >> 20) + [bytes(1024)]  # + end-of-archive
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    digest = hashlib.sha256()
    out = []
    for piece in pieces:
        digest.update(piece)
        out.append(packer.compress(piece))
    out.append(packer.flush())
    return b"".join(out), "sha256:" + digest.hexdigest()

def dockerfiles(out):
    base = "FROM alpine:3.20\nUSER 1000\nHEALTHCHECK NONE\n"
    files = {
        "empty.Dockerfile": b"",
        "ten-megabyte-line.Dockerfile": (base + "RUN echo ").encode() + b"a" * 10_000_000 + b"\n",
        "continuations.Dockerfile": (base + "RUN apk add --no-cache \\\n" + "    pkg \\\n" * 100_000 + "    last\n").encode(),
        "nul-bytes.Dockerfile": (base + "RUN echo a\0b\n").encode(),
        "unterminated-heredoc.Dockerfile": (base + "RUN <<EOF\necho hi\n").encode(),
        "invalid-utf8.Dockerfile": (base + "RUN echo ").encode() + b"\xc3\x28\xff\n",
        "deep-nesting.Dockerfile": (base + "RUN " + "$(" * 5000 + "true" + ")" * 5000 + "\n").encode(),
        # A secret keyword (Twitter's run of A) at every offset of a 3 MB line.
        "keyword-run.Dockerfile": (base + "RUN echo ").encode() + b"A" * 3_000_000 + b"\n",
        # 20,000 stages, each reading the one before and a name no stage has: checks that
        # compare stages pairwise would take hours.
        "many-stages.Dockerfile": ("FROM alpine:3.20 AS s0\n" + "".join(
            f"FROM s{i - 1} AS s{i}\nCOPY --from=s{i - 1} /x /x\nCOPY --from=q{i} /y /y\n" for i in range(1, 20_000))).encode(),
    }
    for name, data in files.items():
        with open(f"{out}/{name}", "wb") as f:
            f.write(data)

def main(out):
    os.makedirs(out, exist_ok=True)
    ok = layer([member("etc/passwd", b"root:x:0:0::/root:/bin/sh\n")])
    image(f"{out}/zero-layers.tar", [])
    image(f"{out}/escaping-names.tar", [layer([member("../../" + MARKER, b"x"), member("/" + MARKER, b"y"),
                                               member("a/../../" + MARKER, b"z")])])
    image(f"{out}/links-outside.tar", [layer([member("etc/shadow", kind=tarfile.LNKTYPE, link="../../" + MARKER),
                                              member("loop1", kind=tarfile.SYMTYPE, link="loop2"),
                                              member("loop2", kind=tarfile.SYMTYPE, link="loop1"),
                                              member("self", kind=tarfile.SYMTYPE, link="self"),
                                              member("escape", kind=tarfile.SYMTYPE, link="/../../../../" + MARKER),
                                              member("escape/through", b"written through a link")])])
    image(f"{out}/devices.tar", [layer([member("dev/sda", kind=tarfile.BLKTYPE, mode=0o660),
                                        member("dev/tty0", kind=tarfile.CHRTYPE, mode=0o620),
                                        member("run/fifo", kind=tarfile.FIFOTYPE)])])
    image(f"{out}/huge-header.tar", [ok, huge_header_layer()])
    # 1 GiB of zeros in one file, gzip'd to a few MB: read in bounded memory.
    bomb, bomb_diff_id = zero_bomb(1 << 30)
    image(f"{out}/gzip-bomb.tar", [ok, b""], diff_ids=[sha(ok), bomb_diff_id], blobs=[gzip.compress(ok, mtime=0), bomb])
    deep = "/".join(["d"] * 2000) + "/f"
    image(f"{out}/deep-path.tar", [layer([member(deep, b"x")])])
    # 8 MiB of A: a secret keyword at every offset of the file.
    image(f"{out}/keyword-run.tar", [layer([member("srv/data.txt", b"A" * (8 << 20))])], compress=True)
    # Not UTF-8: a lone 0xE9 byte (Latin-1 é) and an overlong encoding.
    image(f"{out}/invalid-utf8-name.tar", [layer([member("caf\udce9.txt", b"x"), member("\udcc0\udcaf.txt", b"y")])])
    # A layer whose bytes are not what the config's diff_id promises (tampered).
    image(f"{out}/digest-mismatch.tar", [ok], diff_ids=["sha256:" + "0" * 64])
    # A gzip layer corrupted in its middle.
    big = layer([member(f"f{i}", bytes([i % 251]) * 4096) for i in range(64)])
    packed = bytearray(gzip.compress(big, mtime=0))
    for i in range(len(packed) // 2, len(packed) // 2 + 64):
        packed[i] ^= 0xFF
    image(f"{out}/corrupt-gzip-layer.tar", [big], diff_ids=[sha(big)], blobs=[bytes(packed)])
    image(f"{out}/missing-blob.tar", [ok, ok], skip=("l1/layer.tar",))
    image(f"{out}/config-not-json.tar", [ok], config=b"this is not {json")
    image(f"{out}/manifest-not-json.tar", [ok], manifest=b"\x00\x01 not json")
    image(f"{out}/manifest-empty-array.tar", [ok], manifest=b"[]")
    image(f"{out}/config-empty-arrays.tar", [ok], config=json.dumps({"rootfs": {"type": "layers", "diff_ids": []}, "history": [], "config": {"Env": [], "Cmd": []}}).encode())
    image(f"{out}/manifest-wrong-types.tar", [ok], manifest=json.dumps([{"Config": 7, "Layers": {"a": 1}}]).encode())
    oci_archive(f"{out}/oci-escaping-names.tar", [layer([member("../../" + MARKER, b"x"), member("dev/fifo", kind=tarfile.FIFOTYPE)])])
    oci_archive(f"{out}/oci-missing-blob.tar", [ok], skip_layer=True)
    oci_archive(f"{out}/oci-index-not-json.tar", [ok], index=b"{\"manifests\": [")
    oci_archive(f"{out}/oci-index-empty.tar", [ok], index=b'{"schemaVersion": 2, "manifests": []}')
    # The outer tar cut in the middle of a layer, and the outer tar gzip'd (read through a temporary directory).
    image(f"{out}/truncated-outer.tar", [ok, big])
    with open(f"{out}/truncated-outer.tar", "rb") as f:
        data = f.read()
    with open(f"{out}/truncated-outer.tar", "wb") as f:
        f.write(data[: len(data) // 2])
    image(f"{out}/escaping-compressed.tar", [layer([member("../../" + MARKER, b"x")])])
    with open(f"{out}/escaping-compressed.tar", "rb") as f:
        data = f.read()
    os.remove(f"{out}/escaping-compressed.tar")
    with open(f"{out}/escaping-compressed.tar.gz", "wb") as f:
        f.write(gzip.compress(data, mtime=0))
    with open(f"{out}/random-bytes.tar", "wb") as f:
        f.write(random.Random(9).randbytes(256 << 10))
    # Random bytes behind a gzip magic number, so they reach the image reader.
    with open(f"{out}/random-bytes.tar.gz", "wb") as f:
        f.write(b"\x1f\x8b\x08\x00" + random.Random(10).randbytes(64 << 10))
    with open(f"{out}/empty.tar", "wb") as f:
        pass
    dockerfiles(out)

if __name__ == "__main__":
    main(sys.argv[1])
