#!/usr/bin/env bash
# Build real container images with real tools (debootstrap + umoci + skopeo),
# without a Docker engine, for todoaudit's `make test`.
#
# Usage: Fixtures/images/build-real-images.sh [CACHE_DIR]   (default .build/real-images)
#
# Needs root (debootstrap, chroot, file ownership) and Debian's package mirror.
# Every step is skipped when its output already exists, so a second run takes
# seconds. Delete CACHE_DIR to rebuild everything, CACHE_DIR/image.done to rebuild
# the image but keep the debootstrap rootfs, or the two archives to re-export.
#
# Outputs (printed at the end):
#   CACHE_DIR/oci                 OCI image layout, tag "v1" (umoci's working copy)
#   CACHE_DIR/real-v1.tar         docker-archive, RepoTags ["todo/real:v1"]
#   CACHE_DIR/real-v1.oci.tar     oci-archive (gzip layers)
#   CACHE_DIR/real-lang.tar       docker-archive with Debian's Python and npm packages
#   CACHE_DIR/real-java.tar       docker-archive with Debian's jars and a fat jar
#
# Layers of todo/real:v1, in order (see README.md in this directory for what an
# audit must report about them):
#   1. debootstrap --variant=minbase bookworm rootfs
#   2. apt-get install gcc make libc6-dev (build tools in a runtime image)
#   3. /app/.env with a fake secret        (secret in a layer)
#   4. whiteout of /app/.env               (deleted, but still in layer 3)
#   5. /usr/local/bin/helper mode 04755    (setuid) + user/group app 1001
# Config: User "1001", WorkingDir /app, Cmd ["/bin/sh","-c","sleep infinity"].
set -euo pipefail

CACHE="${1:-.build/real-images}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
SUITE=bookworm
TAG=v1
OCI="$CACHE/oci"
ROOTFS="$CACHE/rootfs-base"
BUNDLE="$CACHE/bundle"
OUT_DOCKER="$CACHE/real-v1.tar"
OUT_OCI="$CACHE/real-v1.oci.tar"
# Fixed timestamp for history/config so reruns of individual steps agree.
CREATED="2024-06-01T12:00:00Z"

log() { printf '==> [+%ss] %s\n' "$((SECONDS - t0))" "$*" >&2; }
t0=$SECONDS

if [[ $(id -u) -ne 0 ]]; then
  echo "build-real-images.sh: must run as root (debootstrap/chroot/ownership)" >&2
  exit 1
fi

# --- tools -------------------------------------------------------------------
missing=()
for tool in debootstrap umoci skopeo; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- mirror: the one apt on this machine uses for Debian ----------------------
detect_mirror() {
  local f line
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -r $f ]] || continue
    # one-line style: deb [opts] URL bookworm main
    line=$(grep -E '^\s*deb\s' "$f" 2>/dev/null | grep -E "\s${SUITE}(\s|$)" | grep -v -- '-security' |
      sed -E 's/^\s*deb\s+(\[[^]]*\]\s+)?//' | awk '{print $1}' | head -n1 || true)
    if [[ -n $line ]]; then echo "$line"; return; fi
    # deb822 style: URIs: line of a stanza whose Suites: has bookworm
    line=$(awk -v s="$SUITE" '
      /^[[:space:]]*$/ { if (u != "" && ok) { print u; exit } u=""; ok=0; next }
      /^URIs:/ { u=$2 }
      /^Suites:/ { for (i=2;i<=NF;i++) if ($i==s) ok=1 }
      END { if (u != "" && ok) print u }' "$f" | grep -v security | head -n1 || true)
    if [[ -n $line ]]; then echo "$line"; return; fi
  done
  echo "http://deb.debian.org/debian"
}
MIRROR="${MIRROR:-$(detect_mirror)}"
log "mirror: $MIRROR"

