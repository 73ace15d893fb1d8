#!/usr/bin/env bash
# Latency of the uncached API over store sizes: bench/api.sh (uncached part only, against pgbench in the
# same run) on each store given, e.g. the 1 M, 10 M and 50 M stores made by bench/store.sh:
#   bench/store.sh 1000000 /tmp/llo-store-1m; bench/store.sh 10000000 /tmp/llo-store-10m; ...
#   bench/api-scale.sh 20 /tmp/llo-store-1m /tmp/llo-store-10m /tmp/llo-store-50m
# Prints one line per store and endpoint (rows, req/s, ratio to pgbench, p50, p99, load average) and ends
# with SUMMARY <endpoint>_p99_ms_<rows>=... for every pair.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DURATION=${1:?usage: bench/api-scale.sh DURATION STORE_DIR...}; shift
SUMMARY="SUMMARY"
printf '%-12s %12s %9s %9s %6s %7s %7s %6s\n' endpoint store_rows app_rps pg_tps ratio p50_ms p99_ms load
for store in "$@"; do
  out=$(LLO_BENCH_STORE="$store" CACHED=0 "$BENCH_DIR/api.sh" "$DURATION" 2>/dev/null || true)
  rows=$(sed -nE 's/.*store_rows=([0-9]+).*/\1/p' <<<"$out" | tail -n1)
  while read -r name app pg ratio p50 p99 _ _ _ _ _ load; do
    printf '%-12s %12s %9s %9s %6s %7s %7s %6s\n' "$name" "$rows" "$app" "$pg" "$ratio" "$p50" "$p99" "$load"
    SUMMARY="$SUMMARY ${name}_p99_ms_${rows}=$p99"
  done < <(grep -E '^(series|compare|map|kerncijfers) ' <<<"$out")
done
echo "$SUMMARY"
