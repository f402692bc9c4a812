{{/* The chart name, overridable. */}}
{{- define "jamie.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped name for every object. */}}
{{- define "jamie.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "jamie.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "jamie.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the bot's pods. */}}
{{- define "jamie.selectorLabels" -}}
app.kubernetes.io/name: {{ include "jamie.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The service account the pod runs as. */}}
{{- define "jamie.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "jamie.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret the env refers to: existingSecret, else the release's full name. */}}
{{- define "jamie.secretName" -}}
{{- default (include "jamie.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* The container image reference; the tag defaults to the chart's appVersion. */}}
{{- define "jamie.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* Refuse value combinations that deploy but cannot work, naming the fix. */}}
{{- define "jamie.validate" -}}
{{- if and .Values.hpa.enabled (eq .Values.slack.mode "socket") }}
{{- fail "hpa.enabled needs slack.mode=http: Socket Mode keeps one WebSocket per app and must run exactly one replica. Set slack.mode=http (with SLACK_SIGNING_SECRET in the Secret) or hpa.enabled=false." }}
{{- end }}
{{- if and (eq .Values.slack.mode "socket") (gt (int .Values.replicaCount) 1) }}
{{- fail "slack.mode=socket runs exactly one replica; set replicaCount=1 or switch to slack.mode=http." }}
{{- end }}
{{- if and (or .Values.hpa.enabled (gt (int .Values.replicaCount) 1)) (not .Values.mongodb.enabled) }}
{{- fail "more than one replica needs mongodb.enabled=true (MONGODB_URI in the Secret): the embedded store lives inside one pod." }}
{{- end }}
{{- if and .Values.kamaji.enabled (empty .Values.kamaji.tenantNamespaces) }}
{{- fail "kamaji.enabled needs kamaji.tenantNamespaces: the namespaces of your TenantControlPlanes, where the bot may read their admin kubeconfig Secrets (and nothing else)." }}
{{- end }}
{{- if and .Values.secrets.create .Values.secrets.existingSecret }}
{{- fail "set either secrets.existingSecret (a Secret you manage) or secrets.create=true (the chart creates it), not both." }}
{{- end }}
{{- end }}
