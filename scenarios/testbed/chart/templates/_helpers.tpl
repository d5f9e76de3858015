{{/* Resource names: <release>-<component>. */}}
{{- define "testbed.name" -}}
{{- printf "%s-%s" .root.Release.Name .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "testbed.selectorLabels" -}}
app.kubernetes.io/name: chartprobe-testbed
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "testbed.labels" -}}
{{ include "testbed.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: chartprobe-testbed
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* The values key of a component (worker -> .Values.worker, postgres -> .Values.postgresql). */}}
{{- define "testbed.componentValues" -}}
{{- $key := .component -}}
{{- if eq $key "postgres" }}{{ $key = "postgresql" }}{{ end -}}
{{- toJson (index .root.Values $key | default dict) -}}
{{- end -}}

{{- define "testbed.serviceAccountName" -}}
{{- if .root.Values.serviceAccount.perComponent -}}
{{ include "testbed.name" . }}
{{- else -}}
{{ include "testbed.name" (dict "root" .root "component" "airflow") }}
{{- end -}}
{{- end -}}

{{/* A component's own automount setting wins over the global one. */}}
{{- define "testbed.automount" -}}
{{- $c := include "testbed.componentValues" . | fromJson -}}
{{- if kindIs "bool" $c.automountServiceAccountToken -}}
{{ $c.automountServiceAccountToken }}
{{- else -}}
{{ .root.Values.serviceAccount.automountToken }}
{{- end -}}
{{- end -}}

{{- define "testbed.podSecurityContext" -}}
{{- toYaml (.root.Values.securityContext.pod | default dict) -}}
{{- end -}}

{{/* Container context: the image's uid/gid (as the community chart sets them) plus values. */}}
{{- define "testbed.containerSecurityContext" -}}
{{- $img := index .root.Values.images .image -}}
{{- $ctx := dict "runAsUser" $img.uid "runAsGroup" $img.gid -}}
{{- toYaml (merge (deepCopy (.root.Values.securityContext.container | default dict)) $ctx) -}}
{{- end -}}

{{- define "testbed.resources" -}}
{{- $c := include "testbed.componentValues" . | fromJson -}}
{{- toYaml ($c.resources | default .root.Values.resources.default) -}}
{{- end -}}

{{- define "testbed.image" -}}
{{- $img := index .root.Values.images .image -}}
image: {{ printf "%s:%s" $img.repository $img.tag | quote }}
imagePullPolicy: {{ $img.pullPolicy }}
{{- end -}}

{{- define "testbed.podSpecCommon" -}}
serviceAccountName: {{ include "testbed.serviceAccountName" . }}
automountServiceAccountToken: {{ include "testbed.automount" . }}
securityContext:
  {{- include "testbed.podSecurityContext" . | nindent 2 }}
enableServiceLinks: false
{{- end -}}

