#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server for the test suite.
#   scripts/pg-test-server.sh start DIR   -> prints a DATABASE_URL on stdout
#   scripts/pg-test-server.sh stop DIR
# The server listens only on a Unix socket inside DIR and on 127.0.0.1 at a free port,
# runs as an unprivileged user when started by root (PostgreSQL refuses root), and
# keeps fsync off because its data is thrown away.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found; run scripts/install-test-deps.sh" >&2; exit 1; }
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as=(runuser -u postgres --)
fi
case "$cmd" in
  start)
    mkdir -p "$dir"
    chmod 0777 "$dir"
    [ -n "${run_as[*]}" ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    "${run_as[@]}" "$pg_bin/initdb" -D "$dir/data" -U lineofsight --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    "${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -h 127.0.0.1 -F -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "postgres://lineofsight@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && "${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
