#!/bin/bash
# REDIS_PASSWORD empty or unset: no requirepass (open). The config goes in on stdin so the
# password never shows in the process list or on disk.
set -euo pipefail

if [[ "${1:-}" != "redis-server" ]]; then
  exec "$@"
fi

quote() {
  local v="${1//\\/\\\\}"
  printf '"%s"' "${v//\"/\\\"}"
}

{
  echo "port ${REDIS_PORT:-6379}"
  echo "bind * -::*"
  echo "protected-mode no"
  echo "dir /data"
  echo "save \"\""
  echo "appendonly no"
  if [[ -n "${REDIS_PASSWORD:-}" ]]; then
    echo "requirepass $(quote "${REDIS_PASSWORD}")"
  fi
} | exec redis-server -
