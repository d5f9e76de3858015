#!/usr/bin/env bash
# Builds the Kubernetes node and control-plane binaries from the Go module proxy.
# `go install k8s.io/kubernetes/cmd/...` cannot work: the kubernetes module replaces every
# k8s.io/<staging> module with a local folder. A throwaway wrapper module pins each staging
# module to its published v0.MINOR.PATCH instead. Output is cached by version.
set -euo pipefail
K8S_VERSION=${K8S_VERSION:-v1.34.4}
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
OUT="$CACHE/kubernetes/$K8S_VERSION"
BINARIES=(kubelet kubeadm kubectl kube-apiserver kube-controller-manager kube-scheduler kube-proxy)

have_all() { for b in "${BINARIES[@]}"; do [ -x "$OUT/$b" ] || return 1; done; }
if have_all; then echo "kubernetes $K8S_VERSION: cached in $OUT"; exit 0; fi

staging_version="v0.${K8S_VERSION#v1.}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
download=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" 2>&1) || true
modfile=$(sed -n 's/.*"GoMod": "\(.*\)",/\1/p' <<<"$download")
if [ -z "$modfile" ]; then
  echo "kubernetes $K8S_VERSION: the Go module proxy does not serve k8s.io/kubernetes@$K8S_VERSION" >&2
  sed -n 's/.*"Error": "\(.*\)".*/  \1/p' <<<"$download" | sed 's/\\n\\t/\n  /g' >&2
  echo "  versions it serves: $(go list -m -versions k8s.io/kubernetes 2>/dev/null | cut -d' ' -f2- | tr ' ' '\n' | grep -E '^v1\.3[3-4]\.' | tr '\n' ' ')" >&2
  echo "  fix: pick one of those (K8S_VERSION=vX.Y.Z, or the scenario's cluster.kubernetesVersion)" >&2
  exit 3
fi

cd "$work"
go mod init chartprobe.local/k8s-build >/dev/null 2>&1
go mod edit -require="k8s.io/kubernetes@$K8S_VERSION"
while read -r mod; do
  go mod edit -replace="$mod=$mod@$staging_version"
done < <(sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$modfile")
cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-proxy"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubeadm"
	_ "k8s.io/kubernetes/cmd/kubectl"
	_ "k8s.io/kubernetes/cmd/kubelet"
)
GO
echo "kubernetes $K8S_VERSION: resolving modules"
go mod tidy -e >/dev/null 2>&1 || true
go mod download all >/dev/null 2>&1 || true

minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$now -X $pkg.gitCommit=0000000000000000000000000000000000000000"
done
mkdir -p "$OUT.tmp"
echo "kubernetes $K8S_VERSION: compiling ${BINARIES[*]} (a cold build takes tens of minutes on 2 cores)"
pkgs=(); for b in "${BINARIES[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$b"); done
CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$OUT.tmp/" "${pkgs[@]}"
rm -rf "$OUT"; mv "$OUT.tmp" "$OUT"
printf 'kubernetes\t%s\t%s\n' "$K8S_VERSION" "$SECONDS" >> "$CACHE/build-times.tsv"
echo "kubernetes $K8S_VERSION: built into $OUT"
