#!/usr/bin/env bash
# API throughput (issue 4): wrk with 64 connections for DURATION seconds (default 30) against
# /api/v1/compare and /api/v1/series, and in the same run against nginx serving the very same
# response bytes as static files on another loopback port (the practical limit of this machine).
# Prints requests/s, the ratio to nginx, p50/p99 latency and the error count (socket errors and
# non-2xx). Targets: >= 50 % of nginx's throughput, p99 < 25 ms, zero errors. Loopback only.
# The app serves repeated requests from its in-memory response cache (per data version, emptied on
# every data change); the last lines measure the uncached path too (unique query per request).
# Then the uncached path against pgbench (see below). Ends with one line: SUMMARY compare_vs_nginx=...
# series_vs_nginx=... uncached_series_vs_pgbench=... (and p99, errors, rps, store size).
# Usage: [LLO_BENCH_STORE=DIR] [UNCACHED="series map"] [CACHED=0] [WARMUP=15] bench/api.sh [duration_seconds]
# With LLO_BENCH_STORE the app runs on a store made by bench/store.sh (the cached part reads the curated
# indicator it holds as well); bench/api-scale.sh prints the latency series over store sizes.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-30}
UNCACHED_DURATION=${UNCACHED_DURATION:-$DURATION}
# the uncached endpoints to measure (all four by default)
UNCACHED=${UNCACHED:-series compare map kerncijfers}
# CACHED=0 skips the cached part (against nginx), e.g. on a generated store (LLO_BENCH_STORE)
CACHED=${CACHED:-1}
CONNECTIONS=64
PORT=${LLO_BENCH_PORT:-18081}
NGINX_PORT=$((PORT + 1))
need wrk wrk
need nginx nginx-light

# the demo data set is enough; no background import of shared/data while measuring
start_app "$PORT" -Dllo.import.bootstrap-dir=off
echo "# store: ${LLO_BENCH_STORE:-demo data set in a new store}"

COMPARE="/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=PV26,PV21,NL01&period=2023KW02"
SERIES="/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26,PV21,NL01&from=2020KW01&to=2024KW04"

# wait until the demo data set is in (3 regions x 20 quarters in the series), so the app and
# nginx serve the same bytes
for _ in $(seq 1 120); do
  n=$(curl -sf "http://127.0.0.1:$PORT$SERIES" | grep -o '"period":"' | wc -l || true)
  [ "${n:-0}" -ge 60 ] && break
  sleep 0.5
done
WWW="$APP_DATA/www"
mkdir -p "$WWW/logs"
curl -sf "http://127.0.0.1:$PORT$COMPARE" -o "$WWW/compare.json"
curl -sf "http://127.0.0.1:$PORT$SERIES" -o "$WWW/series.json"
grep -q '"differences":\[{' "$WWW/compare.json" || { echo "compare response has no differences" >&2; exit 1; }
chmod a+rX "$APP_DATA"; chmod -R a+rX "$WWW"  # never pgdata: PostgreSQL refuses an open data folder
cat >"$WWW/nginx.conf" <<CONF
worker_processes auto;
pid $WWW/nginx.pid;
error_log $WWW/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    location / { add_header ETag "\"static\""; add_header Cache-Control "public, max-age=60"; }
  }
}
CONF
nginx -p "$WWW" -c "$WWW/nginx.conf"
stop_all() { [ -f "$WWW/nginx.pid" ] && kill "$(cat "$WWW/nginx.pid")" 2>/dev/null || true; stop_app; }
trap stop_all EXIT

run() { # run URL_PATH BASE_URL -> RESULT line fields
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "$BENCH_DIR/paths.lua" "$2" -- "$1" | grep RESULT | sed 's/RESULT //'
}
field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" <<<"$2"; }

