#!/usr/bin/env bash
# Builds the local stand-ins for upstream images (no container registry is reachable here).
#
#   scripts/images/build-images.sh [NAME...]     # default: every image in images.list
#
# Idempotent: an image is rebuilt only when its context hash (Dockerfile dir + base image id)
# differs from the label on the existing tag. CHARTPROBE_IMAGES_FORCE=1 rebuilds anyway;
# CHARTPROBE_IMAGES_NO_CACHE=1 also ignores docker's layer cache (a true cold build).
# CHARTPROBE_EXTRA_CA_DIR (default /usr/local/share/ca-certificates) holds *.crt files copied
# into the build context so pip can cross a TLS-intercepting proxy; they are not hashed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base_image="${CHARTPROBE_BASE_IMAGE:-chartprobe.local/debian:bookworm}"
extra_ca_dir="${CHARTPROBE_EXTRA_CA_DIR:-/usr/local/share/ca-certificates}"
label_key="org.chartprobe.context-hash"

log() { printf '[build-images] %s\n' "$*" >&2; }

declare -A tag_of=()
order=()
while read -r name tag _; do
  [[ -z "${name}" || "${name}" == \#* ]] && continue
  tag_of["${name}"]="${tag}"
  order+=("${name}")
done <"${here}/images.list"

wanted=("$@")
[[ ${#wanted[@]} -eq 0 ]] && wanted=("${order[@]}")
for name in "${wanted[@]}"; do
  [[ -n "${tag_of[${name}]:-}" ]] || { log "unknown image '${name}' (known: ${order[*]})"; exit 2; }
done

base_id="$(docker image inspect -f '{{.Id}}' "${base_image}" 2>/dev/null)" || {
  log "base image ${base_image} is missing: run scripts/provision/build-base-image.sh first"
  exit 1
}

# Content hash of a build directory: file names, modes and bytes, in a stable order.
context_hash() {
  local dir="$1"
  {
    echo "base ${base_id}"
    (cd "${dir}" && find . -type f -print0 | LC_ALL=C sort -z |
      xargs -0 -r sh -c 'for f; do printf "%s %s " "$f" "$(stat -c %a "$f")"; sha256sum <"$f"; done' _)
  } | sha256sum | cut -c1-16
}

build_one() {
  local name="$1" tag="${tag_of[$1]}" dir="${here}/$1"
  local want have ctx started elapsed
  want="$(context_hash "${dir}")"
  have="$(docker image inspect -f "{{ index .Config.Labels \"${label_key}\" }}" "${tag}" 2>/dev/null || true)"
  if [[ "${have}" == "${want}" && "${CHARTPROBE_IMAGES_FORCE:-0}" != "1" ]]; then
    log "${name}: ${tag} is up to date (hash ${want}), skipped"
    return 0
  fi
  log "${name}: building ${tag} (hash ${want}${have:+, was ${have}})"
  ctx="$(mktemp -d)"
  # Staged copy: the repo tree stays clean and extra CAs never land in git.
  cp -a "${dir}/." "${ctx}/"
  mkdir -p "${ctx}/extra-ca"
  if [[ -d "${extra_ca_dir}" ]]; then
    find "${extra_ca_dir}" -maxdepth 1 -name '*.crt' -exec cp {} "${ctx}/extra-ca/" \;
  fi
  started=${SECONDS}
  local cache=()
  [[ "${CHARTPROBE_IMAGES_NO_CACHE:-0}" == "1" ]] && cache=(--no-cache)
  if ! docker build "${cache[@]}" --label "${label_key}=${want}" --label "org.chartprobe.image=${name}" \
    -t "${tag}" "${ctx}" >"${ctx}.log" 2>&1; then
    tail -40 "${ctx}.log" >&2
    log "${name}: build FAILED (full log: ${ctx}.log)"
    rm -rf "${ctx}"
    return 1
  fi
  elapsed=$((SECONDS - started))
  rm -rf "${ctx}" "${ctx}.log"
  log "${name}: built ${tag} in ${elapsed}s ($(docker image inspect -f '{{.Size}}' "${tag}" | awk '{printf "%.0f MB", $1/1e6}'))"
}

total=${SECONDS}
for name in "${wanted[@]}"; do
  build_one "${name}"
done
log "done in $((SECONDS - total))s: ${wanted[*]}"
