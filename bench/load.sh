#!/usr/bin/env bash
# Load test (issue 6): wrk against the main API endpoints and / for DURATION (default 60 s) with 64 and
# then 256 connections, on loopback only. Prints throughput, p50/p99, status classes, errors, and the
# app's RSS and heap after each round; ends with one line SUMMARY rps_c64=... p99_ms_c64=... errors_c64=...
# Usage: bench/load.sh [duration_seconds]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-60}
PORT=${LLO_BENCH_PORT:-18080}
need wrk wrk
start_app "$PORT"
PATHS=(
  /
  "/api/v1/kerncijfers/PV26"
  "/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26,PV21,NL01"
  "/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=PV26,PV21,NL01&period=2023KW02"
  "/api/v1/trend?indicator=werkloosheidspercentage&region=PV26"
  "/api/v1/regions?level=provincie"
  "/api/v1/indicators"
  "/api/v1/map?indicator=werkloosheidspercentage&level=provincie"
)
wait_data_stable "$PORT"
echo "app pid $APP_PID, RSS after start $(rss_mb "$APP_PID") MB, heap $(heap_info "$APP_PID")"
# warm-up (JIT, pools, caches), not measured
wrk -t2 -c16 -d10s -s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$PORT" -- "${PATHS[@]}" >/dev/null || true
field() { sed -nE "s/.*[ ^]$1=([0-9.]+).*/\1/p" <<<" $2"; }
SUMMARY="SUMMARY"
for c in 64 256; do
  out=$(wrk -t2 -c"$c" -d"${DURATION}s" --timeout 5s -s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$PORT" -- "${PATHS[@]}")
  heap=$(heap_info "$APP_PID")
  result=$(grep RESULT <<<"$out" | sed 's/RESULT //')
  echo "connections=$c duration=${DURATION}s $result rss_mb=$(rss_mb "$APP_PID") heap=\"$heap\""
  errors=$(( $(field socket_errors "$result") + $(field 4xx "$result") + $(field 5xx "$result") ))
  SUMMARY="$SUMMARY rps_c$c=$(field rps "$result") p99_ms_c$c=$(field p99_ms "$result") errors_c$c=$errors"
  # the same load without the response cache: every request a new query (non2xx = 503 overloaded)
  out=$(wrk -t2 -c"$c" -d"${DURATION}s" --timeout 5s -s "$BENCH_DIR/unique.lua" \
    "http://127.0.0.1:$PORT/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26,PV21,NL01")
  uncached=$(grep RESULT <<<"$out" | sed 's/RESULT //')
  echo "uncached connections=$c duration=${DURATION}s $uncached"
  SUMMARY="$SUMMARY uncached_rps_c$c=$(field rps "$uncached") uncached_p99_ms_c$c=$(field p99_ms "$uncached")"
done
echo "$SUMMARY rss_mb=$(rss_mb "$APP_PID")"
