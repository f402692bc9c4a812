#!/usr/bin/env bash
# Diagnosis of one namespace with 2,000 pods and 300 deployments on the fabric8 mock API server:
# median wall time of 5 runs after warm-up, and extra heap (see docs/benchmarks.md).
#
# Env: JAVA_HOME (a JDK 21+; default: the newest in /usr/lib/jvm), BENCH_JAVA_OPTS (default -Xmx1g),
# MVN_OPTS_EXTRA (e.g. -o to build offline).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
cd "$ROOT"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl tools -am test-compile
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl tools dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/tools/target/bench.classpath"
CP="$ROOT/tools/target/test-classes:$ROOT/tools/target/classes:$(cat "$ROOT/tools/target/bench.classpath")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" \
  dev.jamiescarlet.tools.diagnosis.DiagnoseBenchmark "$@"
