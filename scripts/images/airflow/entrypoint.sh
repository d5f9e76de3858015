#!/bin/bash
# Runs any airflow subcommand, like the upstream image: `airflow webserver`, `webserver`,
# `celery ...`, `bash -c ...` and `python ...` pass through unchanged.
set -euo pipefail

# Optional one-shot steps before the main command, for charts without a migrate job.
if [[ "${_AIRFLOW_DB_MIGRATE:-false}" == "true" ]]; then
  airflow db migrate
fi

if [[ $# -eq 0 ]]; then
  exec airflow --help
fi

case "$1" in
  airflow | celery | bash | sh | python | python3 | gunicorn | /*)
    exec "$@"
    ;;
  *)
    exec airflow "$@"
    ;;
esac
