#!/usr/bin/env python3
"""Generate a deterministic set of varied Dockerfiles for the lint benchmark.

Usage: generate_dockerfiles.py OUT_DIR [COUNT] [SEED]

Standard library only. The same COUNT and SEED always give byte-identical
files, named 0000.Dockerfile, 0001.Dockerfile, ... in OUT_DIR (older
*.Dockerfile files in OUT_DIR are removed first).

The files mix what real Dockerfiles do: single- and multi-stage builds on
node/python/go/java/rust/nginx/debian/alpine/ubuntu bases, ARG and ENV,
apt/apk/pip/npm installs with and without cache flags, heredocs, line
continuations, USER or not, HEALTHCHECK or not, COPY --from, curl | sh now and
then, and `# escape=` occasionally. Most are 10-80 lines; about one in twelve
is big (200+ lines).
"""

import os
import random
import sys

DEFAULT_SEED = 20240917

BASES = {
    "node": ["node:22-alpine", "node:20-bookworm-slim", "node:18", "node:latest", "node:22.11.0-bookworm"],
    "python": ["python:3.12-slim", "python:3.11-alpine", "python:3.13", "python:latest", "python:3.12.7-slim-bookworm"],
    "go": ["golang:1.23-alpine", "golang:1.22", "golang:1.23.2-bookworm", "golang:latest"],
    "java": ["eclipse-temurin:21-jdk", "eclipse-temurin:17-jre-alpine", "maven:3.9-eclipse-temurin-21", "openjdk:11"],
    "rust": ["rust:1.82-slim", "rust:1.81-alpine", "rust:latest", "rust:1.82.0-bookworm"],
    "nginx": ["nginx:1.27-alpine", "nginx:stable", "nginx:latest", "nginx:1.27.2-bookworm"],
    "debian": ["debian:bookworm-slim", "debian:12", "debian:latest", "debian:bookworm-20241016"],
    "alpine": ["alpine:3.20", "alpine:3.19", "alpine:latest", "alpine"],
    "ubuntu": ["ubuntu:24.04", "ubuntu:22.04", "ubuntu:latest", "ubuntu:jammy-20240911"],
}
RUNTIMES = {
    "node": ["node:22-alpine", "gcr.io/distroless/nodejs22-debian12", "node:22-bookworm-slim"],
    "python": ["python:3.12-slim", "python:3.12-alpine", "gcr.io/distroless/python3-debian12"],
    "go": ["gcr.io/distroless/static-debian12", "scratch", "alpine:3.20", "debian:bookworm-slim"],
    "java": ["eclipse-temurin:21-jre", "eclipse-temurin:21-jre-alpine", "gcr.io/distroless/java21-debian12"],
    "rust": ["debian:bookworm-slim", "gcr.io/distroless/cc-debian12", "alpine:3.20", "scratch"],
}
APT_PKGS = ["ca-certificates", "curl", "wget", "git", "build-essential", "libpq-dev", "gnupg",
            "unzip", "jq", "tzdata", "locales", "openssl", "libssl-dev", "pkg-config", "tini",
            "procps", "netcat-openbsd", "vim", "less", "xz-utils", "python3", "make", "gcc"]
APK_PKGS = ["ca-certificates", "curl", "git", "bash", "tini", "tzdata", "openssl", "build-base",
            "musl-dev", "libffi-dev", "postgresql-dev", "jq", "su-exec", "python3", "make", "g++"]
PIP_PKGS = ["flask", "gunicorn", "fastapi", "uvicorn[standard]", "requests", "psycopg2-binary",
            "django", "celery", "redis", "numpy", "pandas", "pydantic", "sqlalchemy", "boto3"]
NPM_PKGS = ["pm2", "typescript", "serve", "yarn", "pnpm", "nodemon", "http-server", "@nestjs/cli"]
PORTS = [80, 443, 3000, 5000, 8000, 8080, 8443, 9000, 9090]
USERS = ["app", "node", "nobody", "1000", "10001:10001", "appuser", "www-data", "nonroot"]


