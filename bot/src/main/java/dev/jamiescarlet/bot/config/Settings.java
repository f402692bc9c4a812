package dev.jamiescarlet.bot.config;

import java.util.List;

/** Every setting in one list: --help prints it and a test checks the README table against it. */
public final class Settings {
  public static final Setting SLACK_MODE =
      new Setting(
          "JAMIE_SLACK_MODE",
          "socket",
          "How Slack reaches the bot: `socket` (Socket Mode) or `http` (Events API at POST /slack/events).",
          false);
  public static final Setting SLACK_BOT_TOKEN =
      new Setting("SLACK_BOT_TOKEN", null, "Bot token (`xoxb-…`). Required.", true);
  public static final Setting SLACK_APP_TOKEN =
      new Setting(
          "SLACK_APP_TOKEN",
          null,
          "App-level token (`xapp-…`) with `connections:write`. Required in socket mode.",
          true);
  public static final Setting SLACK_SIGNING_SECRET =
      new Setting(
          "SLACK_SIGNING_SECRET",
          null,
          "Signing secret that verifies HTTP requests from Slack. Required in http mode.",
          true);
  public static final Setting SLACK_API_URL =
      new Setting(
          "SLACK_API_URL",
          "https://slack.com/api/",
          "Slack Web API base URL (the demo points it at the sandbox).",
          false);
  public static final Setting SLACK_AUTH_TEST =
      new Setting(
          "JAMIE_SLACK_AUTH_TEST",
          "true",
          "Call `auth.test` at start to check the bot token; `false` skips it (offline benchmarks).",
          false);
  public static final Setting SLASH_COMMAND =
      new Setting("JAMIE_SLASH_COMMAND", "/jamie", "The slash command the app registers.", false);
  public static final Setting HTTP_PORT =
      new Setting(
          "JAMIE_HTTP_PORT",
          "8080",
          "Port of the HTTP server: /slack/events, /healthz, /readyz.",
          false);
  public static final Setting HTTP_BIND =
      new Setting(
          "JAMIE_HTTP_BIND",
          "0.0.0.0",
          "Address the HTTP server binds to (the demo binds `127.0.0.1` unless this is set).",
          false);
  public static final Setting MANAGEMENT_PORT =
      new Setting(
          "JAMIE_MANAGEMENT_PORT",
          "8081",
          "Port of the management server, on 127.0.0.1 only: `GET /health` lists every dependency with its state, latency and detail (reach it with `kubectl port-forward`). Unset: `JAMIE_HTTP_PORT` + 1 (`0` when that is `0`); `off` turns it off.",
          false);
  public static final Setting KUBECONFIG =
      new Setting(
          "KUBECONFIG",
          "~/.kube/config",
          "Kubeconfig file; every context becomes a cluster. In a pod the service account is used too.",
          false);
  public static final Setting DEFAULT_CLUSTER =
      new Setting(
          "JAMIE_DEFAULT_CLUSTER",
          null,
          "Cluster used when a command has no `--cluster` (default: the kubeconfig's current context).",
          false);
  public static final Setting KAMAJI_ENABLED =
      new Setting(
          "JAMIE_KAMAJI_ENABLED",
          "false",
          "`true`: every Kamaji TenantControlPlane on `JAMIE_KAMAJI_CLUSTER` becomes a cluster, reached with its admin kubeconfig Secret and kept current by a watch.",
          false);
  public static final Setting KAMAJI_CLUSTER =
      new Setting(
          "JAMIE_KAMAJI_CLUSTER",
          null,
          "The Kamaji management cluster whose TenantControlPlanes are discovered (default: the default cluster).",
          false);
  public static final Setting SANDBOX_PORT =
      new Setting(
          "JAMIE_SANDBOX_PORT",
          "3000",
          "Demo only: port of the sandbox (Slack emulator, web console, JSON API).",
          false);
  public static final Setting LOG_FORMAT =
      new Setting(
          "JAMIE_LOG_FORMAT", "json", "`json` (one JSON object per line) or `text`.", false);
  public static final Setting LOG_LEVEL =
      new Setting(
          "JAMIE_LOG_LEVEL",
          "INFO",
          "Log level of the bot's own loggers: ERROR, WARN, INFO, DEBUG.",
          false);
  public static final Setting PROMPTS_DIR =
      new Setting(
          "JAMIE_PROMPTS_DIR",
          null,
          "Directory of prompt files overriding the packaged ones (default: `./prompts` when present).",
          false);
  public static final Setting AGENTS_DIR =
      new Setting(
          "JAMIE_AGENTS_DIR",
          null,
          "Directory of agent definition YAML files (a mounted ConfigMap works): a file whose `name` matches a shipped agent replaces it, other names add agents (see `agent-definitions/`). Unset: the shipped Jamie and Scarlet only.",
          false);

