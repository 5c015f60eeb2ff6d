import type { ChartVersion } from '../repo/catalog.ts';

const crd = (kind: string, plural: string, short: string) => `{{- if .Values.crds.install }}
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    {{- if .Values.crds.keep }}
    "helm.sh/resource-policy": keep
    {{- end }}
  labels:
    app.kubernetes.io/name: ${plural}.argoproj.io
    app.kubernetes.io/part-of: argocd
  name: ${plural}.argoproj.io
spec:
  group: argoproj.io
  names:
    kind: ${kind}
    listKind: ${kind}List
    plural: ${plural}
    shortNames:
    - ${short}
    singular: ${kind.toLowerCase()}
  scope: Namespaced
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
          spec:
            type: object
            x-kubernetes-preserve-unknown-fields: true
          status:
            type: object
            x-kubernetes-preserve-unknown-fields: true
{{- end }}
`;

const component = (name: string, kind: 'Deployment' | 'StatefulSet', command: string, port: number, image = 'argocd.image') => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: {{ include "argo-cd.fullname" . }}-${name}
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "argo-cd.labels" (dict "context" . "component" "${name}") | nindent 4 }}
spec:
  replicas: {{ (index .Values "${name === 'application-controller' ? 'controller' : name}").replicas | default 1 }}
  {{- if eq "${kind}" "StatefulSet" }}
  serviceName: {{ include "argo-cd.fullname" . }}-${name}
  {{- end }}
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ include "argo-cd.fullname" . }}-${name}
      app.kubernetes.io/instance: {{ .Release.Name }}
  template:
    metadata:
      labels:
        {{- include "argo-cd.labels" (dict "context" . "component" "${name}") | nindent 8 }}
    spec:
      serviceAccountName: {{ include "argo-cd.fullname" . }}-${name}
      containers:
      - name: ${name}
        image: {{ include "${image}" . }}
        imagePullPolicy: IfNotPresent
        args:
        - /usr/local/bin/${command}
        ports:
        - name: ${name === 'server' ? 'server' : 'metrics'}
          containerPort: ${port}
          protocol: TCP
`;

const sa = (name: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "argo-cd.fullname" . }}-${name}
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "argo-cd.labels" (dict "context" . "component" "${name}") | nindent 4 }}
`;

