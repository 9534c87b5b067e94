#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests of the production database path and prints its
# URL. Usage: eval "$(bash scripts/postgres-test-server.sh start)"; ...; bash scripts/postgres-test-server.sh stop
set -euo pipefail
PORT="${PG_TEST_PORT:-54329}"
DIR="${PG_TEST_DIR:-/tmp/dfns-starter-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/pg_ctl" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_postgres "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    # Already running (an earlier run that was interrupted): use it.
    as_postgres "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1 ||
      as_postgres "$BIN/pg_ctl" -D "$DIR" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" -w -l "$DIR/log" start >/dev/null
    echo "export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_postgres "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null || true
    ;;
esac
