#!/usr/bin/env bash
# Alert storm: the demo's bot (embedded MongoDB, Slack sandbox, HTTP hooks) takes 10,000 Alertmanager
# alerts in 1,000 groups within 60 s and delivers them to 20 team channels (see docs/benchmarks.md,
# "Alert storm").
#
#   bench/alerts.sh
#
# Env: JAVA_HOME (a JDK 21+; default: the newest in /usr/lib/jvm), BENCH_JAVA_OPTS (default -Xmx1g),
# BENCH_ALERTS (10000), BENCH_GROUPS (1000), BENCH_CHANNELS (20), BENCH_CLIENTS (16),
# BENCH_DRAIN_LIMIT_S (1800), MVN_OPTS_EXTRA (e.g. -o to build offline).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
cd "$ROOT"
# one reactor build, so the classpath names tools/, embeddings/ and agents/ by their target/classes
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl bot -am -Djacoco.skip=true -Dspotbugs.skip=true test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="$ROOT/bot/target/test-classes:$ROOT/bot/target/classes:$(cat "$ROOT/bot/target/bench.classpath")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" \
  dev.jamiescarlet.bot.bench.AlertStormBenchmark "$@"
