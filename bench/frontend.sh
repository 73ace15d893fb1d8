#!/usr/bin/env bash
# Front-end bench: time from navigation to the first chart drawn, and the bytes of the first view
# (excluding Chart.js), measured in Debian's headless Chromium on localhost. Prints the figures and
# ends with one line: SUMMARY first_chart_ms=... first_view_kb=... (bench mode, not --screenshots).
#
#   bench/frontend.sh                      # uses the app at $LLO_URL, or starts backend/target/*.jar
#   bench/frontend.sh --runs 10
#   bench/frontend.sh --screenshots docs/screenshots   # full-page PNGs of every tab instead
#
# Needs: chromium (apt-get install -y chromium), node >= 20 (DevTools protocol over its WebSocket).
set -euo pipefail
cd "$(dirname "$0")/.."

URL="${LLO_URL:-http://localhost:8080/}"
PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if ! curl -fsS -o /dev/null "${URL}actuator/health" 2>/dev/null; then
  JAR=$(ls backend/target/llo-monitor-backend-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
  if [ -z "$JAR" ]; then
    echo "No app at $URL and no backend/target/llo-monitor-backend-*.jar: building it" >&2
    ./mvnw -B -q -ntp -DskipTests package >&2
    JAR=$(ls backend/target/llo-monitor-backend-*.jar | grep -v plain | head -n1)
  fi
  JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
  export LLO_DATA_DIR="${LLO_DATA_DIR:-$(mktemp -d /tmp/llo-bench-data.XXXXXX)}"
  PORT="${LLO_BENCH_PORT:-18081}"
  URL="http://localhost:${PORT}/"
  echo "Starting $JAR on port $PORT (data dir $LLO_DATA_DIR; the shared data is imported at startup)"
  PORT="$PORT" "$JAVA" -jar "$JAR" > bench/results-frontend-app.log 2>&1 &
  PID=$!
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null "${URL}actuator/health" 2>/dev/null && break
    sleep 1
  done
fi

# wait until the real figures are in (the background import of shared/data after a fresh start)
for _ in $(seq 1 180); do
  if curl -fsS "${URL}api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26&from=2023KW02&to=2023KW02" 2>/dev/null \
      | grep -q '"value"'; then
    break
  fi
  sleep 1
done

node --no-warnings --experimental-websocket bench/frontend.mjs --url "$URL" "$@"
