#!/usr/bin/env bash
# Front-end bench: time from navigation to the first chart drawn, and the bytes of the first view
# (excluding Chart.js), measured in Debian's headless Chromium on localhost. Prints the figures and
# ends with one line: SUMMARY first_chart_ms=... first_view_kb=... (bench mode, not --screenshots).
#
#   bench/frontend.sh                      # uses the app at $LLO_URL, or starts backend/target/*.jar
#   bench/frontend.sh --runs 10
#   bench/frontend.sh --screenshots docs/screenshots   # full-page PNGs of every tab instead
#
# Needs: chromium (apt-get install -y chromium), node >= 20 (DevTools protocol over its WebSocket);
# for the Lighthouse scores also bench/lighthouse/node_modules (cd bench/lighthouse && npm ci).
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

status=0
node --no-warnings --experimental-websocket bench/frontend.mjs --url "$URL" "$@" || status=$?

# Lighthouse (npm package in bench/lighthouse, run with Debian's Chromium): performance, accessibility,
# best practices and CLS of the first view, desktop and mobile. Skipped with a message when not installed
# (cd bench/lighthouse && npm ci) or with --screenshots.
LH=bench/lighthouse/node_modules/.bin/lighthouse
if [[ " $* " != *" --screenshots "* ]]; then
  if [ ! -x "$LH" ]; then
    echo "lighthouse: not installed (cd bench/lighthouse && npm ci); skipped"
  else
    for form in desktop mobile; do
      preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
      out=$(mktemp /tmp/llo-lighthouse.XXXXXX.json)
      CHROME_PATH="${LLO_CHROMIUM:-/usr/bin/chromium}" "$LH" "$URL" "${preset[@]}" --quiet \
        --only-categories=performance,accessibility,best-practices --output=json --output-path="$out" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
      node -e '
        const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        const s = (k) => Math.round((r.categories[k]?.score ?? 0) * 100);
        const cls = r.audits["cumulative-layout-shift"]?.numericValue ?? NaN;
        console.log(`lighthouse ${process.argv[2]}: performance ${s("performance")}, accessibility ${s("accessibility")}, `
          + `best-practices ${s("best-practices")}, CLS ${cls.toFixed(3)}`);
        const fails = Object.values(r.audits).filter((a) => a.score !== null && a.score < 0.9
          && ["accessibility", "best-practices"].some((c) => r.categories[c].auditRefs.some((x) => x.id === a.id)));
        for (const a of fails) console.log(`  needs work: ${a.id} (${a.title})`);
      ' "$out" "$form" || echo "lighthouse $form: no report"
      rm -f "$out"
    done
  fi
fi
exit "$status"
