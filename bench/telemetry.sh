#!/usr/bin/env bash
# What tracing costs at the ack: Jamie in HTTP mode with spans not exported (the default) against
# the same jar exporting every span over OTLP/HTTP to a local sink, side by side in one run with the
# kit in ../shared/bench/ack (alternating order, medians over rounds). Metrics are on in both.
#
#   bench/telemetry.sh        RATES (default 100,200) x ROUNDS (3), KIND=command
#
# Env: ACK_KIT (default ../shared/bench/ack next to the repo), JAVA_HOME (a JDK 21+; default: the
# newest in /usr/lib/jvm), RATES, ROUNDS, DURATION, KIND.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KIT="${ACK_KIT:-$ROOT/../shared/bench/ack}"
[ -f "$KIT/bench.py" ] || { echo "benchmark kit not found at $KIT; set ACK_KIT" >&2; exit 2; }
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
[ -f "$ROOT/bot/target/jamie.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package)

# the OTLP sink: a plain HTTP server answering 200 to every export (the kit's null server)
SINK_PORT=3011
PORT=$SINK_PORT node "$KIT/null-server/null-server.js" >/dev/null 2>&1 &
SINK=$!
A="$(mktemp -d /tmp/jamie-otelbench-XXXXXX)"
B="$(mktemp -d /tmp/jamie-otelbench-XXXXXX)"
trap 'kill $SINK 2>/dev/null || true; rm -rf "$A" "$B"' EXIT
base="JAMIE_SLACK_MODE=http JAMIE_HTTP_BIND=127.0.0.1 SLACK_BOT_TOKEN=xoxb-ackbench JAMIE_SLACK_AUTH_TEST=false"
jar="$JAVA_HOME/bin/java -jar $ROOT/bot/target/jamie.jar"
cd "$KIT"
python3 bench.py compare --rates "${RATES:-100,200}" --rounds "${ROUNDS:-3}" --duration "${DURATION:-20}" \
  --kind "${KIND:-command}" \
  --target jamie http://127.0.0.1:3003/slack/events "env $base JAMIE_HTTP_PORT=3003 JAMIE_DATA_DIR=$A $jar" \
  --target jamie-traced http://127.0.0.1:3004/slack/events \
    "env $base JAMIE_HTTP_PORT=3004 JAMIE_DATA_DIR=$B OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT $jar"
