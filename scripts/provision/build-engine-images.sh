#!/usr/bin/env bash
# Builds the images of optional NetworkPolicy engines that are not part of the kind node image,
# from the Go module proxy; the kind provider loads one into a cluster only when a scenario asks
# for it. Today: kube-network-policies, the nftables-queue engine that kindnetd embeds. On
# kernels without nftables `queue` it runs but enforces nothing, which is exactly the failure the
# enforcement canary has to catch, so chartprobe keeps it to prove that on every such machine.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
KNP_VERSION=${KUBE_NETWORK_POLICIES_VERSION:-v0.8.0}
BASE_IMAGE=${BASE_IMAGE:-chartprobe.local/debian:bookworm}
KNP_IMAGE=chartprobe.local/kube-network-policies:$KNP_VERSION-cp1
OUT="$CACHE/engines"
export DOCKER_BUILDKIT=0
mkdir -p "$OUT"

start=$SECONDS
if [ -x "$OUT/kube-network-policies" ] && [ "$(cat "$OUT/kube-network-policies.version" 2>/dev/null)" = "$KNP_VERSION" ]; then
  echo "kube-network-policies $KNP_VERSION: cached"
else
  echo "kube-network-policies $KNP_VERSION: building"
  gobin=$(mktemp -d)
  GOBIN="$gobin" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kube-network-policies/cmd@$KNP_VERSION"
  mv "$gobin/cmd" "$OUT/kube-network-policies"; rm -rf "$gobin"
  echo "$KNP_VERSION" > "$OUT/kube-network-policies.version"
  echo "kube-network-policies $KNP_VERSION: built in $(( SECONDS - start )) s"
  printf '%s\t%s\t%s\n' kube-network-policies "$KNP_VERSION" "$(( SECONDS - start ))" >> "$CACHE/build-times.tsv"
fi

inputs_hash=$( { cat "$HERE/engine-image/Dockerfile" "$0"; echo "$KNP_VERSION $BASE_IMAGE";
  sha256sum "$OUT/kube-network-policies" | cut -c1-64; } | sha256sum | cut -c1-16)
if [ "$(docker image inspect -f '{{index .Config.Labels "chartprobe.inputs"}}' "$KNP_IMAGE" 2>/dev/null)" = "$inputs_hash" ]; then
  echo "engine image: $KNP_IMAGE cached"; exit 0
fi
ctx=$(mktemp -d); trap 'rm -rf "$ctx"' EXIT
cp "$OUT/kube-network-policies" "$HERE/engine-image/Dockerfile" "$ctx/"
docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" --label "chartprobe.inputs=$inputs_hash" \
  -t "$KNP_IMAGE" "$ctx" >/dev/null 2>"$ctx/build.err" ||
  { grep -v "DEPRECATED\|BuildKit\|environment-variable" "$ctx/build.err" >&2; exit 3; }
echo "engine image: built $KNP_IMAGE"
