#!/usr/bin/env bash
# A generated store shaped like CBS regional data (bench/store.sql: every gemeente, arbeidsmarktregio
# and provincie, up to 150 indicators, 30 years of years and quarters, three vintages, statuses and
# missing values), written set-based into the app's own embedded database. The folder it makes is an
# LLO_DATA_DIR: bench/api.sh runs on it with LLO_BENCH_STORE=DIR.
# Usage: bench/store.sh ROWS DIR   e.g. bench/store.sh 10000000 /tmp/llo-store-10m
# Ends with: SUMMARY store_rows=... store_seconds=... store_mb=...
source "$(dirname "$0")/lib.sh"
ROWS=${1:?usage: bench/store.sh ROWS DIR}
DIR=${2:?usage: bench/store.sh ROWS DIR}
PORT=${LLO_BENCH_PORT:-18091}
need psql postgresql-client
mkdir -p "$DIR"
[ -d "$DIR/pgdata" ] && { echo "$DIR already holds a store; give a new folder" >&2; exit 1; }
export LLO_BENCH_STORE="$DIR"
# the app creates the schema and loads regions, periods' rules and indicators; no demo data, no shared/data
start_app "$PORT" -Dllo.import.bootstrap-dir=off -Dllo.import.demo=false
embedded_pg
start=$(date +%s)
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d llo -v rows="$ROWS" -f "$BENCH_DIR/store.sql"
seconds=$(( $(date +%s) - start ))
rows=$(psql -X -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d llo -c "select count(*) from observation")
mb=$(psql -X -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d llo -c "select pg_database_size('llo') / 1048576")
stop_app
echo "# store in $DIR: $rows observations, $mb MB, generated in $seconds s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "SUMMARY store_rows=$rows store_seconds=$seconds store_mb=$mb"
