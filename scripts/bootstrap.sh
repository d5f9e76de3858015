#!/usr/bin/env bash
# The one set-up entry point on a fresh machine.
#   bash scripts/bootstrap.sh run [chartprobe run options]   set up, then run the default scenario
#   bash scripts/bootstrap.sh test [vitest options]          set up, start services, run all tests
#   bash scripts/bootstrap.sh setup                          only the set-up of `test`
# Everything is idempotent and cached ($CHARTPROBE_CACHE, default ~/.cache/chartprobe).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}; shift || true
say() { printf '\n== %s\n' "$*" >&2; }

ensure_apt() { # packages...
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 3; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_node() {
  # Node 24 LTS comes from the npm registry as the `node` package (a devDependency-free
  # dependency of this project), so npm scripts and npx run on it whatever the machine has.
  if ! command -v npm >/dev/null; then ensure_apt nodejs npm; fi
  if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies (includes Node 24)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  local v; v=$(node_modules/.bin/node --version)
  case "$v" in v2[2-9]*|v[3-9]*) ;; *) echo "Node $v is too old; expected >= 22" >&2; exit 3 ;; esac
}

provision_cluster_toolchain() {
  ensure_apt debootstrap iptables ipset nftables ca-certificates curl gcc libc6-dev
  command -v go >/dev/null || { echo "the Go toolchain is needed to build kind/helm/Kubernetes offline" >&2; exit 3; }
  for step in start-docker build-base-image build-go-tools build-kubernetes build-addon-binaries build-node-image build-engine-images; do
    say "provision: $step"
    bash "scripts/provision/$step.sh"
  done
}

build_test_images() {
  if [ -x scripts/images/build-images.sh ] || [ -f scripts/images/build-images.sh ]; then
    say "images: building the target images (cached)"
    bash scripts/images/build-images.sh
  fi
}

case "$mode" in
  run)
    ensure_node
    if [ "${CHARTPROBE_STRATEGY:-}" != "online" ]; then provision_cluster_toolchain; build_test_images; fi
    say "chartprobe run $*"
    exec npx --no-install chartprobe run "$@"
    ;;
  setup|test)
    ensure_node
    ensure_apt redis-server postgresql pgbouncer chromium openssl
    say "the official SARIF 2.1.0 schema for the report tests"
    bash scripts/provision/fetch-sarif-schema.sh
    provision_cluster_toolchain
    build_test_images
    if [ "$mode" = test ]; then
      say "npm test $*"
      exec npm test -- "$@"
    fi
    ;;
  *)
    sed -n '2,7p' "$0" >&2; exit 2 ;;
esac