{{/*
All secret material, computed once per render and memoised in .Values.__testbedSecrets so every
template sees the same generated values. Empty values are generated (and reused from the
existing Secret on upgrade).
*/}}
{{- define "testbed.secrets" -}}
{{- if not (hasKey .Values "__testbedSecrets") -}}
{{- $existing := dict -}}
{{- $found := lookup "v1" "Secret" .Release.Namespace (printf "%s-secrets" .Release.Name) -}}
{{- if $found }}{{ $existing = $found.data | default dict }}{{ end -}}
{{- $pick := dict -}}
{{- $raw := dict
      "webserver-secret-key" .Values.airflow.webserverSecretKey
      "fernet-key" .Values.airflow.fernetKey
      "database-password" .Values.postgresql.password
      "postgres-superuser-password" (ternary .Values.postgresql.password .Values.postgresql.superuserPassword (eq .Values.postgresql.username "postgres"))
      "redis-password" .Values.redis.password
      "flower-password" .Values.flower.basicAuth.password -}}
{{- range .Values.airflow.users -}}
{{- $_ := set $raw (printf "user-%s-password" .username) (.password | default "") -}}
{{- end -}}
{{- range $k, $v := $raw -}}
{{- if $v -}}
{{- $_ := set $pick $k (toString $v) -}}
{{- else if hasKey $existing $k -}}
{{- $_ := set $pick $k (index $existing $k | b64dec) -}}
{{- else if eq $k "fernet-key" -}}
{{- $_ := set $pick $k (randAlphaNum 32 | b64enc) -}}
{{- else -}}
{{- $_ := set $pick $k (randAlphaNum 32) -}}
{{- end -}}
{{- end -}}
{{- $rel := .Release.Name -}}
{{- $dbUser := .Values.postgresql.username -}}
{{- $dbPass := index $pick "database-password" -}}
{{- $dbName := .Values.postgresql.database -}}
{{- $dbHost := ternary (printf "%s-pgbouncer:%v" $rel .Values.pgbouncer.port) (printf "%s-postgres:5432" $rel) .Values.pgbouncer.enabled -}}
{{- $sslmode := ternary "?sslmode=require" "" (and .Values.postgresql.tls (not .Values.pgbouncer.enabled)) -}}
{{- $redisAuth := ternary (printf ":%s@" (index $pick "redis-password")) "" .Values.redis.auth -}}
{{- $out := dict
      "AIRFLOW__WEBSERVER__SECRET_KEY" (index $pick "webserver-secret-key")
      "AIRFLOW__CORE__FERNET_KEY" (index $pick "fernet-key")
      "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" (printf "postgresql+psycopg2://%s:%s@%s/%s%s" $dbUser $dbPass $dbHost $dbName $sslmode)
      "AIRFLOW__CELERY__RESULT_BACKEND" (printf "db+postgresql://%s:%s@%s/%s%s" $dbUser $dbPass $dbHost $dbName $sslmode)
      "AIRFLOW__CELERY__BROKER_URL" (printf "redis://%s%s-redis:6379/0" $redisAuth $rel)
      "migrate-sql-alchemy-conn" (printf "postgresql+psycopg2://%s:%s@%s-postgres:5432/%s%s" $dbUser $dbPass $rel $dbName (ternary "?sslmode=require" "" .Values.postgresql.tls))
      "database-username" $dbUser
      "database-password" $dbPass
      "POSTGRES_PASSWORD" (index $pick "postgres-superuser-password")
      "REDIS_PASSWORD" (index $pick "redis-password") -}}
{{- if ne $dbUser "postgres" -}}
{{- $_ := set $out "POSTGRES_APP_PASSWORD" $dbPass -}}
{{- end -}}
{{- if .Values.flower.basicAuth.enabled -}}
{{- $_ := set $out "AIRFLOW__CELERY__FLOWER_BASIC_AUTH" (printf "%s:%s" .Values.flower.basicAuth.username (index $pick "flower-password")) -}}
{{- end -}}
{{- range $k, $v := $pick -}}
{{- $_ := set $out $k $v -}}
{{- end -}}
{{- $_ := set .Values "__testbedSecrets" $out -}}
{{- end -}}
{{- end -}}

{{/*
The Secret keys each component needs; with sharedAirflowEnv every Airflow pod gets all. Every
Airflow CLI command records itself in the metadata database, so flower needs the connection too.
*/}}
{{- define "testbed.airflowSecretKeys" -}}
{{- $v := .root.Values -}}
{{- $flower := ternary (list "AIRFLOW__CELERY__FLOWER_BASIC_AUTH") (list) $v.flower.basicAuth.enabled -}}
{{- $need := dict
      "webserver" (list "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW__CORE__FERNET_KEY" "AIRFLOW__WEBSERVER__SECRET_KEY")
      "scheduler" (list "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW__CORE__FERNET_KEY" "AIRFLOW__CELERY__BROKER_URL" "AIRFLOW__CELERY__RESULT_BACKEND")
      "worker" (list "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW__CORE__FERNET_KEY" "AIRFLOW__WEBSERVER__SECRET_KEY" "AIRFLOW__CELERY__BROKER_URL" "AIRFLOW__CELERY__RESULT_BACKEND")
      "flower" (concat (list "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW__CELERY__BROKER_URL" "AIRFLOW__CELERY__RESULT_BACKEND") $flower) -}}
{{- if $v.secrets.sharedAirflowEnv -}}
{{- toJson (concat (list "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW__CORE__FERNET_KEY" "AIRFLOW__WEBSERVER__SECRET_KEY" "AIRFLOW__CELERY__BROKER_URL" "AIRFLOW__CELERY__RESULT_BACKEND") $flower) -}}
{{- else -}}
{{- toJson (index $need .component) -}}
{{- end -}}
{{- end -}}

{{/* env entries for secrets: [[ENV_NAME, secret-key], ...] as literal values or secretKeyRefs. */}}
{{- define "testbed.secretEnv" -}}
{{- include "testbed.secrets" .root -}}
{{- $all := .root.Values.__testbedSecrets -}}
{{- range .pairs }}
- name: {{ index . 0 }}
{{- if $.root.Values.secrets.asLiteralEnv }}
  value: {{ index $all (index . 1) | quote }}
{{- else }}
  valueFrom:
    secretKeyRef:
      name: {{ $.root.Release.Name }}-secrets
      key: {{ index . 1 }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Airflow configuration that is not secret, shared by every Airflow container. */}}
{{- define "testbed.airflowEnv" -}}
{{- $v := .Values -}}
- name: AIRFLOW__CORE__EXECUTOR
  value: CeleryExecutor
