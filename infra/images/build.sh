#!/usr/bin/env bash
# Builds the platform's container images with no container engine, pushes them to the local registry
# 127.0.0.1:5000 and checks them: a JRE base image from Debian packages (debootstrap, packed by oci-image.py), the
# service images on top of it with Jib. Prints each image's digest; --pin writes the digests into the prod overlay.
#
# usage: infra/images/build.sh [--base-only] [--pin] [--no-check]
#   --base-only  only the base image
#   --pin        write the service images' digests into k8s/overlays/prod/kustomization.yaml (kustomize `digest:`)
#   --no-check   skip the checks; the smoke run needs PostgreSQL, Kafka and Keycloak up (`./twinning images` starts them)
#
# Reproducible: the same commit on the same base image should give the same image digests. Jib writes fixed times into
# the image and its layers, the jars get the commit's time (project.build.outputTimestamp), and normalize-layers.py
# rewrites the jars Quarkus 3.27 writes with the build's time (see docs/operations.md, "Images").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${TWINNING_HOME:-$ROOT/.twinning}"
LOGS="$STATE/logs"
RUN="$STATE/run"
REGISTRY=127.0.0.1:5000
BASE_IMAGE="$REGISTRY/twinning/jre17-base:bookworm"
SERVICES=(registry-service:8081 exchange-service:8082 notification-service:8083 portal:8080)
MANAGEMENT_PORT=9000
PROD_OVERLAY="$ROOT/k8s/overlays/prod/kustomization.yaml"
STARTED=()

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { printf '\033[31mimages: %s\033[0m\n' "$*" >&2; exit 1; }
http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pid_alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }
mvnw() { "$ROOT/mvnw" -B -q "$@"; }

start_bg() { # NAME LOG COMMAND...: detached in its own process group, PID in $RUN/NAME.pid, stopped on exit
  local name=$1 log=$2; shift 2
  if port_open "${PORT_OF[$name]}"; then die "port ${PORT_OF[$name]} (for $name) is taken by a process that is not ours"; fi
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
  STARTED+=("$name")
}
declare -A PORT_OF=([registry]=5000 [smoke]=18181)

