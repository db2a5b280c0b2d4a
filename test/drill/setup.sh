#!/usr/bin/env bash
# Prepares podman for the `vsafe drill` suite (RECIPES §3). Idempotent: every step
# checks first and does nothing when already done. Run by .ci/run before `npm test`.
set -euo pipefail

IMAGE=localhost/bb:1

if [ "$(id -u)" = "0" ]; then
  missing=()
  for p in podman podman-compose runc busybox-static; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "drill setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # crun fails on this kind of machine (hybrid cgroups, rlimits): use runc and cgroupfs.
  if [ ! -f /etc/containers/containers.conf ]; then
    mkdir -p /etc/containers
    printf '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"\n' > /etc/containers/containers.conf
    echo "drill setup: wrote /etc/containers/containers.conf"
  fi
else
  for cmd in podman podman-compose; do
    command -v "$cmd" >/dev/null || { echo "drill setup: $cmd is missing and this script is not root: install podman podman-compose runc busybox-static" >&2; exit 1; }
  done
fi

# Images without a registry, from a busybox root filesystem:
#   localhost/bb:1          busybox with a shell
#   localhost/bb-vol:1      the same with `VOLUME /data` (an image-declared anonymous volume)
#   localhost/bb-noshell:1  only /bin/busybox, no `sh`: the drill must work without a shell
work=""
cleanup() { if [ -n "$work" ]; then rm -rf "$work"; fi; }
trap cleanup EXIT
rootfs() { # $1: folder, $2: "shell" or "noshell"
  local busybox
  busybox=$(command -v busybox || true)
  [ -n "$busybox" ] || busybox=/bin/busybox
  [ -x "$busybox" ] || { echo "drill setup: no busybox binary found (install busybox-static)" >&2; exit 1; }
  mkdir -p "$1/bin" "$1/data" "$1/tmp"
  cp "$busybox" "$1/bin/busybox"
  if [ "$2" = shell ]; then
    for c in sh ls cat echo sleep test mkdir rm true printf; do ln -sf busybox "$1/bin/$c"; done
  fi
}
import_image() { # $1: image, $2: shell|noshell, $3...: podman import --change options
  local image=$1 kind=$2
  shift 2
  if podman image exists "$image"; then return 0; fi
  [ -n "$work" ] || work=$(mktemp -d)
  rm -rf "$work/rootfs" && rootfs "$work/rootfs" "$kind"
  tar -C "$work/rootfs" -cf "$work/image.tar" .
  podman import --quiet "$@" "$work/image.tar" "$image" >/dev/null
  echo "drill setup: imported $image"
}
import_image "$IMAGE" shell
import_image localhost/bb-vol:1 shell --change 'VOLUME /data'
import_image localhost/bb-noshell:1 noshell

for image in "$IMAGE" localhost/bb-vol:1 localhost/bb-noshell:1; do podman image exists "$image"; done
echo "drill setup: podman ready ($(podman --version), $(podman-compose version 2>/dev/null | grep -i 'podman-compose' | head -1 || echo podman-compose))"
