#!/usr/bin/env bash
# Agents: Jamie's streaming converse over the real LangChain4j OpenAI client and a scripted model server on
# loopback HTTP, tools over an in-memory cluster (see docs/benchmarks.md, "Agents").
#
#   bench/agents.sh                 # overhead, then load (default: BENCH_STATE=both, BENCH_BOUNDS=64,256)
#   bench/agents.sh overhead [warmup measured]   # agent overhead per model round, zero-latency model
#   bench/agents.sh load [conversations]         # 1,000 conversations at once, 2 s per model reply
#
# Env: JAVA_HOME (a JDK 21+; default: the newest in /usr/lib/jvm), BENCH_JAVA_OPTS (default -Xmx1g),
# BENCH_STATE (none | mongo | both: thread memory in a window or in the embedded MongoDB), BENCH_BOUNDS
# (model calls in flight per endpoint, comma-separated), MVN_OPTS_EXTRA (e.g. -o to build offline).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
cd "$ROOT"
# one reactor build, so the classpath names tools/ and embeddings/ by their target/classes, not an installed jar
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl agents -am -Djacoco.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="$ROOT/agents/target/test-classes:$ROOT/agents/target/classes:$(cat "$ROOT/agents/target/bench.classpath")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" \
  dev.jamiescarlet.agents.bench.AgentBenchmark "$@"
