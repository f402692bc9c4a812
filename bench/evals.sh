#!/usr/bin/env bash
# Runs the eval cases under evals/ through the demo's bot and prints the pass-rate table (case × model).
# Without JAMIE_EVAL_LLM_URL each case runs on its own scripted model (script.yaml), as in CI.
#
# Env: JAMIE_EVAL_LLM_URL (an OpenAI-compatible base URL, e.g. http://localhost:8000/v1),
# JAMIE_EVAL_LLM_MODEL (one model or a comma-separated list: one table row per case and model),
# JAMIE_EVAL_LLM_API_KEY, JAVA_HOME (a JDK 21+; default: the newest in /usr/lib/jvm),
# MVN_OPTS_EXTRA (e.g. -o to build offline). Args: --cases DIR (default evals).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
cd "$ROOT"
# shellcheck disable=SC2086
# one reactor run, so the classpath points at the sibling modules' target/classes (nothing installed)
./mvnw -B -q ${MVN_OPTS_EXTRA:-} -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/bot/target/evals.classpath"
CP="$ROOT/bot/target/test-classes:$ROOT/bot/target/classes:$(cat "$ROOT/bot/target/evals.classpath")"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" dev.jamiescarlet.bot.evals.EvalRunner "$@"
