#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a folder of its own:
#   postgres.sh start DIR        initdb + start on 127.0.0.1, a free port; prints the URL
#   postgres.sh createdb DIR DB  a separate database in it (each test run gets its own); prints its URL
#   postgres.sh stop DIR         stop it (if it runs) and remove DIR
# Uses the newest /usr/lib/postgresql/*/bin (Debian), else PG_BIN, else initdb on PATH. As root,
# the server runs as the `postgres` user (initdb refuses root). Trust auth, 127.0.0.1 only, and its
# unix socket inside DIR: a test cluster, never a server for anything else.
set -euo pipefail

command=${1:?usage: postgres.sh start|createdb|stop DIR [DB]}
dir=${2:?usage: postgres.sh start|createdb|stop DIR [DB]}
data="$dir/data"
name=${3:-}

bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$newest" ]; then echo "$newest"; return; fi
  dirname "$(command -v initdb)"
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => {
    console.log(s.address().port); s.close(); });'
}

url() { echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/$1"; }

start() {
  local bin port
  bin=$(bin_dir)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  as_server_user "$bin/initdb" --no-sync --pgdata="$data" --username=postgres --auth=trust \
    --encoding=UTF8 --no-locale >"$dir/initdb.log"
  # Durability is pointless in a cluster that is deleted after the run.
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
  # The port is free when picked; another process may take it before the server binds: retry.
  for _ in 1 2 3; do
    port=$(free_port)
    if as_server_user "$bin/pg_ctl" start --pgdata="$data" --log="$dir/server.log" --wait \
      --silent -o "-p $port" >/dev/null; then
      echo "$port" >"$dir/port"
      echo "$bin/psql" >"$dir/psql"
      url postgres
      return
    fi
  done
  echo "postgres.sh: the server did not start; its log:" >&2
  tail -n 20 "$dir/server.log" >&2
  exit 1
}

createdb() {
  [ -n "$name" ] || { echo "usage: postgres.sh createdb DIR DB" >&2; exit 2; }
  "$(cat "$dir/psql")" --quiet --no-psqlrc "$(url postgres)" -c "CREATE DATABASE \"$name\"" >/dev/null
  url "$name"
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then
    as_server_user "$(bin_dir)/pg_ctl" stop --pgdata="$data" --mode=immediate --silent || true
  fi
  rm -rf "$dir"
}

case "$command" in
  start | createdb | stop) "$command" ;;
  *) echo "postgres.sh: unknown command $command (start, createdb, stop)" >&2; exit 2 ;;
esac
