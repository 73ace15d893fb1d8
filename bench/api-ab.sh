#!/usr/bin/env bash
# Uncached API throughput of several builds of the app on one store, alternated (issue 12): for each
# round and each jar, the app starts on the store, warms each endpoint up, then wrk (64 connections)
# runs the uncached mix of bench/mix.lua against series, compare, map and kerncijfers. Alternating
# builds in one run is what makes a difference between them stand out from a noisy machine.
# Usage: bench/api-ab.sh STORE_DIR ROUNDS JAR...   e.g.
#   bench/api-ab.sh /tmp/llo-store-10m 2 /tmp/before.jar backend/target/llo-monitor-backend-*.jar
# (STORE_DIR made by bench/store.sh; a jar of an older commit: build it in a git worktree.)
# Prints one line per round, jar and endpoint; ends with SUMMARY <endpoint>_rps_<jar#>=... (the mean).
source "$(dirname "$0")/lib.sh"
use_jdk21
STORE=${1:?usage: bench/api-ab.sh STORE_DIR ROUNDS JAR...}; ROUNDS=${2:?rounds}; shift 2
[ "$#" -ge 1 ] || { echo "give at least one jar" >&2; exit 1; }
need wrk wrk
need psql postgresql-client
PORT=${LLO_BENCH_PORT:-18093}
WARMUP=${WARMUP:-10}; DURATION=${DURATION:-15}
MIX=$(mktemp /tmp/llo-ab-mix-XXXXXX)
declare -A SUM
for round in $(seq 1 "$ROUNDS"); do
  n=0
  for jar in "$@"; do
    n=$((n + 1))
    LLO_DATA_DIR="$STORE" "$JAVA_HOME/bin/java" -Xmx512m -Dllo.import.bootstrap-dir=off -jar "$jar" \
      --server.port="$PORT" >"$MIX.app.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/api/v1/indicators" -o /dev/null && break; sleep 0.5; done
    if [ ! -s "$MIX" ]; then
      # the parameter lists of bench/api.sh, from the store
      APP_DATA="$STORE"; embedded_pg
      q() { psql -X -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d llo -c "$1"; }
      level() { q "select string_agg(code, ',' order by code) from region where level = '$1' and valid_to is null"; }
      printf '%s\n%s\n%s\n' "$(q "select string_agg(code, ',' order by code) from indicator i
        where numerator_code is null and exists (select 1 from observation o where o.indicator_code = i.code
        and o.breakdown_id = 0 and o.period_code like '____KW__')")" \
        "$(level provincie),$(level arbeidsmarktregio),$(level gemeente)" "$(seq -s, 1995 2024)" >"$MIX"
    fi
    for ep in series compare map kerncijfers; do
      wrk -t2 -c64 -d"${WARMUP}s" --timeout 5s -s "$BENCH_DIR/mix.lua" "http://127.0.0.1:$PORT" -- "$ep" "$MIX" >/dev/null
    done
    for ep in series compare map kerncijfers; do
      out=$(wrk -t2 -c64 -d"${DURATION}s" --timeout 5s --latency -s "$BENCH_DIR/mix.lua" "http://127.0.0.1:$PORT" -- "$ep" "$MIX")
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
      errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' \n' ' ' || true)
      echo "round $round jar $n ($(basename "$jar")) $ep rps=$rps p50=$p50 p99=$p99 load=$(cut -d' ' -f1 /proc/loadavg) $errors"
      SUM["${ep}_rps_$n"]=$(awk -v a="${SUM["${ep}_rps_$n"]:-0}" -v b="$rps" -v r="$ROUNDS" 'BEGIN {printf "%.1f", a + b / r}')
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
rm -f "$MIX" "$MIX.app.log"
line="SUMMARY"
for key in $(printf '%s\n' "${!SUM[@]}" | sort); do line="$line $key=${SUM[$key]}"; done
echo "$line"
