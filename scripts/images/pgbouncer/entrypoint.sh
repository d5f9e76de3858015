#!/bin/bash
# Writes pgbouncer.ini and the users file into PGBOUNCER_RUN_DIR (default /tmp/pgbouncer, so a
# read-only root works with an emptyDir on /tmp), then runs pgbouncer in the foreground.
#
#   PGBOUNCER_UPSTREAM_HOST (required)  PGBOUNCER_UPSTREAM_PORT (5432)
#   PGBOUNCER_AUTH_USER / PGBOUNCER_AUTH_PASSWORD   the login clients use, forwarded upstream
#   PGBOUNCER_DATABASE (*)     '*' forwards any database name, like the community chart
#   PGBOUNCER_POOL_MODE (transaction)  PGBOUNCER_AUTH_TYPE (md5)  PGBOUNCER_LISTEN_PORT (6432)
set -euo pipefail

if [[ "${1:-}" != "pgbouncer" ]]; then
  exec "$@"
fi

: "${PGBOUNCER_UPSTREAM_HOST:?PGBOUNCER_UPSTREAM_HOST is required}"
: "${PGBOUNCER_AUTH_USER:?PGBOUNCER_AUTH_USER is required}"
: "${PGBOUNCER_AUTH_PASSWORD:?PGBOUNCER_AUTH_PASSWORD is required}"
run_dir="${PGBOUNCER_RUN_DIR:-/tmp/pgbouncer}"
umask 077
mkdir -p "${run_dir}"

# The users file holds the plain password: pgbouncer needs it to answer SCRAM upstream too.
quote() { printf '"%s"' "${1//\"/\"\"}"; }
printf '%s %s\n' "$(quote "${PGBOUNCER_AUTH_USER}")" "$(quote "${PGBOUNCER_AUTH_PASSWORD}")" >"${run_dir}/users.txt"

cat >"${run_dir}/pgbouncer.ini" <<INI
[databases]
${PGBOUNCER_DATABASE:-*} = host=${PGBOUNCER_UPSTREAM_HOST} port=${PGBOUNCER_UPSTREAM_PORT:-5432}

[pgbouncer]
listen_addr = *
listen_port = ${PGBOUNCER_LISTEN_PORT:-6432}
unix_socket_dir =
auth_type = ${PGBOUNCER_AUTH_TYPE:-md5}
auth_file = ${run_dir}/users.txt
pool_mode = ${PGBOUNCER_POOL_MODE:-transaction}
max_client_conn = ${PGBOUNCER_MAX_CLIENT_CONN:-200}
default_pool_size = ${PGBOUNCER_DEFAULT_POOL_SIZE:-10}
ignore_startup_parameters = extra_float_digits
pidfile =
logfile =
INI

exec pgbouncer "${run_dir}/pgbouncer.ini"