  public static final Setting MONGODB_URI =
      new Setting(
          "MONGODB_URI",
          null,
          "MongoDB connection string (`mongodb://…` or `mongodb+srv://…`; database from the path, else `jamie`). Unset: an embedded store under `JAMIE_DATA_DIR`.",
          true);
  public static final Setting DATA_DIR =
      new Setting(
          "JAMIE_DATA_DIR",
          "./data",
          "Directory of the embedded store (`jamie.mv`) when `MONGODB_URI` is unset. The demo uses a temporary directory unless this is set.",
          false);
  public static final Setting POLICY_FILE =
      new Setting(
          "JAMIE_POLICY_FILE",
          null,
          "YAML policy: roles, bindings, production scopes (see docs/policy.md). Unset: everyone may read, nobody may write; the demo uses its own.",
          false);
  public static final Setting APPROVAL_TTL =
      new Setting(
          "JAMIE_APPROVAL_TTL",
          "15m",
          "How long an approval button stays valid (`90s`, `15m`, `1h`); the policy's `approvals.ttl` wins when set.",
          false);

  public static final Setting MEMORY =
      new Setting(
          "JAMIE_MEMORY",
          "true",
          "Runbooks, channel notes and plain-English routing, on a local embedding model loaded in the background. `false` turns them off.",
          false);
  public static final Setting EMBEDDING_MODEL_PATH =
      new Setting(
          "JAMIE_EMBEDDING_MODEL_PATH",
          null,
          "A sentence-transformers model directory (`model.onnx` + `tokenizer.json`), or a `djl://` URL (downloads; needs internet). Unset: the bundled all-MiniLM-L6-v2, nothing downloaded.",
          false);
  public static final Setting EMBEDDING_QUANTIZED =
      new Setting(
          "JAMIE_EMBEDDING_QUANTIZED",
          "false",
          "`true` uses the bundled model's int8 variant: faster, slightly less exact (see docs/benchmarks.md).",
          false);
  public static final Setting RUNBOOKS_DIR =
      new Setting(
          "JAMIE_RUNBOOKS_DIR",
          null,
          "Directory of Markdown runbooks, chunked by `##` heading and re-read every minute (changed files are re-indexed). Unset: the runbooks shipped in `runbooks/`.",
          false);
  public static final Setting NOTE_TTL =
      new Setting(
          "JAMIE_NOTE_TTL",
          "180d",
          "How long a `remember` note lives before the bot purges it (`30d`, `12h`).",
          false);

  public static final Setting LLM_BASE_URL =
      new Setting(
          "JAMIE_LLM_BASE_URL",
          null,
          "An OpenAI-compatible endpoint for the agents (vLLM, LocalAI, a hosted API), e.g. `http://vllm:8000/v1`. Unset (and no Ollama): no agents; commands and plain-English routing still work.",
          false);
  public static final Setting LLM_API_KEY =
      new Setting(
          "JAMIE_LLM_API_KEY",
          null,
          "API key for `JAMIE_LLM_BASE_URL`, if it needs one (never logged).",
          true);
  public static final Setting LLM_MODEL =
      new Setting(
          "JAMIE_LLM_MODEL",
          null,
          "The model name the endpoint serves; replaces the shipped agents' defaults (Jamie `meta-llama/Llama-3.1-8B-Instruct`, Scarlet `meta-llama/Llama-3.3-70B-Instruct`).",
          false);
  public static final Setting OLLAMA_BASE_URL =
      new Setting(
          "OLLAMA_BASE_URL",
          null,
          "An Ollama server (`http://ollama:11434`), the agents' fallback when the OpenAI-compatible endpoint fails.",
          false);
  public static final Setting OLLAMA_MODEL =
      new Setting(
          "JAMIE_OLLAMA_MODEL",
          null,
          "The Ollama model name; replaces the shipped defaults (`llama3.1:8b`, `llama3.3:70b`).",
          false);
  public static final Setting LLM_CONCURRENCY =
      new Setting(
          "JAMIE_LLM_CONCURRENCY",
          "16",
          "Model calls in flight per endpoint; more wait their turn (each agent also has its own `limits.concurrency`).",
          false);
  public static final Setting TOKENS_PER_USER_DAY =
      new Setting(
          "JAMIE_TOKENS_PER_USER_DAY",
          "200000",
          "Model tokens one person may use per UTC day across agents (`0`: no limit).",
          false);
  public static final Setting TOKENS_PER_CHANNEL_DAY =
      new Setting(
          "JAMIE_TOKENS_PER_CHANNEL_DAY",
          "1000000",
          "Model tokens one channel may use per UTC day (`0`: no limit).",
          false);
  public static final Setting GRAFANA_URL =
      new Setting(
          "JAMIE_GRAFANA_URL",
          null,
          "Grafana's base URL (`https://grafana.example/`): the bot annotates every write it executes there, and `dashboards`/`panel` search and render from it. Unset: no annotations; those commands say how to set it.",
          false);
  public static final Setting GRAFANA_TOKEN =
      new Setting(
          "JAMIE_GRAFANA_TOKEN",
          null,
          "A Grafana service-account token (Editor, to post annotations) for `JAMIE_GRAFANA_URL` (never logged).",
          true);