echo "# bench/api.sh: wrk -t2 -c$CONNECTIONS -d${DURATION}s, loopback, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); app $(basename "$(app_jar)")"
echo "# response sizes: compare $(wc -c <"$WWW/compare.json") B, series $(wc -c <"$WWW/series.json") B"
status=0
SUMMARY="SUMMARY"
[ "$CACHED" = 1 ] && printf '%-8s %10s %10s %8s %8s %8s %8s %7s\n' endpoint app_rps nginx_rps ratio p50_ms p99_ms errors target
# warm-up (JIT, connection pools, response cache), not measured
if [ "$CACHED" = 1 ]; then
for p in "$COMPARE" "$SERIES"; do wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$p" >/dev/null; done
wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$NGINX_PORT/compare.json" >/dev/null
fi
for name in $( [ "$CACHED" = 1 ] && echo compare series ); do
  path=$COMPARE; [ "$name" = series ] && path=$SERIES
  app=$(run "$path" "http://127.0.0.1:$PORT")
  static=$(run "/$name.json" "http://127.0.0.1:$NGINX_PORT")
  app_rps=$(field rps "$app"); nginx_rps=$(field rps "$static")
  p50=$(field p50_ms "$app"); p99=$(field p99_ms "$app")
  errors=$(( $(field socket_errors "$app") + $(field 4xx "$app") + $(field 5xx "$app") ))
  ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", a / n }')
  ok=$(awk -v r="$ratio" -v p="$p99" -v e="$errors" 'BEGIN { print (r >= 0.5 && p < 25 && e == 0) ? "met" : "MISSED" }')
  [ "$ok" = met ] || status=1
  printf '%-8s %10s %10s %8s %8s %8s %8s %7s\n' "$name" "$app_rps" "$nginx_rps" "$ratio" "$p50" "$p99" "$errors" "$ok"
  SUMMARY="$SUMMARY ${name}_vs_nginx=$ratio ${name}_rps=$app_rps ${name}_p99_ms=$p99 ${name}_errors=$errors"
  echo "#   app:   $app"
  echo "#   nginx: $static"
