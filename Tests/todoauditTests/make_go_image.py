# Writes a docker-archive with one layer holding the given executable at /usr/local/bin/tool
# (for the SBOM test of Go build info). Usage: make_go_image.py EXECUTABLE OUT.tar
import hashlib, io, json, sys, tarfile
binary, out = sys.argv[1], sys.argv[2]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as t:
    for d in ("usr", "usr/local", "usr/local/bin"):
        info = tarfile.TarInfo(d); info.type = tarfile.DIRTYPE; info.mode = 0o755; t.addfile(info)
    data = open(binary, "rb").read()
    info = tarfile.TarInfo("usr/local/bin/tool"); info.size = len(data); info.mode = 0o755
    t.addfile(info, io.BytesIO(data))
layer_bytes = layer.getvalue()
diff = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux", "created": "2024-06-01T12:00:00Z",
                     "config": {"User": "1001"}, "rootfs": {"type": "layers", "diff_ids": [diff]},
                     "history": [{"created": "2024-06-01T12:00:00Z", "created_by": "COPY tool /usr/local/bin/tool"}]}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": config_name, "RepoTags": ["todo/go:v1"], "Layers": ["layer.tar"]}]).encode()
with tarfile.open(out, "w") as t:
    for name, data in ((config_name, config), ("layer.tar", layer_bytes), ("manifest.json", manifest)):
        info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644
        t.addfile(info, io.BytesIO(data))
