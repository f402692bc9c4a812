#!/usr/bin/env python3
"""Writes sentences.txt: 512 SRE-flavoured texts of mixed length, the same for every contender.

Deterministic (fixed seed). About 60% are chat-sized (5-30 tokens), 30% alert/log-sized (30-120),
10% runbook paragraphs (150-400, so truncation at 256 matters). Run: python3 make_sentences.py
"""
import os
import random

rng = random.Random(42)
SERVICES = ["checkout", "payments", "cart", "search", "frontend", "inventory", "auth", "shipping"]
NAMESPACES = ["shop", "prod", "staging", "kube-system", "monitoring", "argocd"]
CLUSTERS = ["prod-eu", "prod-us", "staging", "tenant-acme", "tenant-globex"]
REASONS = ["OOMKilled", "CrashLoopBackOff", "ImagePullBackOff", "Evicted", "Pending", "Error"]
ALERTS = ["KubePodCrashLooping", "KubeDeploymentReplicasMismatch", "NodeDiskPressure",
          "HighErrorRate", "LatencyP99High", "CertificateExpiringSoon", "PVCAlmostFull"]
QUESTIONS = [
    "why is {s} crashing?", "restart {s} in {n}", "show me the logs of deploy/{s}",
    "what changed in {s} since yesterday?", "is {c} healthy?", "who owns {s}?",
    "roll back {s} to the previous revision", "silence {a} for two hours",
    "how many replicas does {s} have in {n}?", "graph error rate of {s} for the last hour",
    "sync {s} in argo", "pods -n {n}", "why are pods pending on {c}",
]
LOG = ("{t} ERROR [{s}] request failed: upstream {u} returned 503 after {ms} ms "
       "(retry {r}/3, trace_id={tid}) while handling POST /api/v1/{s}/orders for tenant {c}")
ALERT = ("Alert {a} firing on cluster {c}: deployment {s} in namespace {n} has {x} of {y} "
         "replicas available for {m} minutes; last pod status {reason}, exit code {code}, "
         "memory limit {lim}Mi, {restarts} restarts in the last hour.")
RUNBOOK_PARTS = [
    "When {a} fires for {s}, first look at recent deploys in Argo CD and compare the image tag "
    "with the previous healthy revision.",
    "Check the pod events with kubectl describe pod and look for {reason}, failed probes, or "
    "scheduling errors caused by taints, affinity rules or insufficient memory on the nodes.",
    "If the container was OOMKilled, compare the working set in Prometheus with the memory "
    "limit, and remember that the JVM heap plus metaspace, thread stacks and direct buffers "
    "must all fit under the container limit.",
    "Look at the error rate and p99 latency dashboards in Grafana for {s} and its upstream {u}; "
    "a spike that starts exactly at a deploy points at the release, a gradual climb at load.",
    "If the node reports DiskPressure, clean unused images with crictl rmi --prune, check log "
    "rotation for noisy pods, and consider moving large emptyDir volumes to a PVC.",
    "Escalate to the owning team in #{s}-oncall if customer impact lasts longer than fifteen "
    "minutes, and open an incident document with a timeline of what was observed and done.",
    "Before rolling back, make sure database migrations in the release are backwards "
    "compatible; otherwise coordinate with the team and prefer a forward fix.",
    "After mitigation, verify recovery from the SLO dashboard, keep the alert silenced only as "
    "long as needed, and write the follow-ups into the post-incident review.",
]


def fill(template):
    return template.format(
        s=rng.choice(SERVICES), n=rng.choice(NAMESPACES), c=rng.choice(CLUSTERS),
        a=rng.choice(ALERTS), u=rng.choice(SERVICES), reason=rng.choice(REASONS),
        t=f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}Z",
        ms=rng.randint(100, 30000), r=rng.randint(1, 3), tid=f"{rng.getrandbits(64):016x}",
        x=rng.randint(0, 3), y=rng.randint(3, 6), m=rng.randint(5, 90), code=rng.choice([1, 137, 143]),
        lim=rng.choice([256, 512, 1024]), restarts=rng.randint(3, 40))


def sentence(i):
    kind = i % 10
    if kind < 6:
        return fill(rng.choice(QUESTIONS))
    if kind < 9:
        return fill(rng.choice([LOG, ALERT]))
    parts = rng.sample(RUNBOOK_PARTS, rng.randint(4, 8))
    return " ".join(fill(p) for p in parts)


out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sentences.txt")
with open(out, "w", encoding="utf-8") as f:
    for i in range(512):
        f.write(sentence(i) + "\n")
print("wrote", out)
