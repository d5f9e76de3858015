#!/usr/bin/env bash
# The online strategy: fetch kind, helm and kubectl release binaries into the cache when they
# are not on PATH. Only used on machines with internet access (CI runners, laptops).
set -euo pipefail
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
KIND_VERSION=${KIND_VERSION:-v0.30.0}
HELM_VERSION=${HELM_VERSION:-v3.21.4}
K8S_VERSION=${K8S_VERSION:-v1.34.4}
arch=$(uname -m); case "$arch" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; esac
mkdir -p "$CACHE/bin"
fetch() { curl -fsSL --retry 3 -o "$2" "$1" && chmod +x "$2"; }
command -v kind >/dev/null || [ -x "$CACHE/bin/kind" ] ||
  fetch "https://kind.sigs.k8s.io/dl/$KIND_VERSION/kind-linux-$arch" "$CACHE/bin/kind"
command -v kubectl >/dev/null || [ -x "$CACHE/bin/kubectl" ] ||
  fetch "https://dl.k8s.io/release/$K8S_VERSION/bin/linux/$arch/kubectl" "$CACHE/bin/kubectl"
if ! command -v helm >/dev/null && [ ! -x "$CACHE/bin/helm" ]; then
  tmp=$(mktemp -d)
  curl -fsSL --retry 3 "https://get.helm.sh/helm-$HELM_VERSION-linux-$arch.tar.gz" | tar -xz -C "$tmp"
  mv "$tmp/linux-$arch/helm" "$CACHE/bin/helm"; rm -rf "$tmp"
fi
echo "online tools ready in $CACHE/bin"