stop_pid() { # TERM the process group, KILL after 20 s
  local name=$1 pid
  [ -f "$RUN/$name.pid" ] || return 0
  pid=$(cat "$RUN/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid"
}
stop_started() { local i; for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do stop_pid "${STARTED[$i]}"; done; }

wait_for() { # NAME SECONDS LOG URL
  local deadline=$((SECONDS + $2))
  until http_ok "$4"; do
    pid_alive "$1" || die "$1 exited while starting; read $3"
    [ $SECONDS -ge $deadline ] && die "$1 not ready after $2s; read $3"
    sleep 1
  done
}

need_packages() { # command:package ...
  local pair missing=()
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null || missing+=("${pair##*:}"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$LOGS/apt.log" 2>&1 \
    || die "could not install ${missing[*]}; read $LOGS/apt.log"
}

version() { sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1; }

start_registry() {
  if pid_alive registry; then return; fi
  mkdir -p "$STATE/registry"
  say "starting the local image registry on $REGISTRY"
  REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY="$STATE/registry" \
    start_bg registry "$LOGS/registry.log" docker-registry serve "$ROOT/infra/images/registry.yml"
  wait_for registry 30 "$LOGS/registry.log" "http://$REGISTRY/v2/"
}

# The Debian mirror this machine's apt already uses.
debian_mirror() {
  awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null \
    || awk '/^deb /{print $2; exit}' /etc/apt/sources.list
}

build_base_image() {
  if skopeo inspect --tls-verify=false "docker://$BASE_IMAGE" >/dev/null 2>&1; then echo "base image present"; return; fi
  local work="$STATE/images" rootfs="$STATE/images/rootfs"
  rm -rf "$rootfs"; mkdir -p "$work"
  say "building the JRE base image from Debian packages (debootstrap bookworm + openjdk-17-jre-headless)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$rootfs" "$(debian_mirror)" \
    >"$LOGS/debootstrap.log" 2>&1 || die "debootstrap failed; read $LOGS/debootstrap.log"
  # A non-root user to run as, and no package caches or docs in the image.
  echo 'app:x:1001:0:app:/home/app:/usr/sbin/nologin' >> "$rootfs/etc/passwd"
  mkdir -p "$rootfs/home/app" && chown 1001:0 "$rootfs/home/app"
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/tmp/*
  python3 "$ROOT/infra/images/oci-image.py" "$rootfs" "$work/jre17-oci" bookworm 1001 \
    org.opencontainers.image.title=twinning-jre17-base org.opencontainers.image.base.name=debian:bookworm-minbase \
    || die "packing the base image failed"
  skopeo copy --dest-tls-verify=false "oci:$work/jre17-oci:bookworm" "docker://$BASE_IMAGE" >"$LOGS/skopeo-base.log" 2>&1 \
    || die "pushing the base image failed; read $LOGS/skopeo-base.log"
  rm -rf "$rootfs" "$work/jre17-oci"
}

build_images() {
  local revision modules entry name image work
  revision=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
  modules=$(IFS=,; for entry in "${SERVICES[@]}"; do printf '%s,' "${entry%%:*}"; done)
  say "building and pushing the service images with Jib onto $BASE_IMAGE"
  # The images serve health, metrics and OpenAPI on the management port only (a build-time setting, so it is
  # given here: ./twinning up and the module tests keep them on the service port). The jars in target/ are then
  # the images' ones: the build stamp goes, so the next `up` builds its own again.
  rm -f "$STATE/build.stamp"
  # The jars' entries get the commit's time rather than now (maven-jar-plugin reads project.build.outputTimestamp).
  mvnw package -DskipTests -pl "${modules%,}" -am \
    -Dquarkus.management.enabled=true -Dquarkus.jib.ports="\${quarkus.http.port},$MANAGEMENT_PORT" \
    -Dproject.build.outputTimestamp="$(git -C "$ROOT" log -1 --format=%cI 2>/dev/null || echo 1980-01-01T00:00:02Z)" \
    -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
    -Dquarkus.container-image.registry="$REGISTRY" -Dquarkus.container-image.insecure=true \
    -Dquarkus.jib.base-jvm-image="$BASE_IMAGE" -Dtwinning.revision="$revision" \
    >"$LOGS/images.log" 2>&1 || die "image build failed; read $LOGS/images.log"
  # Quarkus 3.27 writes its own jars (quarkus-run.jar, quarkus/*.jar) with the time of the build: rewrite those
  # layers with fixed times and push the image again (same tag, now a digest that depends on the commit only).
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; image="$REGISTRY/twinning/$name:$(version)"; work="$STATE/images/$name-oci"
    rm -rf "$work"
    skopeo copy --src-tls-verify=false "docker://$image" "oci:$work:latest" >"$LOGS/skopeo-$name.log" 2>&1 \
      || die "pulling $image failed; read $LOGS/skopeo-$name.log"
    python3 "$ROOT/infra/images/normalize-layers.py" "$work" || die "normalizing $image failed"
    skopeo copy --dest-tls-verify=false "oci:$work:latest" "docker://$image" >>"$LOGS/skopeo-$name.log" 2>&1 \
      || die "pushing $image failed; read $LOGS/skopeo-$name.log"
    rm -rf "$work"
  done
}

# Each service image's digest (the manifest's, which a registry keeps when the image is copied on with skopeo).
digests() {
  local entry name
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    printf 'twinning/%s %s\n' "$name" \
      "$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$REGISTRY/twinning/$name:$(version)")"
  done
}

# Pull each image's config back from the registry and check it; then run one image without an engine
# (unpacked, chroot in its own namespaces) against the local stack until its health check says ready.
check_images() {
  local entry name port image work
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; port=${entry##*:}; image="$REGISTRY/twinning/$name:$(version)"
    say "checking $image"
    skopeo inspect --tls-verify=false --config "docker://$image" | python3 "$ROOT/infra/images/check-image.py" "$port" "$MANAGEMENT_PORT" \
      || die "$image fails its checks"
  done
  name=registry-service; image="$REGISTRY/twinning/$name:$(version)"; work="$STATE/images/smoke"
  say "smoke test: unpacking $image and starting it without a container engine"
  rm -rf "$work"; mkdir -p "$work/rootfs"
  skopeo copy --src-tls-verify=false "docker://$image" "dir:$work/image" >"$LOGS/smoke-pull.log" 2>&1 \
    || die "pulling $image failed; read $LOGS/smoke-pull.log"
  python3 -c 'import json,sys; [print(l["digest"].split(":")[1]) for l in json.load(open(sys.argv[1]))["layers"]]' \
    "$work/image/manifest.json" | while read -r layer; do tar --warning=no-unknown-keyword -xf "$work/image/$layer" -C "$work/rootfs"; done
  skopeo inspect --tls-verify=false --config "docker://$image" > "$work/config.json"
  port_open 18191 && die "port 18191 (for the smoke run's management port) is taken by a process that is not ours"
  start_bg smoke "$LOGS/smoke.log" "$ROOT/infra/images/run-image.sh" "$work/rootfs" "$work/config.json" \
    QUARKUS_HTTP_PORT=18181 QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=18191 QUARKUS_MANAGEMENT_HOST=127.0.0.1
  wait_for smoke 120 "$LOGS/smoke.log" "http://127.0.0.1:18191/q/health/ready"
  curl -fsS "http://127.0.0.1:18191/q/health/ready"; echo
  # Health and metrics are on the management port only, never on the service port.
  if http_ok "http://127.0.0.1:18181/q/health/ready"; then die "$image serves /q/health on its service port"; fi
  stop_pid smoke
  rm -rf "$work"
  say "images built, pushed to $REGISTRY and checked"
}

main() {
  local base_only=false pin=false check=true arg
  for arg in "$@"; do
    case $arg in
      --base-only) base_only=true ;;
      --pin) pin=true ;;
      --no-check) check=false ;;
      *) die "unknown option $arg (usage: infra/images/build.sh [--base-only] [--pin] [--no-check])" ;;
    esac
  done
  mkdir -p "$LOGS" "$RUN"
  trap stop_started EXIT
  need_packages debootstrap:debootstrap docker-registry:docker-registry skopeo:skopeo
  start_registry
  build_base_image
  $base_only && return 0
  build_images
  say "image digests"
  mkdir -p "$STATE/images"; digests | tee "$STATE/images/digests.txt"
  if $pin; then
    python3 "$ROOT/infra/images/pin.py" "$PROD_OVERLAY" < "$STATE/images/digests.txt" || die "pinning the digests failed"
    say "pinned in ${PROD_OVERLAY#"$ROOT/"}: review and commit it"
  fi
  $check && check_images
  return 0
}

main "$@"