  public static final Setting PROMETHEUS_URL =
      new Setting(
          "JAMIE_PROMETHEUS_URL",
          null,
          "Prometheus's base URL (`http://prometheus-server.monitoring:9090`) for `graph` and `query`. Unset: those commands say how to set it.",
          false);
  public static final Setting PROMETHEUS_TOKEN =
      new Setting(
          "JAMIE_PROMETHEUS_TOKEN",
          null,
          "A bearer token for `JAMIE_PROMETHEUS_URL`, when it sits behind an auth proxy (never logged).",
          true);
  public static final Setting ALERTMANAGER_URL =
      new Setting(
          "JAMIE_ALERTMANAGER_URL",
          null,
          "Alertmanager's base URL (`http://alertmanager.monitoring:9093`) for `alerts`. Unset: `alerts` says how to set it.",
          false);
  public static final Setting ARGOCD_URL =
      new Setting(
          "JAMIE_ARGOCD_URL",
          null,
          "Argo CD's base URL (`https://argocd.example/`) for `apps`, `app`, `diff`, `sync`, `autosync`, `rollback app` and the agents; the demo starts a local one.",
          false);
  public static final Setting ARGOCD_TOKEN =
      new Setting(
          "JAMIE_ARGOCD_TOKEN",
          null,
          "An Argo CD API token for `JAMIE_ARGOCD_URL` (never logged); writes approved in Slack run with it, so grant `applications, sync` and `update` only where the policy allows them.",
          true);
  public static final Setting ARGOCD_INSECURE =
      new Setting(
          "JAMIE_ARGOCD_INSECURE",
          "false",
          "`true` skips TLS verification towards Argo CD (self-signed demo installs only).",
          false);

  public static final Setting HOOK_TOKEN =
      new Setting(
          "JAMIE_HOOK_TOKEN",
          null,
          "Shared secret of the alert webhooks (`/hooks/alertmanager`, `/hooks/grafana`, `/hooks/argocd`): sent as `Authorization: Bearer …` or used as the key of `X-Jamie-Signature: sha256=<HMAC-SHA256 of the body>`. Unset (and no per-hook token): the hooks answer 503.",
          true);
  public static final Setting HOOK_TOKEN_ALERTMANAGER =
      new Setting(
          "JAMIE_HOOK_TOKEN_ALERTMANAGER",
          null,
          "Token of `/hooks/alertmanager` only; overrides `JAMIE_HOOK_TOKEN`.",
          true);
  public static final Setting HOOK_TOKEN_GRAFANA =
      new Setting(
          "JAMIE_HOOK_TOKEN_GRAFANA",
          null,
          "Token of `/hooks/grafana` only; overrides `JAMIE_HOOK_TOKEN`.",
          true);
  public static final Setting HOOK_TOKEN_ARGOCD =
      new Setting(
          "JAMIE_HOOK_TOKEN_ARGOCD",
          null,
          "Token of `/hooks/argocd` only; overrides `JAMIE_HOOK_TOKEN` (see docs/alerts.md for the Argo CD template).",
          true);
  public static final Setting ALERT_CHANNEL =
      new Setting(
          "JAMIE_ALERT_CHANNEL",
          null,
          "Channel ID alerts go to when no route matches (the demo uses `C0ALERTS`). Unset: alerts no route matches are stored but not posted.",
          false);
  public static final Setting ALERT_ROUTES =
      new Setting(
          "JAMIE_ALERT_ROUTES",
          null,
          "YAML file of alert routes: label matchers (`a=b`, `a!=b`, `a=~regex`) → channel, first match wins (see docs/alerts.md).",
          false);
  public static final Setting EVENT_ALERTS =
      new Setting(
          "JAMIE_EVENT_ALERTS",
          "false",
          "`true` watches Kubernetes warning events on every configured cluster and posts them as alert groups (one per cluster, namespace and reason).",
          false);
  public static final Setting EVENT_NAMESPACES =
      new Setting(
          "JAMIE_EVENT_NAMESPACES",
          null,
          "Comma-separated namespaces whose warning events become alerts; unset: all namespaces.",
          false);
  public static final Setting EVENT_REASONS =
      new Setting(
          "JAMIE_EVENT_REASONS",
          EventAlertsConfig.DEFAULT_REASONS,
          "Comma-separated event reasons that become alerts (`*`: every warning).",
          false);
  public static final Setting EVENT_QUIET =
      new Setting(
          "JAMIE_EVENT_QUIET",
          "15m",
          "A warning-event alert resolves after this long without a new occurrence.",
          false);

