# Shared helpers for the bench scripts: build the app once, start it on loopback with its own
# embedded PostgreSQL in a temporary data directory, wait until the demo data is in, stop it after.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

use_jdk21() {
  local v
  v=$("${JAVA_HOME:-/usr}/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n1)
  if [ "${v:-0}" -lt 21 ]; then
    for c in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2*-jdk* /usr/lib/jvm/java-2*-openjdk*; do
      if [ -x "$c/bin/java" ]; then export JAVA_HOME="$c"; break; fi
    done
  fi
}

need() { # need COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
}

app_jar() {
  local jar
  if [ -n "${LLO_JAR:-}" ]; then echo "$LLO_JAR"; return; fi  # a given build, e.g. a copy
  jar=$(ls "$ROOT"/backend/target/llo-monitor-backend-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
  # rebuild when missing or older than any source: never bench a stale build
  if [ -z "$jar" ] || [ -n "$(find "$ROOT"/backend/src "$ROOT"/frontend/src "$ROOT"/migrations "$ROOT"/data \
      "$ROOT"/pom.xml "$ROOT"/backend/pom.xml -newer "$jar" -type f 2>/dev/null | head -n1)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package >&2)
    jar=$(ls "$ROOT"/backend/target/llo-monitor-backend-*.jar | grep -v plain | head -n1)
  fi
  echo "$jar"
}

# start_app PORT [extra java args...]: sets APP_PID and APP_DATA. With LLO_BENCH_STORE=DIR the app runs
# on that data folder (e.g. one made by bench/store.sh), which is kept; otherwise on a new temporary one.
start_app() {
  local port=$1; shift
  use_jdk21
  if [ -n "${LLO_BENCH_STORE:-}" ]; then
    APP_DATA="$LLO_BENCH_STORE"; APP_DATA_KEEP=1
  else
    APP_DATA=$(mktemp -d /tmp/llo-bench-XXXXXX); APP_DATA_KEEP=""
  fi
  # a private copy: a build replacing the jar under a running JVM breaks its class loading
  cp "$(app_jar)" "$APP_DATA/app.jar"
  LLO_DATA_DIR="$APP_DATA" PORT="$port" "$JAVA_HOME/bin/java" -Xmx512m "$@" -jar "$APP_DATA/app.jar" \
    >"$APP_DATA/app.log" 2>&1 &
  APP_PID=$!
  trap stop_app EXIT
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$port/api/v1/kerncijfers/PV26" -o /dev/null; then return 0; fi
    sleep 0.5
  done
  echo "app did not come up; log: $APP_DATA/app.log" >&2
  tail -50 "$APP_DATA/app.log" >&2
  exit 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  [ -n "${APP_DATA:-}" ] && [ -z "${APP_DATA_KEEP:-}" ] && rm -rf "$APP_DATA"
  APP_PID=""
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || true; }

# heap_info PID: "used X of committed Y (max Z)" from jcmd (G1 and others, JDK 21+)
heap_info() {
  { "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null || true; } | tr ',' '\n' | awk '
    /committed/ {for (i=1;i<=NF;i++) if ($i ~ /K$/) c=$i}
    /used/      {for (i=1;i<=NF;i++) if ($i ~ /K$/ && u=="") u=$i}
    /reserved/  {for (i=1;i<=NF;i++) if ($i ~ /K$/ && r=="") r=$i}
    END {printf "used %s of committed %s (reserved %s)", u, c, r}'
}

# wait_data_stable PORT: until the data version (the ETag prefix) has not changed for 15 s, at most 5 min,
# so background imports of shared/data are done before anything is measured
wait_data_stable() {
  local port=$1 last="" same=0
  for _ in $(seq 1 300); do
    v=$(curl -sI "http://127.0.0.1:$port/api/v1/indicators" | sed -nE 's/^[Ee][Tt]ag: "?([0-9]+(\.[0-9a-z]+)?)-.*/\1/p')
    if [ -n "$v" ] && [ "$v" = "$last" ]; then same=$((same + 1)); else same=0; last=$v; fi
    [ "$same" -ge 15 ] && { echo "data version $v stable"; return 0; }
    sleep 1
  done
  echo "data version still changing after 5 min (last $last)" >&2
}

# The embedded PostgreSQL of a running app on APP_DATA: sets PG_PORT and PGPASSFILE (a libpq password
# file with its superuser's login, taken from the app's generated credentials), for psql and pgbench
# against the very database the app reads. The login never appears on a command line or in the script.
embedded_pg() {
  PG_PORT=$(sed -n 4p "$APP_DATA/pgdata/postmaster.pid")
  PGPASSFILE="$APP_DATA/bench.pgpass"
  (umask 077 && sed -n "s/^postgres=\(.*\)$/127.0.0.1:$PG_PORT:*:postgres:\1/p" \
    "$APP_DATA/db-credentials.properties" >"$PGPASSFILE")
  export PGPASSFILE
}