def versioned(rng, pkg, sep):
    if rng.random() < 0.35:
        return f"{pkg}{sep}{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
    return pkg


class Gen:
    def __init__(self, rng, esc):
        self.rng = rng
        self.esc = esc  # the line-continuation character
        self.lines = []

    def add(self, *lines):
        self.lines.extend(lines)

    def cont(self, head, parts, indent="    "):
        """A command split over continuation lines: head part1 && part2 ..."""
        r, e = self.rng, self.esc
        if len(parts) == 1 or r.random() < 0.15:
            self.add(head + " " + " && ".join(parts))
            return
        out = [f"{head} {parts[0]} {e}"]
        for p in parts[1:-1]:
            out.append(f"{indent}&& {p} {e}")
        out.append(f"{indent}&& {parts[-1]}")
        self.add(*out)

    def comment(self):
        r = self.rng
        if r.random() < 0.3:
            self.add(r.choice(["# Install dependencies", "# Build the application", "# Runtime settings",
                               "# TODO: pin this", "# hadolint ignore=DL3008", "# Copy sources",
                               "# syntax note: keep layers small", "## Stage ##"]))

    # --- installs -------------------------------------------------------------
    def apt(self, n=None):
        r = self.rng
        pkgs = [versioned(r, p, "=") for p in r.sample(APT_PKGS, n or r.randint(1, 7))]
        parts = ["apt-get update"]
        flags = "-y --no-install-recommends" if r.random() < 0.6 else "-y"
        if r.random() < 0.5 or len(pkgs) < 3:
            parts.append(f"apt-get install {flags} " + " ".join(pkgs))
        else:
            e = self.esc
            pk = f" {e}\n        ".join(pkgs)
            parts.append(f"apt-get install {flags} {e}\n        {pk}")
        if r.random() < 0.6:
            parts.append("rm -rf /var/lib/apt/lists/*")
        if r.random() < 0.15:
            parts.insert(1, "apt-get upgrade -y")
        self.cont("RUN", parts)

    def apk(self, n=None):
        r = self.rng
        pkgs = [versioned(r, p, "=") for p in r.sample(APK_PKGS, n or r.randint(1, 6))]
        if r.random() < 0.6:
            self.add("RUN apk add --no-cache " + " ".join(pkgs))
        elif r.random() < 0.5:
            self.cont("RUN", ["apk update", "apk add " + " ".join(pkgs)])
        else:
            self.cont("RUN", ["apk add --virtual .build-deps " + " ".join(pkgs), "make install",
                              "apk del .build-deps"])

    def pip(self):
        r = self.rng
        if r.random() < 0.5:
            self.add("COPY requirements.txt .")
            flag = "--no-cache-dir " if r.random() < 0.55 else ""
            self.add(f"RUN pip install {flag}-r requirements.txt")
        else:
            pkgs = [versioned(r, p, "==") for p in r.sample(PIP_PKGS, r.randint(1, 5))]
            flag = "--no-cache-dir " if r.random() < 0.5 else ""
            up = r.random() < 0.3
            if up:
                self.cont("RUN", ["pip install --upgrade pip", f"pip install {flag}" + " ".join(pkgs)])
            else:
                self.add(f"RUN pip install {flag}" + " ".join(pkgs))

    def npm(self):
        r = self.rng
        self.add(r.choice(["COPY package.json package-lock.json ./", "COPY package*.json ./",
                           "COPY package.json yarn.lock ./"]))
        self.add(r.choice(["RUN npm ci", "RUN npm ci --omit=dev", "RUN npm install",
                           "RUN npm ci && npm cache clean --force", "RUN yarn install --frozen-lockfile",
                           "RUN --mount=type=cache,target=/root/.npm npm ci"]))
        if r.random() < 0.3:
            pk = [versioned(r, p, "@") for p in r.sample(NPM_PKGS, r.randint(1, 3))]
            self.add("RUN npm install -g " + " ".join(pk))

    def install_for(self, base):
        alpine = "alpine" in base
        if alpine:
            self.apk()
        elif any(x in base for x in ("debian", "ubuntu", "slim", "bookworm", "node:", "python:",
                                      "golang:", "rust:", "temurin", "openjdk", "maven", "nginx")):
            self.apt()

    # --- misc instructions ------------------------------------------------------
    def args_env(self):
        r = self.rng
        for _ in range(r.randint(0, 3)):
            name = r.choice(["APP_VERSION", "BUILD_DATE", "VCS_REF", "TARGETARCH", "HTTP_PROXY", "UID", "GID"])
            self.add(f"ARG {name}" + (f"={r.choice(['1.0.0', 'dev', '1000', 'amd64'])}" if r.random() < 0.5 else ""))
        k = r.randint(0, 4)
        if k:
            pairs = r.sample([("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"),
                              ("NODE_ENV", "production"), ("PORT", str(r.choice(PORTS))),
                              ("PATH", "/app/bin:$PATH"), ("LANG", "C.UTF-8"), ("TZ", "UTC"),
                              ("APP_HOME", "/app"), ("DB_PASSWORD", "hunter2"),
                              ("API_KEY", "sk_live_" + "".join(r.choice("abcdef0123456789") for _ in range(24))),
                              ("JAVA_OPTS", '"-Xms256m -Xmx512m"'), ("GOFLAGS", "-mod=vendor"),
                              ("RUST_LOG", "info"), ("VERSION", "${APP_VERSION:-dev}")], k)
            if r.random() < 0.5:
                for kk, v in pairs:
                    self.add(f"ENV {kk}={v}")
            else:
                e = self.esc
                body = f" {e}\n    ".join(f"{kk}={v}" for kk, v in pairs)
                self.add(f"ENV {body}")
            if r.random() < 0.1:
                self.add("ENV LEGACY_FORM some value with spaces")

    def curl_sh(self):
        r = self.rng
        self.add(r.choice([
            "RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -",
            "RUN curl -sSL https://install.python-poetry.org | python3 -",
            "RUN curl https://sh.rustup.rs -sSf | sh -s -- -y",
            "RUN wget -qO- https://get.docker.com | sh",
            "RUN curl -fsSL https://example.com/install.sh | sh",
            "RUN set -o pipefail && curl -fsSL https://example.com/install.sh | bash",
        ]))

    def heredoc(self):
        # A blank line follows each heredoc, and there is no `<<-`: hadolint 2.15's parser
        # rejects a file without them (DL1000) and then lints nothing in it.
        r = self.rng
        kind = r.random()
        if kind < 0.4:
            self.add("RUN <<EOF", "set -eux", "mkdir -p /app/data /app/logs",
                     "chown -R 1000:1000 /app", "echo 'ready' > /app/READY", "EOF", "")
        elif kind < 0.7:
            self.add("COPY <<EOT /etc/app/config.ini", "[server]", f"port = {r.choice(PORTS)}",
                     "workers = 4", "EOT", "")
        else:
            self.add("RUN <<'SCRIPT' bash", "set -euo pipefail",
                     "for d in a b c; do", '  mkdir -p "/srv/$d"', "done",
                     "if [ -f /etc/os-release ]; then cat /etc/os-release; fi", "SCRIPT", "")

    def filler(self, base):
        """One random ordinary step, used to vary length."""
        r = self.rng
        c = r.randrange(14)
        if c == 0:
            self.add(f"WORKDIR /{r.choice(['app', 'src', 'srv/app', 'opt/service', 'usr/src/app'])}")
        elif c == 1:
            self.add(r.choice(["COPY . .", "COPY src/ ./src/", "COPY --chown=1000:1000 . /app",
                               "ADD . /app", "COPY config/ /etc/app/", "ADD app.tar.gz /opt/"]))
        elif c == 2:
            self.install_for(base)
        elif c == 3:
            self.args_env()
        elif c == 4:
            self.add(f"LABEL org.opencontainers.image.version=\"{r.randint(0, 5)}.{r.randint(0, 30)}\" "
                     f"{self.esc}\n      maintainer=\"team{r.randint(1, 99)}@example.com\"")
        elif c == 5:
            self.add(r.choice(["RUN mkdir -p /var/log/app", "RUN chmod +x /entrypoint.sh",
                               "RUN useradd -r -u 10001 app", "RUN addgroup -S app && adduser -S app -G app",
                               "RUN cd /app && make", "RUN sudo make install", "RUN ln -sf /dev/stdout /var/log/app.log",
                               "RUN echo \"$APP_VERSION\" > /VERSION", "RUN chmod 777 /tmp/cache"]))
        elif c == 6:
            self.heredoc()
        elif c == 7:
            self.add(f"EXPOSE {r.choice(PORTS)}")
        elif c == 8:
            self.comment()
            self.add("RUN " + r.choice(["ls -la", "true", "id", "env | sort", "du -sh /app || true"]))
        elif c == 9:
            self.cont("RUN", [f"cd /tmp", f"wget https://example.com/tool-{r.randint(1, 9)}.tar.gz",
                              "tar xzf tool-*.tar.gz", "cp tool /usr/local/bin/", "rm -rf /tmp/*"])
        elif c == 10:
            self.add(f"VOLUME [\"/data{r.randint(0, 9)}\"]")
        elif c == 11:
            self.add("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]")
        elif c == 12:
            self.add("ADD https://example.com/files/archive.tgz /tmp/archive.tgz")
        else:
            self.add("STOPSIGNAL SIGTERM" if r.random() < 0.5 else "ONBUILD RUN echo onbuild")

    # --- stage bodies -----------------------------------------------------------
    def build_stage(self, lang, base, name):
        r = self.rng
        self.add(f"FROM {base} AS {name}" if r.random() < 0.9 else f"FROM --platform=$BUILDPLATFORM {base} AS {name}")
        self.args_env()
        self.add(f"WORKDIR /{r.choice(['src', 'app', 'build', 'usr/src/app'])}")
        if lang == "node":
            self.npm()
            self.add("COPY . .", r.choice(["RUN npm run build", "RUN yarn build", "RUN npm run build && npm prune --production"]))
        elif lang == "python":
            self.install_for(base)
            self.pip()
            self.add("COPY . .")
            if r.random() < 0.4:
                self.add("RUN pip wheel --wheel-dir /wheels -r requirements.txt")
        elif lang == "go":
            self.add("COPY go.mod go.sum ./", "RUN go mod download", "COPY . .")
            self.add(r.choice(["RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app",
                               "RUN --mount=type=cache,target=/root/.cache/go-build go build -ldflags='-s -w' -o /out/app .",
                               "RUN go build -o /out/app"]))
        elif lang == "java":
            self.add("COPY pom.xml .", "RUN mvn -B dependency:go-offline", "COPY src ./src",
                     r.choice(["RUN mvn -B package -DskipTests", "RUN ./gradlew build --no-daemon"]))
        elif lang == "rust":
            self.add("COPY Cargo.toml Cargo.lock ./", "COPY src ./src")
            if "alpine" in base:
                self.apk()
            self.add(r.choice(["RUN cargo build --release", "RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release --locked"]))
        if r.random() < 0.2:
            self.heredoc()

    def final_stage(self, lang, base, builder, big):
        r = self.rng
        self.add(f"FROM {base}")
        if r.random() < 0.15:
            self.add("MAINTAINER someone@example.com")
        self.args_env()
        if "distroless" not in base and base != "scratch":
            if r.random() < 0.6:
                self.install_for(base)
            if r.random() < 0.12:
                self.curl_sh()
        self.add(f"WORKDIR /{r.choice(['app', 'srv', 'opt/app'])}")
        if builder:
            src = {"node": "/app/dist", "python": "/wheels", "go": "/out/app", "java": "/app/target/app.jar",
                   "rust": "/app/target/release/app"}.get(lang, "/out")
            self.add(f"COPY --from={builder} {src} {r.choice(['./', '/usr/local/bin/app', '/app/'])}")
            if r.random() < 0.3:
                self.add(f"COPY --from={r.choice(['0', builder, 'busybox:1.36'])} /bin/sh /bin/sh")
        elif lang == "python":
            self.pip()
            self.add("COPY . .")
        elif lang == "node":
            self.npm()
            self.add("COPY . .")
        for _ in range(r.randint(0, 4) + (r.randint(60, 110) if big else 0)):
            self.filler(base)
        if r.random() < 0.45:
            self.add(r.choice([
                f"HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:{r.choice(PORTS)}/health || exit 1",
                "HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/ || exit 1",
                "HEALTHCHECK NONE",
                'HEALTHCHECK --start-period=5s CMD ["/app/healthcheck"]',
            ]))
        if r.random() < 0.55:
            self.add(f"USER {r.choice(USERS)}")
        elif r.random() < 0.2:
            self.add("USER root")
        self.add(f"EXPOSE {r.choice(PORTS)}")
        cmd = {
            "node": ['CMD ["node", "server.js"]', "CMD node server.js", 'CMD ["npm", "start"]'],
            "python": ['CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]', "CMD python app.py",
                       'CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]'],
            "go": ['ENTRYPOINT ["/usr/local/bin/app"]', 'CMD ["/app/app"]'],
            "java": ['ENTRYPOINT ["java", "-jar", "/app/app.jar"]', "CMD java $JAVA_OPTS -jar app.jar"],
            "rust": ['ENTRYPOINT ["/usr/local/bin/app"]', 'CMD ["./app"]'],
            "nginx": ['CMD ["nginx", "-g", "daemon off;"]'],
        }.get(lang, ['CMD ["/bin/sh"]', "CMD bash", 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["sleep", "infinity"]'])
        self.add(r.choice(cmd))


def one_dockerfile(rng, big):
    escape_tick = rng.random() < 0.06
    g = Gen(rng, "`" if escape_tick else "\\")
    if escape_tick:
        g.add("# escape=`")
    elif rng.random() < 0.25:
        g.add("# syntax=docker/dockerfile:1")
    if rng.random() < 0.5:
        g.add("# Generated benchmark Dockerfile")
    lang = rng.choice(list(BASES))
    base = rng.choice(BASES[lang])
    if rng.random() < 0.2:
        g.add("ARG BASE_TAG=latest")
    multi = lang in RUNTIMES and rng.random() < 0.6
    if multi:
        builder = rng.choice(["builder", "build", "deps", "compile"])
        g.build_stage(lang, base, builder)
        if rng.random() < 0.25:
            g.add("", f"FROM {builder} AS test", "RUN " + rng.choice(["npm test", "pytest -q", "go test ./...",
                                                                      "mvn test", "cargo test"]))
        g.add("")
        g.final_stage(lang, rng.choice(RUNTIMES[lang]), builder, big)
    else:
        g.final_stage(lang, base, None, big)
    # Pad short (or not-yet-big) files with ordinary steps before the last line (CMD/ENTRYPOINT).
    last = g.lines.pop()
    while len("\n".join(g.lines).split("\n")) + 1 < (200 if big else 10):
        g.filler(base)
    g.lines.append(last)
    return "\n".join(g.lines) + "\n"


def dockerfile(rng):
    """Most files are 10-80 lines; about one in twelve is big (200+)."""
    big = rng.random() < 0.08
    while True:
        text = one_dockerfile(rng, big)
        if big or text.count("\n") <= 80:
            return text


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: generate_dockerfiles.py OUT_DIR [COUNT] [SEED]")
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else DEFAULT_SEED
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".Dockerfile"):
            os.remove(os.path.join(out, f))
    rng = random.Random(seed)
    total_lines = 0
    for i in range(count):
        text = dockerfile(rng)
        total_lines += text.count("\n")
        with open(os.path.join(out, f"{i:04d}.Dockerfile"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    print(f"generated {count} Dockerfiles ({total_lines} lines) in {out} (seed {seed})")


if __name__ == "__main__":
    main()
