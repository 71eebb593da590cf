#!/usr/bin/env bash
# Runs an unpacked image root file system the way a container runtime would, with no engine:
# own mount and PID namespaces, /proc and /dev inside, chroot, the image's user, working dir, env and
# entrypoint. The host network is shared, so the service reaches the local PostgreSQL, Kafka and Keycloak.
#
# usage (as root): run-image.sh ROOTFS CONFIG_JSON [ENV=VALUE ...]
set -euo pipefail
rootfs=$1 config=$2; shift 2
read_config() { python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['config']; print($1)" "$config"; }
user=$(read_config "c.get('User','0')")
workdir=$(read_config "c.get('WorkingDir') or '/'")
mapfile -t env < <(read_config "'\n'.join(c.get('Env') or [])")
mapfile -t entry < <(read_config "'\n'.join((c.get('Entrypoint') or []) + (c.get('Cmd') or []))")
exec unshare --mount --pid --fork --kill-child bash -c '
  set -e
  rootfs=$1 user=$2 workdir=$3; shift 3
  mount --make-rprivate /
  mkdir -p "$rootfs/proc" "$rootfs/dev" "$rootfs/tmp"
  mount -t proc proc "$rootfs/proc"
  mount --rbind /dev "$rootfs/dev"
  mount -t tmpfs tmpfs "$rootfs/tmp"
  exec chroot --userspec="$user:0" "$rootfs" /usr/bin/env -C "$workdir" -i "$@"
' run-image "$rootfs" "${user%%:*}" "$workdir" "${env[@]}" "$@" "${entry[@]}"
