#!/usr/bin/env bash
# API throughput (issue 4): wrk with 64 connections for DURATION seconds (default 30) against
# /api/v1/compare and /api/v1/series, and in the same run against nginx serving the very same
# response bytes as static files on another loopback port (the practical limit of this machine).
# Prints requests/s, the ratio to nginx, p50/p99 latency and the error count (socket errors and
# non-2xx). Targets: >= 50 % of nginx's throughput, p99 < 25 ms, zero errors. Loopback only.
# The app serves repeated requests from its in-memory response cache (per data version, emptied on
# every data change); the last lines measure the uncached path too (unique query per request).
# Ends with one line: SUMMARY compare_vs_nginx=... series_vs_nginx=... (p99, errors, uncached rps).
# Usage: bench/api.sh [duration_seconds]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-30}
CONNECTIONS=64
PORT=${LLO_BENCH_PORT:-18081}
NGINX_PORT=$((PORT + 1))
need wrk wrk
need nginx nginx-light

# the demo data set is enough; no background import of shared/data while measuring
start_app "$PORT" -Dllo.import.bootstrap-dir=off

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
chmod -R a+rX "$APP_DATA"
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
printf '%-8s %10s %10s %8s %8s %8s %8s %7s\n' endpoint app_rps nginx_rps ratio p50_ms p99_ms errors target
# warm-up (JIT, connection pools, response cache), not measured
for p in "$COMPARE" "$SERIES"; do wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT$p" >/dev/null; done
wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$NGINX_PORT/compare.json" >/dev/null
status=0
SUMMARY="SUMMARY"
for name in compare series; do
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
# for information (no target): the full path without the response cache, every request unique
for name in compare series; do
  path=$COMPARE; [ "$name" = series ] && path=$SERIES
  uncached=$(wrk -t2 -c"$CONNECTIONS" -d"${UNCACHED_DURATION:-10}s" --timeout 5s -s "$BENCH_DIR/unique.lua" "http://127.0.0.1:$PORT$path" | grep RESULT | sed 's/RESULT //')
  echo "# uncached $name: $uncached"
  SUMMARY="$SUMMARY uncached_${name}_rps=$(field rps "$uncached") uncached_${name}_p99_ms=$(field p99_ms "$uncached")"
done
echo "# app RSS at end: $(rss_mb "$APP_PID") MB"
echo "$SUMMARY"
exit $status
