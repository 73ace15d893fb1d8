#!/usr/bin/env bash
# Import throughput and peak heap (issue 12). Imports, through ImportService (one transaction:
# COPY into a staging table, set-based key check and merge, vintage check), the largest shared file
# with a mapping (cbs/86088NED.csv) and a generated CBS CSV file with N observations (default
# 10 million), each time followed in the same run by PostgreSQL's own COPY of exactly the rows the
# import wrote: into a bare table of the same columns (no key, index, foreign key or check) and into
# the (emptied) observation table. Prints the times, the ratios import/bare COPY and import/COPY into
# observation, and the heap of the JVM (run with -Xmx256m, so the heap target is enforced as well
# as measured): the sum of each heap pool's peak (heap_mb: how far the collector let the heap fill,
# not what the import keeps), and the most in use just after a collection (heap_after_gc_mb) and
# after a full one (heap_after_full_gc_mb, - when none ran): what was alive then. Own embedded PostgreSQL in a temporary folder; nothing else is touched.
# Ends with one line: SUMMARY import_vs_bare_copy=... import_vs_observation_copy=... import_s=...
# bare_copy_s=... heap_mb=... heap_after_gc_mb=... heap_after_full_gc_mb=... observations=... (the generated file) ... load1=...
# SEGMENT_CELLS=N runs the imports with llo.import.segment-cells=N (an import of N cells or more is
# loaded as a segment of its own and indexed after loading, migration V13); unset or 0: the product's
# default, no segments. The SUMMARY line ends with segment_cells=... (0: none).
# Usage: [SEGMENT_CELLS=1000000] bench/import.sh [observations]   (needs shared/data beside or above the checkout)
source "$(dirname "$0")/lib.sh"
use_jdk21
OBS=${1:-10000000}
SHARED=${LLO_SHARED_DATA:-}
if [ -z "$SHARED" ]; then
  for d in "$ROOT/../shared/data" "$ROOT/../../shared/data" "$ROOT/shared/data"; do
    [ -d "$d/cbs" ] && SHARED="$(cd "$d" && pwd)" && break
  done
fi
[ -n "$SHARED" ] || { echo "shared/data not found; set LLO_SHARED_DATA" >&2; exit 1; }
WORK=$(mktemp -d /tmp/llo-import-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# package and classpath in one reactor build: the frontend module resolves from the reactor
# (a fresh clone has not installed it into the local repository); up-to-date parts are skipped
(cd "$ROOT" && ./mvnw -B -q -ntp -pl backend -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" >&2)
# a private copy of the classes, so a rebuild during the run cannot disturb it
cp -r "$ROOT/backend/target/classes" "$WORK/classes"
CP="$WORK/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -cp "$CP" "$BENCH_DIR/ImportBench.java" "$WORK" "$SHARED" "$OBS" "${SEGMENT_CELLS:-0}" \
  2> >(grep -v -E "^(WARNING|SLF4J)" >&2)
