#!/usr/bin/env bash
# Installs (if needed) and starts a private PostgreSQL server on 127.0.0.1 for the team-mode tests.
# Safe to run twice: a running server is left as it is. Prints nothing but progress and the URL.
# Usage: scripts/postgres.sh [start|stop|url]
set -euo pipefail

PG_PORT="${OPVANG_PG_PORT:-54329}"
PG_DATA="${OPVANG_PG_DATA:-/var/tmp/opvangplanner-pg}"
PG_URL="postgres://postgres@127.0.0.1:${PG_PORT}/postgres"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "postgres.sh: PostgreSQL is not installed" >&2; exit 1; }
  echo "$bin"
}

as_postgres() { as_root runuser -u postgres -- "$@"; }

install_server() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! dpkg-query -W -f='${Status}' ssl-cert 2>/dev/null | grep -q "ok installed"; then
    echo "postgres.sh: installing postgresql (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql ssl-cert >/dev/null
  fi
}

start_server() {
  install_server
  local bin
  bin=$(pg_bin)
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    return 0
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    echo "postgres.sh: creating cluster in $PG_DATA"
    as_root mkdir -p "$PG_DATA"
    as_root chown postgres:postgres "$PG_DATA"
    as_root chmod 700 "$PG_DATA"
    as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=trust \
      -E UTF8 --locale=C.UTF-8 >/dev/null
    # TLS with the machine's self-signed certificate, so clients exercise "TLS when offered".
    cat <<CONF | as_root tee -a "$PG_DATA/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
max_connections = 200
ssl = on
ssl_cert_file = '/etc/ssl/certs/ssl-cert-snakeoil.pem'
ssl_key_file = '/etc/ssl/private/ssl-cert-snakeoil.key'
fsync = off
synchronous_commit = off
CONF
  fi
  echo "postgres.sh: starting PostgreSQL on 127.0.0.1:$PG_PORT"
  as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 start >/dev/null
}

stop_server() {
  local bin
  bin=$(pg_bin)
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  fi
}

case "${1:-start}" in
  start) start_server; echo "$PG_URL" ;;
  stop) stop_server ;;
  url) echo "$PG_URL" ;;
  *) echo "usage: $0 [start|stop|url]" >&2; exit 2 ;;
esac
