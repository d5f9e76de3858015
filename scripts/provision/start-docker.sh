#!/usr/bin/env bash
# Ensures a Docker engine answers on /var/run/docker.sock. On machines without a registry
# (and without systemd) it installs Debian's docker.io and starts dockerd by hand, with the
# capability-filtering runtime as default so privileged kind nodes can start.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
SOCK=/var/run/docker.sock

# kind bind-mounts /lib/modules into its nodes; kernels without modules (like these VMs') lack it.
[ -d /lib/modules ] || mkdir -p /lib/modules 2>/dev/null || true

if docker info >/dev/null 2>&1; then echo "docker: engine already answering"; exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "docker: installing Debian's docker.io"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io iptables ipset >/dev/null
fi

runtime_bin="$CACHE/bin/capfilter-runtime"
src_sum=$(cat "$HERE/capfilter-runtime/main.go" | sha256sum | cut -c1-16)
if [ ! -x "$runtime_bin" ] || [ "$(cat "$runtime_bin.sum" 2>/dev/null)" != "$src_sum" ]; then
  echo "docker: building the capability-filtering runtime"
  mkdir -p "$CACHE/bin"
  (cd "$HERE/capfilter-runtime" && CGO_ENABLED=0 go build -o "$runtime_bin" .)
  echo "$src_sum" > "$runtime_bin.sum"
fi

log="$CACHE/dockerd.log"
mkdir -p "$CACHE"
echo "docker: starting dockerd (log: $log)"
nohup dockerd --add-runtime "capfilter=$runtime_bin" --default-runtime capfilter >"$log" 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then echo "docker: engine up"; exit 0; fi
  sleep 1
done
echo "docker: dockerd did not answer within 60 s; last lines of $log:" >&2
tail -20 "$log" >&2
exit 3
