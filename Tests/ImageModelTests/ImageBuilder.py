"""Writes small container images by hand, the way docker save / buildx / skopeo lay them
out, for the ImageModel tests. Usage: ImageBuilder.py SCENARIO OUT (OUT: file or dir)."""
import gzip, hashlib, io, json, os, shutil, subprocess, sys, tarfile

def layer(entries):
    """entries: (name, kind, payload, mode); kind file|dir|symlink|hardlink."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, kind, payload, mode in entries:
            info = tarfile.TarInfo(name)
            info.mode = mode
            info.mtime = 1700000000
            if kind == "file":
                data = payload if isinstance(payload, bytes) else payload.encode()
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
                continue
            if kind == "dir":
                info.type = tarfile.DIRTYPE
            elif kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, payload
            elif kind == "hardlink":
                info.type, info.linkname = tarfile.LNKTYPE, payload
            t.addfile(info)
    return buf.getvalue()

def f(name, data, mode=0o644): return (name, "file", data, mode)
def d(name, mode=0o755): return (name, "dir", None, mode)
def sym(name, target): return (name, "symlink", target, 0o777)

def sha(b): return "sha256:" + hashlib.sha256(b).hexdigest()

def zstd(data):
    return subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout

def config(diff_ids, history, **cfg):
    return json.dumps({
        "architecture": cfg.pop("arch", "amd64"), "os": "linux", "created": "2024-01-02T03:04:05Z",
        "config": cfg, "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": history,
    }).encode()

def write_tar(out, members):
    """members: list of (name, bytes | ('symlink', target)), in order."""
    with tarfile.open(out, "w") as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.mtime = 1700000000
            if isinstance(data, tuple):
                info.type, info.linkname = tarfile.SYMTYPE, data[1]
                t.addfile(info)
            else:
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))

# The three layers of the main test image: whiteouts, an opaque dir, an overwrite,
# an escaping name, a symlink loop, a setuid file.
L1 = layer([
    d("./"), d("etc"), f("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"), d("app"), f("app/old.txt", "x" * 100),
    d("app/dir"), f("app/dir/a", "aaaa"), f("app/dir/b", "bb"), d("bin"), f("bin/sh", "\x7fELF", 0o755),
])
L2 = layer([
    f("app/.wh.old.txt", ""), d("app/dir"), f("app/dir/.wh..wh..opq", ""), f("app/dir/c", "ccc"),
    f("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n"),
    f("./tmp/secret.env", "TOKEN=abc"), f("usr/bin/su", "su", 0o4755),
])
L3 = layer([
    f("tmp/.wh.secret.env", ""), f("../../etc/passwd", "evil"), sym("loop1", "loop2"), sym("loop2", "loop1"),
    ("app/dir/hard", "hardlink", "app/dir/c", 0o644),
])
HISTORY = [
    {"created_by": "/bin/sh -c #(nop) ADD file:abc in / "},
    {"created_by": "/bin/sh -c #(nop)  ENV A=b", "empty_layer": True},
    {"created_by": "RUN /bin/sh -c make # buildkit"},
    {"created_by": "/bin/sh -c #(nop)  USER app", "empty_layer": True},
    {"created_by": "RUN /bin/sh -c rm /tmp/secret.env # buildkit"},
]
CFG = dict(User="app", Env=["PATH=/usr/bin", "A=b=c"], Entrypoint=["/bin/sh", "-c"], Cmd=["run"],
           Healthcheck={"Test": ["CMD", "true"]}, ExposedPorts={"8080/tcp": {}, "53/udp": {}},
           Labels={"org.opencontainers.image.title": "app"}, WorkingDir="/app")

def docker_legacy(out, manifest_last=True, config_bytes=None, multi=False):
    layers = [L1, L2, L3]
    cfg = config_bytes or config([sha(l) for l in layers], HISTORY, **CFG)
    cfg_name = hashlib.sha256(cfg).hexdigest() + ".json"
    ids = ["1" * 64, "2" * 64, "3" * 64]
    members = [(f"{i}/layer.tar", l) for i, l in zip(ids, layers)]
    manifest = [{"Config": cfg_name, "RepoTags": ["todo/app:1"], "Layers": [f"{i}/layer.tar" for i in ids]}]
    members.append((cfg_name, cfg))
    if multi:
        # A second image sharing the base layer, which docker save stores as a symlink.
        base2 = layer([f("hello", "world")])
        cfg2 = config([sha(L1), sha(base2)], [{"created_by": "base"}, {"created_by": "COPY hello /"}], User="root")
        cfg2_name = hashlib.sha256(cfg2).hexdigest() + ".json"
        members += [("4" * 64 + "/layer.tar", ("symlink", "../" + ids[0] + "/layer.tar")), ("5" * 64 + "/layer.tar", base2),
                    (cfg2_name, cfg2)]
        manifest.append({"Config": cfg2_name, "RepoTags": ["todo/other:2", "todo/other:latest"],
                         "Layers": ["4" * 64 + "/layer.tar", "5" * 64 + "/layer.tar"]})
    item = ("manifest.json", json.dumps(manifest).encode())
    members = members + [item] if manifest_last else [item] + members
    write_tar(out, members)

def oci(out, directory=False, mismatch=False, missing=False, docker25=False, compress_outer=False):
    blobs = {}
    def put(b):
        blobs[sha(b)] = b
        return sha(b)
    # amd64: gzip base, zstd top (uncompressed when docker save writes it).
    la = layer([d("etc"), f("etc/os-release", 'ID=alpine\nVERSION_ID="3.19"\n'), f("etc/passwd", "root:x:0:0::/root:/bin/sh\n")])
    lb = layer([f("app/main.py", "print('hi')\n"), f("etc/.wh.os-release", "")])
    if docker25:
        stored = [(la, "application/vnd.oci.image.layer.v1.tar"), (lb, "application/vnd.oci.image.layer.v1.tar")]
    else:
        stored = [(gzip.compress(la, mtime=0), "application/vnd.oci.image.layer.v1.tar+gzip"),
                  (zstd(lb), "application/vnd.oci.image.layer.v1.tar+zstd")]
    diff_ids = [sha(la), sha(lb)]
    if mismatch:
        diff_ids[1] = "sha256:" + "0" * 64
    cfg = config(diff_ids, [{"created_by": "ADD rootfs"}, {"created_by": "COPY app /app"}], User="1000", Cmd=["python3"])
    layer_descs = []
    for data, media in stored:
        digest = put(data)
        layer_descs.append({"mediaType": media, "digest": digest, "size": len(data)})
    if mismatch:
        # The blob stored under the name the manifest uses is not what the name promises.
        wrong = "sha256:" + "f" * 64
        blobs[wrong] = blobs.pop(layer_descs[0]["digest"])
        layer_descs[0]["digest"] = wrong
    if missing:
        layer_descs.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + "a" * 64, "size": 10})
    def manifest(cfg_bytes, layers):
        return json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(cfg_bytes), "size": len(cfg_bytes)},
                           "layers": layers}).encode()
    amd = manifest(cfg, layer_descs)
    # arm64: one small layer.
    larm = layer([f("etc/arch", "arm64")])
    arm = manifest(config([sha(larm)], [{"created_by": "ADD arm"}], arch="arm64"),
                   [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": put(larm), "size": len(larm)}])
    # A BuildKit provenance attestation.
    intoto = b'{"_type":"https://in-toto.io/Statement/v0.1"}'
    att = manifest(b"{}", [{"mediaType": "application/vnd.in-toto+json", "digest": put(intoto), "size": len(intoto)}])
    nested = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(amd), "size": len(amd), "platform": {"os": "linux", "architecture": "amd64"}},
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(arm), "size": len(arm), "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}},
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": put(att), "size": len(att), "platform": {"os": "unknown", "architecture": "unknown"},
         "annotations": {"vnd.docker.reference.type": "attestation-manifest"}},
    ]}).encode()
    index = json.dumps({"schemaVersion": 2, "manifests": [
        {"mediaType": "application/vnd.oci.image.index.v1+json", "digest": put(nested), "size": len(nested),
         "annotations": {"io.containerd.image.name": "docker.io/todo/oci:2", "org.opencontainers.image.ref.name": "2"}}]}).encode()
    members = [("oci-layout", b'{"imageLayoutVersion": "1.0.0"}'), ("index.json", index)]
    members += [("blobs/sha256/" + k.split(":")[1], v) for k, v in blobs.items()]
    if docker25:
        members.append(("manifest.json", json.dumps([{"Config": "blobs/sha256/" + json.loads(amd)["config"]["digest"].split(":")[1],
            "RepoTags": ["todo/d25:latest"], "Layers": ["blobs/sha256/" + l["digest"].split(":")[1] for l in layer_descs]}]).encode()))
    if directory:
        for name, data in members:
            path = os.path.join(out, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        return
    if compress_outer:
        write_tar(out + ".plain", members)
        with open(out + ".plain", "rb") as src, gzip.open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.remove(out + ".plain")
        return
    write_tar(out, members)

def main():
    scenario, out = sys.argv[1], sys.argv[2]
    if scenario == "docker-legacy": docker_legacy(out)
    elif scenario == "docker-manifest-first": docker_legacy(out, manifest_last=False)
    elif scenario == "docker-multi": docker_legacy(out, multi=True)
    elif scenario == "config-not-json": docker_legacy(out, config_bytes=b"this is not {json")
    elif scenario == "oci-archive": oci(out)
    elif scenario == "oci-archive-gz": oci(out, compress_outer=True)
    elif scenario == "oci-layout": oci(out, directory=True)
    elif scenario == "docker25": oci(out, docker25=True)
    elif scenario == "digest-mismatch": oci(out, mismatch=True)
    elif scenario == "missing-blob": oci(out, missing=True)
    elif scenario == "truncated":
        docker_legacy(out, manifest_last=False)
        size = os.path.getsize(out)
        with open(out, "r+b") as fh:
            fh.truncate(size // 2)
    elif scenario == "manifest-loop":
        write_tar(out, [("manifest.json", ("symlink", "other.json")), ("other.json", ("symlink", "manifest.json"))])
    elif scenario == "not-a-tar":
        with open(out, "w") as fh:
            fh.write("just some text, certainly not an image\n" * 20)
    else:
        sys.exit("unknown scenario " + scenario)

main()
