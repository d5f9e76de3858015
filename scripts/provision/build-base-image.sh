#!/usr/bin/env bash
# A Debian bookworm base image made with debootstrap from Debian's package archive, the root
# of every image chartprobe builds when no container registry is reachable.
set -euo pipefail
IMAGE=${BASE_IMAGE:-chartprobe.local/debian:bookworm}
if docker image inspect "$IMAGE" >/dev/null 2>&1; then echo "base image: $IMAGE cached"; exit 0; fi
if [ "${CHARTPROBE_STRATEGY:-}" = "online" ]; then
  # Where a registry is reachable the same Debian release is simply pulled.
  docker pull -q debian:bookworm >/dev/null && docker tag debian:bookworm "$IMAGE"
  echo "base image: $IMAGE from debian:bookworm"; exit 0
fi
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
echo "base image: debootstrap bookworm (about a minute)"
debootstrap --variant=minbase bookworm "$root" ${mirror:+"$mirror"} >/dev/null
# The host's apt sources (and any proxy setting) are what reach Debian from here.
cp /etc/apt/sources.list "$root/etc/apt/" 2>/dev/null || true
mkdir -p "$root/etc/apt/sources.list.d" "$root/etc/apt/apt.conf.d"
cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
cp /etc/apt/apt.conf.d/99* "$root/etc/apt/apt.conf.d/" 2>/dev/null || true
rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
tar -C "$root" -c . | docker import - "$IMAGE" >/dev/null
echo "base image: $IMAGE built"
printf 'base-image\t%s\t%s\n' "$IMAGE" "$SECONDS" >> "${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}/build-times.tsv"