  public static final Setting OTLP_ENDPOINT =
      new Setting(
          "OTEL_EXPORTER_OTLP_ENDPOINT",
          null,
          "OTLP/HTTP base URL traces are exported to (`/v1/traces` is appended), e.g. `http://otel-collector:4318` or Opik's `…/api/v1/private/otel`. Unset: no spans leave the process.",
          false);
  public static final Setting OTLP_TRACES_ENDPOINT =
      new Setting(
          "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
          null,
          "Full OTLP/HTTP traces URL; wins over `OTEL_EXPORTER_OTLP_ENDPOINT`.",
          false);
  public static final Setting OTLP_HEADERS =
      new Setting(
          "OTEL_EXPORTER_OTLP_HEADERS",
          null,
          "Headers sent with every export, `key=value` pairs separated by commas, values URL-encoded (Opik: `Authorization=…,Comet-Workspace=…,projectName=…`).",
          true);
  public static final Setting OTEL_SERVICE_NAME =
      new Setting("OTEL_SERVICE_NAME", "jamie", "`service.name` of the exported spans.", false);

  /** All settings, in the order --help and the README list them. */
  public static final List<Setting> ALL =
      List.of(
          SLACK_MODE,
          SLACK_BOT_TOKEN,
          SLACK_APP_TOKEN,
          SLACK_SIGNING_SECRET,
          SLACK_API_URL,
          SLACK_AUTH_TEST,
          SLASH_COMMAND,
          HTTP_PORT,
          HTTP_BIND,
          MANAGEMENT_PORT,
          KUBECONFIG,
          DEFAULT_CLUSTER,
          KAMAJI_ENABLED,
          KAMAJI_CLUSTER,
          SANDBOX_PORT,
          LOG_FORMAT,
          LOG_LEVEL,
          PROMPTS_DIR,
          AGENTS_DIR,
          MONGODB_URI,
          DATA_DIR,
          POLICY_FILE,
          APPROVAL_TTL,
          MEMORY,
          EMBEDDING_MODEL_PATH,
          EMBEDDING_QUANTIZED,
          RUNBOOKS_DIR,
          NOTE_TTL,
          LLM_BASE_URL,
          LLM_API_KEY,
          LLM_MODEL,
          OLLAMA_BASE_URL,
          OLLAMA_MODEL,
          LLM_CONCURRENCY,
          TOKENS_PER_USER_DAY,
          TOKENS_PER_CHANNEL_DAY,
          GRAFANA_URL,
          GRAFANA_TOKEN,
          PROMETHEUS_URL,
          PROMETHEUS_TOKEN,
          ALERTMANAGER_URL,
          ARGOCD_URL,
          ARGOCD_TOKEN,
          ARGOCD_INSECURE,
          HOOK_TOKEN,
          HOOK_TOKEN_ALERTMANAGER,
          HOOK_TOKEN_GRAFANA,
          HOOK_TOKEN_ARGOCD,
          ALERT_CHANNEL,
          ALERT_ROUTES,
          EVENT_ALERTS,
          EVENT_NAMESPACES,
          EVENT_REASONS,
          EVENT_QUIET,
          OTLP_ENDPOINT,
          OTLP_TRACES_ENDPOINT,
          OTLP_HEADERS,
          OTEL_SERVICE_NAME);

  private Settings() {}
}
