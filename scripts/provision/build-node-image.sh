#!/usr/bin/env bash
# Assembles a kind node image from locally built parts (no registry): the steps of
# `kind build node-image`, done by hand. Prints the image reference on its last line.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
K8S_VERSION=${K8S_VERSION:-v1.34.4}
KIND_VERSION=${KIND_VERSION:-v0.30.0}
KUBE_ROUTER_VERSION=${KUBE_ROUTER_VERSION:-v2.1.0}
BASE_IMAGE=${BASE_IMAGE:-chartprobe.local/debian:bookworm}
NODE_IMAGE=${NODE_IMAGE:-chartprobe.local/kind-node:$K8S_VERSION-cp1}
KUBE_ROUTER_IMAGE=chartprobe.local/kube-router:$KUBE_ROUTER_VERSION-cp1
export DOCKER_BUILDKIT=0 # docker 20.10 without buildx: the classic builder is always there

K8S_BIN="$CACHE/kubernetes/$K8S_VERSION"
ADDONS="$CACHE/addons"
for f in "$K8S_BIN/kubeadm" "$ADDONS/etcd" "$ADDONS/coredns" "$ADDONS/crictl" "$ADDONS/pause" "$ADDONS/kube-router"; do
  [ -x "$f" ] || { echo "node image: missing $f (run build-kubernetes.sh and build-addon-binaries.sh first)" >&2; exit 3; }
done

inputs_hash=$( { cat "$HERE"/node-image/*; cat "$0"; echo "$K8S_VERSION $KIND_VERSION $KUBE_ROUTER_VERSION";
  sha256sum "$K8S_BIN"/* "$ADDONS"/* 2>/dev/null | cut -c1-64; } | sha256sum | cut -c1-16)
if [ "$(docker image inspect -f '{{index .Config.Labels "chartprobe.inputs"}}' "$NODE_IMAGE" 2>/dev/null)" = "$inputs_hash" ]; then
  echo "node image: $NODE_IMAGE cached"; echo "$NODE_IMAGE"; exit 0
fi
start=$SECONDS
work=$(mktemp -d)
builder=""
cleanup() { [ -n "$builder" ] && docker rm -f "$builder" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

# What kubeadm will ask the node for, exactly as this kubeadm names it.
mapfile -t wanted < <("$K8S_BIN/kubeadm" config images list --kubernetes-version "$K8S_VERSION" 2>/dev/null)
image_for() { printf '%s\n' "${wanted[@]}" | grep "/$1:" | head -1; }

build_component() { # image-ref binary-path dockerfile
  local ref=$1 bin=$2 dockerfile=$3 ctx="$work/ctx-$(basename "$2")"
  mkdir -p "$ctx"; cp "$bin" "$ctx/"
  sed "s/@BINARY@/$(basename "$bin")/g" "$HERE/node-image/$dockerfile" > "$ctx/Dockerfile"
  docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$ref" "$ctx" >/dev/null 2>"$ctx/build.err" ||
    { grep -v "DEPRECATED\|BuildKit\|environment-variable" "$ctx/build.err" >&2; exit 3; }
  echo "node image: built $ref"
}

images=()
for c in kube-apiserver kube-controller-manager kube-scheduler; do
  ref=$(image_for "$c"); build_component "$ref" "$K8S_BIN/$c" component.Dockerfile; images+=("$ref")
done
ref=$(image_for kube-proxy); build_component "$ref" "$K8S_BIN/kube-proxy" iptables-component.Dockerfile; images+=("$ref")
ref=$(image_for etcd); build_component "$ref" "$ADDONS/etcd" component.Dockerfile; images+=("$ref")
ref=$(image_for coredns); build_component "$ref" "$ADDONS/coredns" component.Dockerfile; images+=("$ref")
ref=$(image_for pause); build_component "$ref" "$ADDONS/pause" component.Dockerfile; images+=("$ref")
# kind's containerd config names pause 3.10 as the sandbox image; serve both names.
docker tag "$ref" registry.k8s.io/pause:3.10; images+=(registry.k8s.io/pause:3.10)
build_component "$KUBE_ROUTER_IMAGE" "$ADDONS/kube-router" iptables-component.Dockerfile; images+=("$KUBE_ROUTER_IMAGE")

echo "node image: assembling the root file system"
kind_dir=$(go mod download -json "sigs.k8s.io/kind@$KIND_VERSION" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
ctx="$work/node"; mkdir -p "$ctx/bin"
cp -r "$kind_dir/images/base/files" "$ctx/kind-files"; chmod -R u+w "$ctx/kind-files"
cp "$K8S_BIN/kubelet" "$K8S_BIN/kubeadm" "$K8S_BIN/kubectl" "$ADDONS/crictl" "$ctx/bin/"
cp "$HERE/node-image/Dockerfile" "$ctx/"
docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg K8S_VERSION="$K8S_VERSION" -t "$NODE_IMAGE-base" "$ctx" >/dev/null 2>"$work/build.err" || { grep -v "DEPRECATED\|BuildKit\|environment-variable" "$work/build.err" >&2; exit 3; }

echo "node image: importing ${#images[@]} component images into the node's containerd"
docker save -o "$work/images.tar" "${images[@]}"
builder=$(docker run -d --privileged --entrypoint sleep -v "$work/images.tar:/images.tar:ro" "$NODE_IMAGE-base" infinity)
docker exec "$builder" sh -c '
  (containerd >/tmp/containerd.log 2>&1 &)
  for i in $(seq 1 60); do ctr version >/dev/null 2>&1 && break; sleep 0.5; done
  ctr -n k8s.io images import --no-unpack --all-platforms /images.tar >/dev/null
  ctr -n k8s.io images ls -q | grep -v "^sha256:"
  pkill containerd; sleep 1; rm -f /tmp/containerd.log'
# The container config (STOPSIGNAL, ENV) is inherited from the base; only the entrypoint and
# command, overridden to keep the builder alive, are set back.
docker commit \
  --change 'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]' --change 'CMD []' \
  --change "LABEL chartprobe.inputs=$inputs_hash" "$builder" "$NODE_IMAGE" >/dev/null
docker rmi "$NODE_IMAGE-base" >/dev/null 2>&1 || true
echo "node image: $NODE_IMAGE built in $((SECONDS - start)) s"
printf 'node-image\t%s\t%s\n' "$NODE_IMAGE" "$((SECONDS - start))" >> "$CACHE/build-times.tsv"
echo "$NODE_IMAGE"
