# Writes a docker-archive holding real Java archives, for the SBOM test of the Java
# cataloger. Usage: make_java_image.py ROOT OUT.tar
#   layer 1: ROOT's usr/share/java and usr/share/maven-repo (Debian's jars, extracted from
#            their .deb packages with dpkg-deb, with Debian's symlinks to them)
#   layer 2: /app/app.jar, a Spring Boot-style fat jar nesting two of those jars
#            (stored, as Spring Boot writes them) with its own pom.properties;
#            /app/lib/plain-tool-2.4.1.jar, a jar with only a manifest;
#            /app/lib/broken.jar, bytes that are not a zip.
import hashlib, io, json, os, sys, tarfile, zipfile
root, out = sys.argv[1], sys.argv[2]
FIXED = 1717243200  # 2024-06-01T12:00:00Z

def add_dirs(t, path, seen):
    parts = path.split("/")[:-1]
    for i in range(1, len(parts) + 1):
        d = "/".join(parts[:i])
        if d not in seen:
            seen.add(d)
            info = tarfile.TarInfo(d); info.type = tarfile.DIRTYPE; info.mode = 0o755; info.mtime = FIXED
            t.addfile(info)

def layer_from_tree(prefixes):
    buf, seen = io.BytesIO(), set()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for prefix in prefixes:
            for dirpath, dirnames, filenames in sorted(os.walk(os.path.join(root, prefix))):
                dirnames.sort()
                for f in sorted(filenames):
                    full = os.path.join(dirpath, f)
                    rel = os.path.relpath(full, root)
                    add_dirs(t, rel, seen)
                    info = tarfile.TarInfo(rel); info.mtime = FIXED
                    if os.path.islink(full):
                        info.type = tarfile.SYMTYPE; info.linkname = os.readlink(full); t.addfile(info)
                    else:
                        data = open(full, "rb").read(); info.size = len(data); info.mode = 0o644
                        t.addfile(info, io.BytesIO(data))
    return buf.getvalue()

def jar(entries, stored=()):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=(2024, 6, 1, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()

java = os.path.join(root, "usr/share/java")
nested = ["guava.jar", "slf4j-api.jar"]
app = jar([("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.JarLauncher\r\n"
                                    "Start-Class: com.example.demo.DemoApplication\r\nImplementation-Title: demo\r\n"
                                    "Implementation-Version: 0.0.1-SNAPSHOT\r\n\r\n"),
           ("META-INF/maven/com.example/demo/pom.properties", "#Created by Apache Maven\nartifactId=demo\ngroupId=com.example\nversion=0.0.1-SNAPSHOT\n"),
           ("BOOT-INF/classes/com/example/demo/DemoApplication.class", b"\xca\xfe\xba\xbe")]
          + [("BOOT-INF/lib/" + n, open(os.path.join(java, n), "rb").read()) for n in nested],
          stored={"BOOT-INF/lib/" + n for n in nested})
plain = jar([("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Title: Plain Tool\nImplementation-Version: 2.4.1\n\n"),
             ("tool/Main.class", b"\xca\xfe\xba\xbe")])
layer2 = io.BytesIO(); seen = set()
with tarfile.open(fileobj=layer2, mode="w", format=tarfile.PAX_FORMAT) as t:
    for name, data in (("app/app.jar", app), ("app/lib/plain-tool-2.4.1.jar", plain), ("app/lib/broken.jar", b"not a zip archive\n")):
        add_dirs(t, name, seen)
        info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644; info.mtime = FIXED
        t.addfile(info, io.BytesIO(data))
layers = [layer_from_tree(["usr/share/java", "usr/share/maven-repo"]), layer2.getvalue()]
diffs = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
config = json.dumps({"architecture": "amd64", "os": "linux", "created": "2024-06-01T12:00:00Z",
                     "config": {"User": "1001"}, "rootfs": {"type": "layers", "diff_ids": diffs},
                     "history": [{"created": "2024-06-01T12:00:00Z", "created_by": "RUN apt-get install libguava-java …"},
                                 {"created": "2024-06-01T12:00:00Z", "created_by": "COPY app /app"}]}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
names = ["layer%d.tar" % i for i in range(len(layers))]
manifest = json.dumps([{"Config": config_name, "RepoTags": ["todo/java:v1"], "Layers": names}]).encode()
with tarfile.open(out, "w") as t:
    for name, data in [(config_name, config)] + list(zip(names, layers)) + [("manifest.json", manifest)]:
        info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644; info.mtime = FIXED
        t.addfile(info, io.BytesIO(data))