/** argoCd is argo/argo-cd: Argo CD's components, its CRDs unless crds.install=false, and its configuration. */
export function argoCd(version: string, appVersion: string): ChartVersion {
  const files: Record<string, string> = {
    'Chart.yaml': `annotations:
  artifacthub.io/signKey: |
    fingerprint: 2B8F22F57260EFA67BE1C5824B11F800CD9D2252
    url: https://argoproj.github.io/argo-helm/pgp_keys.asc
apiVersion: v2
appVersion: ${appVersion}
dependencies:
- condition: redis-ha.enabled
  name: redis-ha
  repository: https://dandydeveloper.github.io/charts/
  version: 4.27.6
description: A Helm chart for Argo CD, a declarative, GitOps continuous delivery tool for Kubernetes.
home: https://github.com/argoproj/argo-helm
icon: https://argo-cd.readthedocs.io/en/stable/assets/logo.png
keywords:
- argoproj
- argocd
- gitops
kubeVersion: '>=1.25.0-0'
maintainers:
- name: argoproj
  url: https://argoproj.github.io/
name: argo-cd
sources:
- https://github.com/argoproj/argo-helm/tree/main/charts/argo-cd
- https://github.com/argoproj/argo-cd
version: ${version}
`,
    'values.yaml': `## Argo CD configuration
## Ref: https://github.com/argoproj/argo-cd

# -- Provide a name in place of \`argocd\`
nameOverride: argocd
# -- String to fully override \`"argo-cd.fullname"\`
fullnameOverride: ""

## Custom resource configuration
crds:
  # -- Install and upgrade CRDs
  install: true
  # -- Keep CRDs on chart uninstall
  keep: true

## Globally shared configuration
global:
  image:
    # -- If defined, a repository applied to all Argo CD deployments
    repository: quay.io/argoproj/argocd
    # -- Overrides the global Argo CD image tag whose default is the chart appVersion
    tag: ""

## Argo Configs
configs:
  cm:
    # -- Enable local admin user
    admin.enabled: true
    # -- Timeout to discover if a new manifests version got published to the repository
    timeout.reconciliation: 180s
  params:
    # -- Run server without TLS
    server.insecure: false
  secret:
    # -- Create the argocd-secret
    createSecret: true

## Application controller
controller:
  # -- The number of application controller pods to run.
  replicas: 1

## Redis
redis:
  # -- Enable redis
  enabled: true
  image:
    repository: public.ecr.aws/docker/library/redis
    tag: 7.4.1-alpine

## Server
server:
  # -- The number of server pods to run
  replicas: 1
  service:
    # -- Server service type
    type: ClusterIP
    # -- Server service http port
    servicePortHttp: 80
    # -- Server service https port
    servicePortHttps: 443

## Repo Server
repoServer:
  # -- The number of repo server pods to run
  replicas: 1

## ApplicationSet controller
applicationSet:
  # -- The number of ApplicationSet controller pods to run
  replicas: 1
`,
    'templates/_helpers.tpl': `{{- define "argo-cd.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "argo-cd.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "argo-cd.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .context.Chart.Name .context.Chart.Version }}
app.kubernetes.io/name: {{ include "argo-cd.fullname" .context }}-{{ .component }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: argocd
app.kubernetes.io/version: {{ .context.Chart.AppVersion | quote }}
{{- end -}}

{{- define "argocd.image" -}}
{{- printf "%s:%s" .Values.global.image.repository (default .Chart.AppVersion .Values.global.image.tag) -}}
{{- end -}}

{{- define "argocd.redisImage" -}}
{{- printf "%s:%s" .Values.redis.image.repository .Values.redis.image.tag -}}
{{- end -}}
`,
    'templates/crds/crd-application.yaml': crd('Application', 'applications', 'app'),
    'templates/crds/crd-applicationset.yaml': crd('ApplicationSet', 'applicationsets', 'appset'),
    'templates/crds/crd-project.yaml': crd('AppProject', 'appprojects', 'appproj'),
    'templates/argocd-configs/argocd-cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "argo-cd.labels" (dict "context" . "component" "server") | nindent 4 }}
data:
  {{- range $k, $v := .Values.configs.cm }}
  {{ $k }}: {{ $v | toString | quote }}
  {{- end }}
`,
    'templates/argocd-configs/argocd-secret.yaml': `{{- if .Values.configs.secret.createSecret }}
apiVersion: v1
kind: Secret
metadata:
  name: argocd-secret
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "argo-cd.labels" (dict "context" . "component" "server") | nindent 4 }}
type: Opaque
{{- end }}
`,
    'templates/argocd-application-controller/serviceaccount.yaml': sa('application-controller'),
    'templates/argocd-application-controller/statefulset.yaml': component('application-controller', 'StatefulSet', 'argocd-application-controller', 8082),
    'templates/argocd-repo-server/serviceaccount.yaml': sa('repo-server'),
    'templates/argocd-repo-server/deployment.yaml': component('repo-server', 'Deployment', 'argocd-repo-server', 8081).replace('(index .Values "repo-server")', '.Values.repoServer'),
    'templates/argocd-server/serviceaccount.yaml': sa('server'),
    'templates/argocd-server/deployment.yaml': component('server', 'Deployment', 'argocd-server', 8080),
    'templates/argocd-server/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: {{ include "argo-cd.fullname" . }}-server
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "argo-cd.labels" (dict "context" . "component" "server") | nindent 4 }}
spec:
  type: {{ .Values.server.service.type }}
  ports:
  - name: http
    port: {{ .Values.server.service.servicePortHttp }}
    protocol: TCP
    targetPort: 8080
  - name: https
    port: {{ .Values.server.service.servicePortHttps }}
    protocol: TCP
    targetPort: 8080
  selector:
    app.kubernetes.io/name: {{ include "argo-cd.fullname" . }}-server
    app.kubernetes.io/instance: {{ .Release.Name }}
`,
    'templates/argocd-applicationset/serviceaccount.yaml': sa('applicationset-controller'),
    'templates/argocd-applicationset/deployment.yaml': component('applicationset-controller', 'Deployment', 'argocd-applicationset-controller', 8080).replace('(index .Values "applicationset-controller")', '.Values.applicationSet'),
    'templates/redis/deployment.yaml': `{{- if .Values.redis.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "argo-cd.fullname" . }}-redis
  namespace: {{ .Release.Namespace | quote }}
  labels:
    {{- include "argo-cd.labels" (dict "context" . "component" "redis") | nindent 4 }}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ include "argo-cd.fullname" . }}-redis
      app.kubernetes.io/instance: {{ .Release.Name }}
  template:
    metadata:
      labels:
        {{- include "argo-cd.labels" (dict "context" . "component" "redis") | nindent 8 }}
    spec:
      containers:
      - name: redis
        image: {{ include "argocd.redisImage" . }}
        imagePullPolicy: IfNotPresent
        args:
        - --save
        - ""
        - --appendonly
        - "no"
        ports:
        - name: redis
          containerPort: 6379
          protocol: TCP
{{- end }}
`,
    'templates/NOTES.txt': `In order to access the server UI you have the following options:

1. kubectl port-forward service/{{ include "argo-cd.fullname" . }}-server -n {{ .Release.Namespace }} 8080:443

    and then open the browser on http://localhost:8080 and accept the certificate

2. enable ingress in the values file \`server.ingress.enabled\` and either
      - Add the annotation for ssl passthrough: https://argo-cd.readthedocs.io/en/stable/operator-manual/ingress/#option-1-ssl-passthrough
      - Set the \`configs.params."server.insecure"\` in the values file and terminate SSL at your ingress: https://argo-cd.readthedocs.io/en/stable/operator-manual/ingress/#option-2-multiple-ingress-objects-and-hosts


After reaching the UI the first time you can login with username: admin and the random password generated during the installation. You can find the password by running:

kubectl -n {{ .Release.Namespace }} get secret argocd-initial-admin-secret -o jsonpath="{.data.password}" | base64 -d

(You should delete the initial secret afterwards as suggested by the Getting Started Guide: https://argo-cd.readthedocs.io/en/stable/getting_started/#4-login-using-the-cli)
`,
  };
  return { files, created: '2025-01-12T08:00:00Z' };
}
