#!/usr/bin/env bash
# Fuzzing: runs each Jazzer @FuzzTest (command grammar, webhook payloads, policy and agent YAML,
# redaction, mrkdwn escaping) in fuzzing mode for a set time, one target per JVM, one after another.
# Prints per target the inputs tried and the findings; exits 1 if any target found one.
#
#   bench/fuzz.sh              every target for 60 s
#   bench/fuzz.sh 300          every target for 300 s
#   bench/fuzz.sh 60 Mrkdwn    only targets whose Class#method contains "Mrkdwn"
#
# A finding (exception, assertion, per-input timeout, memory blow-up) is written by Jazzer as
# crash-<sha1> into src/test/resources/<package>/<Class>Inputs/<method>/, where every normal build
# replays it as a regression test: fix the code, keep the file (rename it to say what it is).
# Coverage-growing inputs go to <module>/.cifuzz-corpus/ (git-ignored) and are reused next run.
#
# Env: JAVA_HOME (a JDK 21+; default: the newest in /usr/lib/jvm), FUZZ_INPUT_TIMEOUT_S (10: one
# input taking longer is a finding, e.g. catastrophic backtracking), FUZZ_XMX (1g: the fuzzed
# JVM's heap; running out of it is a finding), FUZZ_RSS_MB (0: no native memory limit),
# MVN_OPTS_EXTRA (e.g. -o to build offline), FUZZ_LOG_DIR (target/fuzz).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_PER_TARGET="${1:-60}"
FILTER="${2:-}"

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  best_v=0
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d"); v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then JAVA_HOME="$d"; best_v="$v"; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "No JDK 21+ found in /usr/lib/jvm; set JAVA_HOME" >&2; exit 2; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

# module:Class#method, one line per @FuzzTest
TARGETS=(
  "bot:dev.jamiescarlet.bot.commands.CommandLineFuzzTest#parseNeverFailsUnexpectedly"
  "bot:dev.jamiescarlet.bot.commands.CommandLineFuzzTest#quotedTokensRoundTrip"
  "bot:dev.jamiescarlet.bot.alerts.PayloadsFuzzTest#parseGivesABatchOrA400"
  "bot:dev.jamiescarlet.bot.policy.PolicyFuzzTest#parseGivesAPolicyOrAPolicyException"
  "agents:dev.jamiescarlet.agents.definitions.DefinitionFuzzTest#parseGivesADefinitionOrProblems"
  "tools:dev.jamiescarlet.tools.redaction.RedactorFuzzTest#redactIsIdempotentAndBounded"
  "tools:dev.jamiescarlet.tools.redaction.RedactorFuzzTest#plantedTokenNeverSurvives"
  "bot:dev.jamiescarlet.bot.render.MrkdwnFuzzTest#escapeRoundTrips"
  "bot:dev.jamiescarlet.bot.render.MrkdwnFuzzTest#escapeCodeKeepsTheBlockClosed"
)

cd "$ROOT"
LOG_DIR="${FUZZ_LOG_DIR:-$ROOT/target/fuzz}"
mkdir -p "$LOG_DIR"
echo "Fuzzing each target for ${SECONDS_PER_TARGET} s with the JDK at $JAVA_HOME; logs in $LOG_DIR"

found_any=0
summary=()
for entry in "${TARGETS[@]}"; do
  module="${entry%%:*}"
  target="${entry#*:}"
  [ -z "$FILTER" ] || [[ "$target" == *"$FILTER"* ]] || continue
  log="$LOG_DIR/${target##*.}.log"
  # libFuzzer takes the last of repeated flags, so these override @FuzzTest's maxDuration
  # (jazzer.internal.arg.0 is argv[0]); hooks on, as the build turns them off for replaying
  set +e
  # shellcheck disable=SC2086
  # the forked test JVM ignores -DargLine (the pom's @{argLine} is late-bound), so the heap is set
  # through JAVA_TOOL_OPTIONS, which Maven's own JVM takes as well
  JAZZER_FUZZ=1 JAVA_TOOL_OPTIONS="-Xmx${FUZZ_XMX:-1g}" ./mvnw -B ${MVN_OPTS_EXTRA:-} -pl "$module" -am test \
    -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djacoco.skip=true -Dspotbugs.skip=true -Dspotless.check.skip=true -Denforcer.skip=true \
    -Djazzer.hooks=true -Djazzer.keep_going=10 \
    -Djazzer.internal.arg.0=fuzz \
    -Djazzer.internal.arg.1="-max_total_time=$SECONDS_PER_TARGET" \
    -Djazzer.internal.arg.2="-timeout=${FUZZ_INPUT_TIMEOUT_S:-10}" \
    -Djazzer.internal.arg.3="-rss_limit_mb=${FUZZ_RSS_MB:-0}" \
    -Djazzer.internal.arg.4=-print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  findings=$(grep -acE '^== Java Exception:|ERROR: libFuzzer: (timeout|out-of-memory)' "$log" || true)
  if [ "$rc" -ne 0 ] && [ "$findings" -eq 0 ]; then
    result="FAILED to run (exit $rc; see $log)"
    found_any=1
  elif [ "$findings" -gt 0 ]; then
    result="$findings finding(s); inputs saved as crash-* under $module/src/test/resources"
    found_any=1
  else
    result="no findings"
  fi
  line=$(printf '%-75s %10s execs  %s' "$target" "${execs:-?}" "$result")
  echo "$line"
  summary+=("$line")
done

echo
echo "Summary (${SECONDS_PER_TARGET} s per target):"
printf '%s\n' "${summary[@]}"
if [ "$found_any" -ne 0 ]; then
  grep -ahE '^== Java Exception:|^(Caused by: )?java\.lang\.AssertionError|ERROR: libFuzzer' "$LOG_DIR"/*.log | sort | uniq -c | head -20 || true
  exit 1
fi
