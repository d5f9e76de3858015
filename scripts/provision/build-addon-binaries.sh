#!/usr/bin/env bash
# Builds the binaries of the cluster add-ons a kind node image carries (etcd, coredns, crictl,
# pause) and the NetworkPolicy engine (kube-router), from the Go module proxy and the C source
# that ships in the kubernetes module. Cached by version.
set -euo pipefail
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
ETCD_VERSION=${ETCD_VERSION:-v3.6.5}
COREDNS_VERSION=${COREDNS_VERSION:-v1.12.1}
CRICTL_VERSION=${CRICTL_VERSION:-v1.34.0}
KUBE_ROUTER_VERSION=${KUBE_ROUTER_VERSION:-v2.1.0}
# pause.c barely changes between releases; one source for every Kubernetes version keeps the
# binary (and so every node image that carries it) the same when a matrix switches versions.
PAUSE_SOURCE_VERSION=${PAUSE_SOURCE_VERSION:-v1.34.4}
OUT="$CACHE/addons"
mkdir -p "$OUT"

cached() { [ -x "$OUT/$1" ] && [ "$(cat "$OUT/$1.version" 2>/dev/null)" = "$2" ]; }
stamp() {
  echo "$2" > "$OUT/$1.version"; echo "$1 $2: built in $(( SECONDS - $3 )) s"
  printf '%s\t%s\t%s\n' "$1" "$2" "$(( SECONDS - $3 ))" >> "$CACHE/build-times.tsv"
}

install_module() { # name version package
  local name=$1 version=$2 pkg=$3 start=$SECONDS gobin
  if cached "$name" "$version"; then echo "$name $version: cached"; return; fi
  echo "$name $version: building"
  gobin=$(mktemp -d)
  GOBIN="$gobin" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w" "$pkg@$version"
  mv "$gobin"/* "$OUT/$name"; rm -rf "$gobin"
  stamp "$name" "$version" "$start"
}

# etcd's own main module replaces its sibling modules with local folders, so a tiny wrapper
# module calls the published server package instead.
build_etcd() {
  local start=$SECONDS work
  if cached etcd "$ETCD_VERSION"; then echo "etcd $ETCD_VERSION: cached"; return; fi
  echo "etcd $ETCD_VERSION: building"
  work=$(mktemp -d)
  cat > "$work/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  (cd "$work" && go mod init chartprobe.local/etcd >/dev/null 2>&1 \
    && go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >/dev/null 2>&1 \
    && go mod tidy >/dev/null 2>&1 \
    && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$OUT/etcd" . )
  rm -rf "$work"
  stamp etcd "$ETCD_VERSION" "$start"
}

build_pause() {
  local start=$SECONDS src
  if cached pause "$PAUSE_SOURCE_VERSION"; then echo "pause ($PAUSE_SOURCE_VERSION source): cached"; return; fi
  src=$(go mod download -json "k8s.io/kubernetes@$PAUSE_SOURCE_VERSION" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  gcc -Os -Wall -Werror -static -DVERSION="\"$PAUSE_SOURCE_VERSION-chartprobe\"" -o "$OUT/pause" "$src/build/pause/linux/pause.c"
  stamp pause "$PAUSE_SOURCE_VERSION" "$start"
}

build_pause
install_module crictl "$CRICTL_VERSION" sigs.k8s.io/cri-tools/cmd/crictl
install_module coredns "$COREDNS_VERSION" github.com/coredns/coredns
build_etcd
install_module kube-router "$KUBE_ROUTER_VERSION" github.com/cloudnativelabs/kube-router/v2/cmd/kube-router
