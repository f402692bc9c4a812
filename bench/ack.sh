#!/usr/bin/env bash
# Slack ack latency of Jamie in HTTP mode, side by side with Bolt for JavaScript and plain Bolt for
# Java, in one run, using the kit in ../shared/bench/ack (see docs/benchmarks.md).
#
#   bench/ack.sh            100/200/400 req/s x 3 alternating rounds (the kit's `bot` mode)
#   bench/ack.sh maxrate    highest rate with p99 < 25 ms, per bot
#   bench/ack.sh startup    start to first 200 and idle RSS, 5 starts per bot
#
# Env: ACK_KIT (default ../shared/bench/ack next to the repo), JAVA_HOME (a JDK 21+; default: the
# newest in /usr/lib/jvm), plus every knob of the kit (RATES, ROUNDS, DURATION, PEERS, ...).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KIT="${ACK_KIT:-$ROOT/../shared/bench/ack}"
[ -x "$KIT/run.sh" ] || { echo "benchmark kit not found at $KIT; set ACK_KIT" >&2; exit 2; }

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
[ -f "$ROOT/bot/target/jamie.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package)

# HTTP mode, no Slack call at start (JAMIE_SLACK_AUTH_TEST=false), default logging (INFO, JSON),
# the embedded store in a throw-away directory.
DATA_DIR="$(mktemp -d /tmp/jamie-ackbench-XXXXXX)"
export BOT_NAME="${BOT_NAME:-jamie}"
export BOT_URL="${BOT_URL:-http://127.0.0.1:3003/slack/events}"
export BOT_CMD="${BOT_CMD:-env JAMIE_SLACK_MODE=http JAMIE_HTTP_PORT=3003 JAMIE_HTTP_BIND=127.0.0.1 SLACK_BOT_TOKEN=xoxb-ackbench JAMIE_SLACK_AUTH_TEST=false JAMIE_DATA_DIR=$DATA_DIR $JAVA_HOME/bin/java -jar $ROOT/bot/target/jamie.jar}"
trap 'rm -rf "$DATA_DIR"' EXIT
"$KIT/run.sh" "${1:-bot}"