done
# Uncached: every request has other parameters (bench/mix.lua: random indicator, regions, periods, and a
# unique nocache parameter), against pgbench running the SQL the endpoint needs (bench/pgbench/read.sql, kerncijfers.sql) with
# the same parameter mix on the same database, in the same run, 64 clients, prepared statements planned
# per execution (plan_cache_mode=force_custom_plan, as on the app's connections).
uncached_run() { # uncached_run ENDPOINT -> app and pgbench lines, sets status
  local name=$1 app pg app_rps pg_tps ratio p50 p99 errors pg_p50 pg_p99 ok
  # series, compare and map run one statement (pgbench/read.sql, its variable shape the endpoint)
  local script=(-f "$BENCH_DIR/pgbench/$name.sql")
  case $name in
    series) script=(-D shape=1 -f "$BENCH_DIR/pgbench/read.sql") ;;
    compare) script=(-D shape=2 -f "$BENCH_DIR/pgbench/read.sql") ;;
    map) script=(-D shape=3 -f "$BENCH_DIR/pgbench/read.sql") ;;
  esac
  app=$(wrk -t2 -c"$CONNECTIONS" -d"${UNCACHED_DURATION}s" --timeout 5s -s "$BENCH_DIR/mix.lua" \
    "http://127.0.0.1:$PORT" -- "$name" "$MIX" | grep RESULT | sed 's/RESULT //')
  rm -f "$WWW"/pgbench-"$name".*
  pg=$(PGOPTIONS="-c plan_cache_mode=force_custom_plan" pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$UNCACHED_DURATION" -r -l --log-prefix="$WWW/pgbench-$name" \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres "${PGVARS[@]}" "${script[@]}" llo 2>&1)
  pg_tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$pg" | head -n1)
  pg_failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' <<<"$pg" | head -n1)
  read -r pg_p50 pg_p99 < <(cat "$WWW"/pgbench-"$name".* | awk '{print $3 / 1000}' | sort -n | awk '
    {a[NR] = $1} END {printf "%.2f %.2f\n", a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1]}')
  rm -f "$WWW"/pgbench-"$name".*
  app_rps=$(field rps "$app"); p50=$(field p50_ms "$app"); p99=$(field p99_ms "$app")
  errors=$(( $(field socket_errors "$app") + $(field non2xx "$app") ))
  ratio=$(awk -v a="$app_rps" -v n="$pg_tps" 'BEGIN { printf "%.2f", (n > 0) ? a / n : 0 }')
  ok=$(awk -v r="$ratio" -v p="$p99" -v e="$errors" 'BEGIN { print (r >= 0.5 && p < 25 && e == 0) ? "met" : "MISSED" }')
  [ "$ok" = met ] || status=1
  printf '%-12s %9s %9.0f %6s %7s %7s %7s %7s %6s %7s  load %s\n' "$name" "$app_rps" "$pg_tps" "$ratio" "$p50" "$p99" \
    "$pg_p50" "$pg_p99" "$errors" "$ok" "$(cut -d' ' -f1 /proc/loadavg)"
  echo "#   app: $app; pgbench failed transactions: ${pg_failed:-0}" >&2
  SUMMARY="$SUMMARY uncached_${name}_vs_pgbench=$ratio uncached_${name}_rps=$app_rps uncached_${name}_p99_ms=$p99"
}
embedded_pg
need psql postgresql-client
need pgbench postgresql-client
psqlq() { psql -X -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d llo -c "$1"; }
# the parameter lists: indicators with data (totals), current regions of the three levels, the years
INDS=$(psqlq "select string_agg(code, ',' order by code) from indicator i where numerator_code is null
  and exists (select 1 from observation o where o.indicator_code = i.code and o.breakdown_id = 0
              and o.period_code like '____KW__')")
level() { psqlq "select string_agg(code, ',' order by code) from region where level = '$1' and valid_to is null"; }
PV=$(level provincie); AM=$(level arbeidsmarktregio); GM=$(level gemeente)
MIX="$WWW/mix.txt"
printf '%s\n%s\n%s\n' "$INDS" "$PV,$AM,$GM" "$(seq -s, 1995 2024)" >"$MIX"
count() { tr ',' '\n' <<<"$1" | wc -l; }
PGVARS=(-D "inds={$INDS}" -D "regs={$PV,$AM,$GM}" -D "pv={$PV}" -D "am={$AM}" -D "gm={$GM}"
  -D "ni=$(count "$INDS")" -D "nr=$(count "$PV,$AM,$GM")")
# observation and its segments (migration V13), if any
STORE_ROWS=$(psqlq "select sum(reltuples)::bigint from pg_class where oid = 'observation'::regclass
  or oid in (select inhrelid from pg_inherits where inhparent = 'observation'::regclass)")
echo "# uncached: wrk -t2 -c$CONNECTIONS -d${UNCACHED_DURATION}s with bench/mix.lua against pgbench -M prepared -c$CONNECTIONS -T${UNCACHED_DURATION}"
echo "# store: about $STORE_ROWS observations, $(count "$INDS") indicators with quarterly data, $(count "$PV,$AM,$GM") regions"
printf '%-12s %9s %9s %6s %7s %7s %7s %7s %6s %7s\n' endpoint app_rps pg_tps ratio p50_ms p99_ms pg_p50 pg_p99 errors target
# warm-up of the uncached path, not measured: under this load the JIT takes 10-20 s to compile the read,
# mapping and JSON code of an endpoint (with 5 s, series ran 25-35 % slower in a round straight after a start,
# as in bench/api-scale.sh); pgbench has nothing to warm up
for name in $UNCACHED; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-15}s" --timeout 5s -s "$BENCH_DIR/mix.lua" "http://127.0.0.1:$PORT" -- "$name" "$MIX" >/dev/null
done
for name in $UNCACHED; do uncached_run "$name"; done
SUMMARY="$SUMMARY store_rows=$STORE_ROWS"
echo "# app RSS at end: $(rss_mb "$APP_PID") MB"
echo "$SUMMARY"
exit $status