# Run a command inside a rootfs. Uses a private mount namespace for /proc when
# the kernel lets us (mounts vanish with the namespace); plain chroot otherwise.
in_chroot() {
  local root=$1; shift
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  if unshare --mount --fork true 2>/dev/null; then
    unshare --mount --fork chroot "$root" /bin/sh -c \
      'mount -t proc proc /proc 2>/dev/null || true; exec "$@"' sh "$@"
  else
    chroot "$root" "$@"
  fi
}

umoci_unpack() {
  rm -rf "$BUNDLE"
  umoci unpack --image "$OCI:$TAG" "$BUNDLE" >/dev/null
}
umoci_repack() { # created_by
  umoci repack --image "$OCI:$TAG" --history.created="$CREATED" \
    --history.created_by="$1" "$BUNDLE" >/dev/null
  rm -rf "$BUNDLE"
}

# --- 1. debootstrap ------------------------------------------------------------
if [[ ! -e $CACHE/debootstrap.done ]]; then
  log "debootstrap --variant=minbase $SUITE (a few minutes)"
  rm -rf "$ROOTFS"
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
    { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* 2>/dev/null || true
  : >"$ROOTFS/etc/resolv.conf"
  touch "$CACHE/debootstrap.done"
fi
log "rootfs: $(chroot "$ROOTFS" dpkg-query -W -f='${Status}\n' | grep -c 'install ok installed') deb packages installed"

# --- 2. OCI image with umoci -------------------------------------------------------
# The image is built as one unit (a half-built layout is thrown away): every step
# below adds a layer on top of the tag, so redoing one alone would stack duplicates.
step() { [[ -e $CACHE/$1.done ]]; }
done_() { touch "$CACHE/$1.done"; }
if [[ ! -e $CACHE/image.done ]]; then
  rm -rf "$OCI" "$BUNDLE" "$OUT_DOCKER" "$OUT_OCI" "$CACHE"/layer*.done "$CACHE"/config.done
fi

if ! step layer1-base; then
  log "umoci: base layer from the debootstrap rootfs"
  umoci init --layout "$OCI"
  umoci new --image "$OCI:$TAG"
  umoci config --image "$OCI:$TAG" --no-history --created="$CREATED" \
    --architecture=amd64 --os=linux
  umoci_unpack
  # copy the rootfs into the bundle (cp -a keeps owners, modes, device nodes)
  cp -a "$ROOTFS"/. "$BUNDLE/rootfs/"
  umoci_repack "/bin/sh -c #(nop) ADD file:debootstrap-minbase-$SUITE in / "
  done_ layer1-base
fi

if ! step layer2-tools; then
  log "umoci: layer with gcc and make (apt-get install in a chroot)"
  umoci_unpack
  in_chroot "$BUNDLE/rootfs" /bin/sh -c '
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q &&
    apt-get install -y -q --no-install-recommends gcc make libc6-dev' >"$CACHE/apt-tools.log" 2>&1 ||
    { tail -n 30 "$CACHE/apt-tools.log" >&2; exit 1; }
  # what the created_by below says: lists removed; plus what docker build would not keep
  rm -rf "$BUNDLE"/rootfs/var/lib/apt/lists/* "$BUNDLE"/rootfs/var/cache/apt/archives/*.deb \
    "$BUNDLE"/rootfs/var/cache/apt/*.bin 2>/dev/null || true
  : >"$BUNDLE/rootfs/etc/resolv.conf"
  umoci_repack "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev && rm -rf /var/lib/apt/lists/* # buildkit"
  done_ layer2-tools
fi

# Layers 3-5 use unpack/edit/repack, not `umoci insert`: umoci 0.4.7 (Debian bookworm)
# does not close the tar writer in insert, so its layers lack the 1 KiB end-of-archive
# footer and GNU tar / Python tarfile reject them (umoci issue #436, fixed by PR #534).
if ! step layer3-env; then
  log "umoci: layer adding /app/.env (fake secret)"
  umoci_unpack
  r="$BUNDLE/rootfs"
  mkdir -p "$r/app"
  cat >"$r/app/.env" <<'EOF2'
# fake credentials for todoaudit's tests: not real, never were
DATABASE_URL=postgres://app:R3alImageFakePassw0rd@db:5432/app
AWS_ACCESS_KEY_ID=AKIAQ3FAKEREALIMG7XZ
AWS_SECRET_ACCESS_KEY=R3alImgFakeSecretKey/q9wTodoAuditN0tReal
EOF2
  printf 'print("hello from todo/real")\n' >"$r/app/main.py"
  chmod 0644 "$r/app/.env" "$r/app/main.py"
  umoci_repack "COPY . /app # buildkit"
  done_ layer3-env
fi

if ! step layer4-whiteout; then
  log "umoci: layer deleting /app/.env (whiteout)"
  umoci_unpack
  rm -f "$BUNDLE/rootfs/app/.env"
  umoci_repack "RUN /bin/sh -c rm -f /app/.env # buildkit"
  done_ layer4-whiteout
fi

if ! step layer5-user-setuid; then
  log "umoci: layer with setuid helper and user app (1001)"
  umoci_unpack
  r="$BUNDLE/rootfs"
  printf '#!/bin/sh\n# placeholder setuid helper for todoaudit tests\nexec /bin/true "$@"\n' >"$r/usr/local/bin/helper"
  chown 0:0 "$r/usr/local/bin/helper"
  chmod 04755 "$r/usr/local/bin/helper"
  grep -q '^app:' "$r/etc/group" || echo 'app:x:1001:' >>"$r/etc/group"
  grep -q '^app:' "$r/etc/passwd" || echo 'app:x:1001:1001::/app:/usr/sbin/nologin' >>"$r/etc/passwd"
  grep -q '^app:' "$r/etc/shadow" || echo 'app:!:19875::::::' >>"$r/etc/shadow"
  chown 1001:1001 "$r/app"
  umoci_repack "RUN /bin/sh -c groupadd -g 1001 app && useradd -u 1001 -g app -d /app app && chmod 4755 /usr/local/bin/helper # buildkit"
  done_ layer5-user-setuid
fi

if ! step config; then
  log "umoci: config (User 1001, no Healthcheck)"
  umoci config --image "$OCI:$TAG" --created="$CREATED" --history.created="$CREATED" \
    --history.created_by='USER 1001' \
    --config.user=1001 --config.workingdir=/app \
    --config.env='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --config.cmd=/bin/sh --config.cmd=-c --config.cmd='sleep infinity' \
    --config.label=org.opencontainers.image.title=todo-real >/dev/null
  umoci gc --layout "$OCI"
  rm -f "$OUT_DOCKER" "$OUT_OCI"
  done_ config
  touch "$CACHE/image.done"
fi

# --- 3. export with skopeo ------------------------------------------------------
if [[ ! -s $OUT_DOCKER ]]; then
  log "skopeo copy -> docker-archive"
  skopeo copy -q "oci:$OCI:$TAG" "docker-archive:$OUT_DOCKER.tmp:todo/real:$TAG"
  mv "$OUT_DOCKER.tmp" "$OUT_DOCKER"
fi
if [[ ! -s $OUT_OCI ]]; then
  log "skopeo copy -> oci-archive"
  skopeo copy -q "oci:$OCI:$TAG" "oci-archive:$OUT_OCI.tmp:$TAG"
  mv "$OUT_OCI.tmp" "$OUT_OCI"
fi

# --- 4. a second image with language packages, for the SBOM ------------------------
# Debian's own Python libraries (egg-info and dist-info under dist-packages) and npm with
# the node-* packages it pulls in (package.json files under /usr/share/nodejs), so every
# cataloger meets real metadata; compared with syft in the tests.
LANG_OCI="$CACHE/oci-lang"
OUT_LANG="$CACHE/real-lang.tar"
if [[ ! -e $CACHE/lang.done ]]; then
  log "umoci: image with Python and npm packages (apt-get install in a chroot)"
  rm -rf "$LANG_OCI" "$BUNDLE" "$OUT_LANG"
  umoci init --layout "$LANG_OCI"
  umoci new --image "$LANG_OCI:$TAG"
  umoci config --image "$LANG_OCI:$TAG" --no-history --created="$CREATED" --architecture=amd64 --os=linux
  umoci unpack --image "$LANG_OCI:$TAG" "$BUNDLE" >/dev/null
  cp -a "$ROOTFS"/. "$BUNDLE/rootfs/"
  umoci repack --image "$LANG_OCI:$TAG" --history.created="$CREATED" \
    --history.created_by="/bin/sh -c #(nop) ADD file:debootstrap-minbase-$SUITE in / " "$BUNDLE" >/dev/null
  rm -rf "$BUNDLE"
  umoci unpack --image "$LANG_OCI:$TAG" "$BUNDLE" >/dev/null
  in_chroot "$BUNDLE/rootfs" /bin/sh -c '
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q &&
    apt-get install -y -q --no-install-recommends python3-yaml python3-six python3-requests npm' >"$CACHE/apt-lang.log" 2>&1 ||
    { tail -n 30 "$CACHE/apt-lang.log" >&2; exit 1; }
  rm -rf "$BUNDLE"/rootfs/var/lib/apt/lists/* "$BUNDLE"/rootfs/var/cache/apt/archives/*.deb \
    "$BUNDLE"/rootfs/var/cache/apt/*.bin 2>/dev/null || true
  : >"$BUNDLE/rootfs/etc/resolv.conf"
  umoci repack --image "$LANG_OCI:$TAG" --history.created="$CREATED" \
    --history.created_by="RUN /bin/sh -c apt-get install -y python3-yaml python3-six python3-requests npm # buildkit" "$BUNDLE" >/dev/null
  rm -rf "$BUNDLE"
  umoci gc --layout "$LANG_OCI"
  touch "$CACHE/lang.done"
fi
if [[ ! -s $OUT_LANG ]]; then
  log "skopeo copy -> docker-archive (language packages)"
  skopeo copy -q "oci:$LANG_OCI:$TAG" "docker-archive:$OUT_LANG.tmp:todo/real-lang:$TAG"
  mv "$OUT_LANG.tmp" "$OUT_LANG"
fi

# --- 5. an image with real Java archives, for the SBOM ------------------------------
# Debian's jars (from their .deb packages, unpacked with dpkg-deb, no JRE needed) plus a
# Spring Boot-style fat jar nesting two of them; compared with syft in the tests.
OUT_JAVA="$CACHE/real-java.tar"
JAVA_PACKAGES="libcommons-lang3-java libslf4j-java libguava-java libjackson2-core-java"
if [[ ! -s $OUT_JAVA ]]; then
  log "apt-get download + dpkg-deb -x: Debian's jars; make_java_image.py"
  rm -rf "$CACHE/java-debs" "$CACHE/java-root"
  mkdir -p "$CACHE/java-debs" "$CACHE/java-root"
  # shellcheck disable=SC2086
  (cd "$CACHE/java-debs" && { apt-get download -q $JAVA_PACKAGES || { apt-get update -q && apt-get download -q $JAVA_PACKAGES; }; }) \
    >"$CACHE/apt-java.log" 2>&1 || { tail -n 30 "$CACHE/apt-java.log" >&2; exit 1; }
  for deb in "$CACHE"/java-debs/*.deb; do dpkg-deb -x "$deb" "$CACHE/java-root"; done
  python3 "$(dirname "$0")/make_java_image.py" "$CACHE/java-root" "$OUT_JAVA.tmp"
  mv "$OUT_JAVA.tmp" "$OUT_JAVA"
  rm -rf "$CACHE/java-debs" "$CACHE/java-root"
fi

log "done in $((SECONDS - t0))s"
echo "$OCI:$TAG"
echo "$OUT_DOCKER"
echo "$OUT_OCI"
echo "$OUT_LANG"
echo "$OUT_JAVA"
