#!/usr/bin/env bash
# Top-5 vector search over 100,000 unit vectors of 384 dimensions (random, then clustered): p50/p99
# latency, CPU per query and heap per 100k vectors of the memory's exact index (int8 candidate scan,
# exact float32 rerank) against LangChain4j's InMemoryEmbeddingStore, and how many top-5s are
# identical to a brute-force float32 scan.
#
# Args (optional): vectors dimensions timed-queries warm-up-queries (default 100000 384 300 100).
# Env: JAVA_HOME (a JDK 21+; default: the newest in /usr/lib/jvm), BENCH_JAVA_OPTS (default -Xmx2g),
# MVN_OPTS_EXTRA (e.g. -o to build offline).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
cd "$ROOT"
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl embeddings -am test-compile
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl embeddings dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/embeddings/target/bench.classpath"
CP="$ROOT/embeddings/target/test-classes:$ROOT/embeddings/target/classes:$(cat "$ROOT/embeddings/target/bench.classpath")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$CP" \
  dev.jamiescarlet.embeddings.memory.VectorSearchBench "$@"