- name: AIRFLOW__CORE__LOAD_EXAMPLES
  value: {{ $v.airflow.loadExamples | ternary "True" "False" | quote }}
- name: AIRFLOW__CORE__DAGS_FOLDER
  value: /opt/airflow/dags
- name: AIRFLOW__DATABASE__LOAD_DEFAULT_CONNECTIONS
  value: "False"
- name: AIRFLOW__WEBSERVER__WORKERS
  value: {{ $v.webserver.workers | quote }}
- name: AIRFLOW__WEBSERVER__WEB_SERVER_PORT
  value: "8080"
- name: AIRFLOW__WEBSERVER__COOKIE_SECURE
  value: {{ $v.airflow.cookieSecure | ternary "True" "False" | quote }}
- name: AIRFLOW__WEBSERVER__COOKIE_SAMESITE
  value: {{ $v.airflow.cookieSameSite | quote }}
- name: AIRFLOW__WEBSERVER__X_FRAME_ENABLED
  value: {{ $v.airflow.xFrameEnabled | ternary "True" "False" | quote }}
- name: AIRFLOW__WEBSERVER__WARN_DEPLOYMENT_EXPOSURE
  value: "False"
- name: AIRFLOW__WEBSERVER__SESSION_BACKEND
  value: {{ $v.airflow.sessionBackend | quote }}
- name: AIRFLOW__API__AUTH_BACKENDS
  value: {{ $v.airflow.apiAuthBackends | quote }}
- name: AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT
  value: {{ $v.worker.logServerPort | quote }}
- name: AIRFLOW__CELERY__WORKER_CONCURRENCY
  value: {{ $v.worker.concurrency | quote }}
- name: AIRFLOW__CELERY__FLOWER_PORT
  value: {{ $v.flower.port | quote }}
- name: AIRFLOW__SCHEDULER__PARSING_PROCESSES
  value: "1"
- name: AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL
  value: "60"
- name: AIRFLOW__CORE__PARALLELISM
  value: "4"
{{- with $v.airflow.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Writable places for a read-only root filesystem; mounted in every profile. */}}
{{- define "testbed.airflowVolumeMounts" -}}
- name: home
  mountPath: /opt/airflow
- name: dags
  mountPath: /opt/airflow/dags
- name: tmp
  mountPath: /tmp
{{- if .Values.airflow.securityHeaders }}
# One file by subPath: a whole ConfigMap volume brings kubelet's ..data symlinks, which
# Airflow's plugin walker takes for a recursive loop and refuses to start.
- name: plugins
  mountPath: /opt/airflow/plugins/security_headers.py
  subPath: security_headers.py
  readOnly: true
{{- end }}
{{- end -}}

{{- define "testbed.airflowVolumes" -}}
- name: home
  emptyDir: {}
- name: dags
  emptyDir: {}
- name: tmp
  emptyDir: {}
{{- if .Values.airflow.securityHeaders }}
- name: plugins
  configMap:
    name: {{ .Release.Name }}-plugins
{{- end }}
{{- end -}}

{{/* Waits until the migrate Job has brought the schema up to date. */}}
{{- define "testbed.waitForMigrations" -}}
- name: wait-for-migrations
  {{- include "testbed.image" (dict "root" .root "image" "airflow") | nindent 2 }}
  args: ["airflow", "db", "check-migrations", "--migration-wait-timeout", "900"]
  env:
    {{- include "testbed.airflowEnv" .root | nindent 4 }}
    {{- include "testbed.secretEnv" (dict "root" .root "pairs" (list (list "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN" "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"))) | trim | nindent 4 }}
  securityContext:
    {{- include "testbed.containerSecurityContext" (dict "root" .root "image" "airflow") | nindent 4 }}
  resources:
    {{- include "testbed.resources" . | nindent 4 }}
  volumeMounts:
    {{- include "testbed.airflowVolumeMounts" .root | nindent 4 }}
{{- end -}}

{{/* A NetworkPolicy peer: the pods of one component of this release. */}}
{{- define "testbed.peer" -}}
- podSelector:
    matchLabels:
      app.kubernetes.io/instance: {{ .root.Release.Name }}
      app.kubernetes.io/component: {{ .component }}
{{- end -}}
