#!/bin/bash
# First start: initdb, set the superuser password, optional non-superuser app owner, pg_hba from
# POSTGRES_HOST_AUTH_METHOD, optional self-signed TLS. Later starts reuse PGDATA as it is.
#
#   POSTGRES_USER (postgres)       superuser name        POSTGRES_PASSWORD   its password
#   POSTGRES_DB ($POSTGRES_USER)   database to create    POSTGRES_HOST_AUTH_METHOD md5|scram-sha-256|trust
#   POSTGRES_APP_USER / POSTGRES_APP_PASSWORD  optional non-superuser that owns POSTGRES_DB
#   POSTGRES_TLS on|off (off)      self-signed certificate generated at init
set -euo pipefail

if [[ "${1:-}" != "postgres" ]]; then
  exec "$@"
fi

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=${POSTGRES_USER}}"
: "${POSTGRES_HOST_AUTH_METHOD:=md5}"
: "${POSTGRES_TLS:=off}"
: "${POSTGRES_APP_USER:=}"
: "${POSTGRES_APP_PASSWORD:=}"

case "${POSTGRES_HOST_AUTH_METHOD}" in
  md5 | scram-sha-256 | trust) ;;
  *) echo "POSTGRES_HOST_AUTH_METHOD must be md5, scram-sha-256 or trust" >&2; exit 2 ;;
esac
if [[ "${POSTGRES_HOST_AUTH_METHOD}" != "trust" && -z "${POSTGRES_PASSWORD:-}" ]]; then
  echo "POSTGRES_PASSWORD is required unless POSTGRES_HOST_AUTH_METHOD=trust" >&2
  exit 2
fi

init_cluster() {
  local encryption=scram-sha-256
  [[ "${POSTGRES_HOST_AUTH_METHOD}" == "md5" ]] && encryption=md5
  initdb --username="${POSTGRES_USER}" --auth-local=trust --auth-host="${POSTGRES_HOST_AUTH_METHOD}" \
    --encoding=UTF8 --no-instructions >/dev/null
  {
    echo "listen_addresses = '*'"
    echo "port = 5432"
    echo "password_encryption = ${encryption}"
    echo "unix_socket_directories = '/var/run/postgresql'"
  } >>"${PGDATA}/postgresql.conf"
  # Socket access stays local to the container; every network client meets the chosen method.
  {
    echo "local all all trust"
    echo "host all all 0.0.0.0/0 ${POSTGRES_HOST_AUTH_METHOD}"
    echo "host all all ::/0 ${POSTGRES_HOST_AUTH_METHOD}"
  } >"${PGDATA}/pg_hba.conf"
  if [[ "${POSTGRES_TLS}" == "on" ]]; then
    openssl req -new -x509 -days 3650 -nodes -subj "/CN=postgres" \
      -keyout "${PGDATA}/server.key" -out "${PGDATA}/server.crt" 2>/dev/null
    chmod 600 "${PGDATA}/server.key"
    echo "ssl = on" >>"${PGDATA}/postgresql.conf"
  fi

  pg_ctl -D "${PGDATA}" -o "-c listen_addresses=''" -w start >/dev/null
  psql -v ON_ERROR_STOP=1 --username="${POSTGRES_USER}" --dbname=postgres \
    -v su="${POSTGRES_USER}" -v supw="${POSTGRES_PASSWORD:-}" -v db="${POSTGRES_DB}" \
    -v app="${POSTGRES_APP_USER}" -v apppw="${POSTGRES_APP_PASSWORD}" >/dev/null <<'SQL'
SELECT :'supw' <> '' AS has_pw \gset
\if :has_pw
ALTER ROLE :"su" PASSWORD :'supw';
\endif
SELECT :'app' <> '' AS has_app, :'db' <> 'postgres' AS new_db \gset
\if :has_app
CREATE ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'apppw';
\endif
\if :new_db
CREATE DATABASE :"db";
\endif
\if :has_app
ALTER DATABASE :"db" OWNER TO :"app";
\c :"db"
ALTER SCHEMA public OWNER TO :"app";
\endif
SQL
  pg_ctl -D "${PGDATA}" -m fast -w stop >/dev/null
  echo "postgres: initialised ${PGDATA} (auth ${POSTGRES_HOST_AUTH_METHOD}, tls ${POSTGRES_TLS})" >&2
}

mkdir -p "$(dirname "${PGDATA}")"
if [[ ! -s "${PGDATA}/PG_VERSION" ]]; then
  init_cluster
fi
exec postgres -D "${PGDATA}"
