#!/usr/bin/env bash
# Fault and hostile-input report (issue 6): runs the reliability tests (loopback, own embedded
# PostgreSQL where the test stops the database) and prints their figures: faults survived, bad inputs
# tried, 5xx count, rows lost; ends with one line SUMMARY query_failures=... rows_lost=...
# Usage: bench/outage.sh   (about 4 minutes on 2 cores)
source "$(dirname "$0")/lib.sh"
use_jdk21
cd "$ROOT"
LOG=$(mktemp /tmp/llo-outage-XXXXXX.log)
TESTS='HostileQueryIntegrationTests,HostileImportIntegrationTests,DatabaseOutageRecoveryIntegrationTests,KilledImportIntegrationTests,MultiInstanceIntegrationTests,PublicSurfaceIntegrationTests,AdminAccessIntegrationTests,AdminAccessFilterTests,SecretsInRepoTests,CsvExportTests'
set +e
./mvnw -B -ntp test -pl backend -am -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false >"$LOG" 2>&1
rc=$?
set -e
summary() { grep -a -o "$1 .*" "$LOG" | tail -n1; }
echo "== reliability report ($(date -u +%FT%TZ))"
echo "hostile queries:  $(summary FUZZ-QUERY)"
echo "hostile files:    $(summary FUZZ-IMPORT)"
echo "database outage:  $(summary OUTAGE)"
echo "kill -9 import:   $(summary KILL-IMPORT)"
echo "two instances:    $(summary MULTI-INSTANCE)"
grep -a -E "Tests run: [0-9]+, Failures" "$LOG" | tail -n1
echo "log: $LOG"
value() { summary "$1" | sed -nE "s/.* $2=([0-9]+).*/\1/p" | head -n1; }
echo "SUMMARY query_failures=$(value FUZZ-QUERY failures) import_failures=$(value FUZZ-IMPORT failures)" \
  "outage_non_503_5xx=$(value OUTAGE non_503_5xx) outage_rows_lost=$(value OUTAGE rows_lost)" \
  "outage_recovered_after_ms=$(value OUTAGE recovered_after_ms) kill_rows_lost=$(value KILL-IMPORT rows_lost)" \
  "kill_mixed_cells=$(value KILL-IMPORT mixed_cells) sse_after_commit_ms=$(value MULTI-INSTANCE sse_after_commit_ms)" \
  "tests_rc=$rc"
exit $rc
