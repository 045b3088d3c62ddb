# A stand-in OCI registry that misbehaves on purpose, for todoaudit's push fault tests.
# Usage: fake_registry.py MODE   (prints its port, then serves on 127.0.0.1 until killed)
#   auth        every request needs Basic user:s3cret-pass, else 401 with a Basic challenge
#   fail-upload blob uploads answer 500 (the manifest must then never be PUT)
#   slow        every request waits 5 s (a client timeout must give up)
#   bad-digest  manifest PUTs answer with another Docker-Content-Digest
#   flaky       the first HEAD, GET or manifest PUT of each path answers 503 (a retry succeeds)
#   token       Bearer auth as Docker Hub and GHCR do it: /v2/ answers 401 with a challenge
#               naming /token, which gives a token for Basic user:s3cret-pass only
#   referrers   serves the referrers API (OCI distribution 1.1) and answers OCI-Subject
#   ok          behaves
# Every request line is appended to the file named by FAKE_REGISTRY_LOG, with whether it
# carried an Authorization header (never its value); /token requests keep their query.
import base64, hashlib, http.server, itertools, json, os, sys, time

mode = sys.argv[1]
log = os.environ.get("FAKE_REGISTRY_LOG")
blobs, manifests, uploads = {}, {}, {}
counter = itertools.count(1)
failed_once = set()
TOKEN = "fake-token-4711"
BASIC = "Basic " + base64.b64encode(b"user:s3cret-pass").decode()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def handle_any(self):
        data = self.body()
        if log:
            with open(log, "a") as f:
                shown = self.path if self.path.startswith("/token") else self.path.split("?")[0]
                f.write("%s %s auth=%s\n" % (self.command, shown, "Authorization" in self.headers))
        if mode == "slow":
            time.sleep(5)
        if mode == "auth":
            if self.headers.get("Authorization") != BASIC:
                return self.reply(401, b'{"errors":[{"code":"UNAUTHORIZED"}]}', [("WWW-Authenticate", 'Basic realm="fake"')])
        path, _, query = self.path.partition("?")
        parts = path.split("/")
        if mode == "token":
            if path == "/token":
                if self.headers.get("Authorization") != BASIC:
                    return self.reply(401, b'{"errors":[{"code":"UNAUTHORIZED"}]}')
                return self.reply(200, json.dumps({"token": TOKEN}).encode(), [("Content-Type", "application/json")])
            if self.headers.get("Authorization") != "Bearer " + TOKEN:
                realm = "http://127.0.0.1:%d/token" % self.server.server_address[1]
                challenge = 'Bearer realm="%s",service="fake-registry",scope="repository:%s:pull,push"' % (realm, "/".join(parts[2:4]))
                return self.reply(401, b'{"errors":[{"code":"UNAUTHORIZED"}]}', [("WWW-Authenticate", challenge)])
        if mode == "flaky" and (self.command in ("HEAD", "GET") or (self.command == "PUT" and "/manifests/" in path)):
            if (self.command, path) not in failed_once:
                failed_once.add((self.command, path))
                return self.reply(503, b"try again")
        if path == "/v2/":
            return self.reply(200, b"{}")
        if "/blobs/uploads/" in path:
            if mode == "fail-upload" and self.command in ("PUT", "PATCH"):
                return self.reply(500, b"disk full")
            if self.command == "POST":
                n = next(counter)
                uploads[n] = b""
                return self.reply(202, headers=[("Location", "/v2/upload/%d" % n)])
        if path.startswith("/v2/upload/"):
            n = int(parts[-1])
            if mode == "fail-upload":
                return self.reply(500, b"disk full")
            uploads[n] = uploads.get(n, b"") + data
            if self.command == "PATCH":
                return self.reply(202, headers=[("Location", "/v2/upload/%d" % n)])
            digest = dict(q.split("=", 1) for q in query.split("&") if "=" in q).get("digest", "").replace("%3A", ":")
            if "sha256:" + hashlib.sha256(uploads[n]).hexdigest() != digest:
                return self.reply(400, b'{"errors":[{"code":"DIGEST_INVALID"}]}')
            blobs[digest] = uploads.pop(n)
            return self.reply(201, headers=[("Location", "/v2/blob/" + digest)])
        if "/blobs/" in path:
            digest = parts[-1]
            return self.reply(200 if digest in blobs else 404, headers=[("Docker-Content-Digest", digest)])
        if "/referrers/" in path and mode == "referrers":
            subject = parts[-1]
            found = []
            for key, (body, media) in manifests.items():
                document = json.loads(body)
                if key.startswith("sha256:") and (document.get("subject") or {}).get("digest") == subject:
                    found.append({"mediaType": media, "digest": key, "size": len(body), "artifactType": document.get("artifactType")})
            index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": found}
            return self.reply(200, json.dumps(index).encode(), [("Content-Type", "application/vnd.oci.image.index.v1+json")])
        if "/manifests/" in path:
            ref = parts[-1]
            if self.command == "PUT":
                digest = "sha256:" + hashlib.sha256(data).hexdigest()
                manifests[ref] = manifests[digest] = (data, self.headers.get("Content-Type"))
                shown = "sha256:" + "0" * 64 if mode == "bad-digest" else digest
                headers = [("Docker-Content-Digest", shown)]
                subject = (json.loads(data).get("subject") or {}).get("digest")
                if mode == "referrers" and subject:
                    headers.append(("OCI-Subject", subject))
                return self.reply(201, headers=headers)
            if ref in manifests:
                body, media = manifests[ref]
                return self.reply(200, body, [("Content-Type", media)])
            return self.reply(404, b'{"errors":[{"code":"MANIFEST_UNKNOWN"}]}')
        return self.reply(404)

    do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = handle_any

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
