#!/usr/bin/env bash
# Builds kind and helm with the Go toolchain from the Go module proxy, cached by version.
set -euo pipefail
KIND_VERSION=${KIND_VERSION:-v0.30.0}
HELM_VERSION=${HELM_VERSION:-v3.21.4}
K8S_VERSION=${K8S_VERSION:-v1.34.4}
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
BIN="$CACHE/bin"
mkdir -p "$BIN"

build() { # name version module-path output-name [ldflags]
  local name=$1 version=$2 pkg=$3 ldflags=${4:-}
  local stamp="$BIN/$name.version"
  if [ -x "$BIN/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
    echo "$name $version: cached"; return 0
  fi
  echo "$name $version: building from the Go module proxy"
  local start=$SECONDS gobin
  gobin=$(mktemp -d)
  GOBIN="$gobin" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w $ldflags" "$pkg@$version"
  mv "$gobin/$(basename "${pkg%/v[0-9]*}")" "$BIN/$name" 2>/dev/null || mv "$gobin"/* "$BIN/$name"
  rm -rf "$gobin"
  echo "$version" > "$stamp"
  echo "$name $version: built in $((SECONDS - start)) s"
  printf '%s\t%s\t%s\n' "$name" "$version" "$((SECONDS - start))" >> "$CACHE/build-times.tsv"
}

minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
build kind "$KIND_VERSION" sigs.k8s.io/kind
# Without the version ldflags helm reports v3.x "unknown" and `helm template` assumes Kubernetes v1.20.
build helm "$HELM_VERSION" helm.sh/helm/v3/cmd/helm \
  "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$minor"
