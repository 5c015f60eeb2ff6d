import type { ChartVersion } from '../repo/catalog.ts';

/** bitnamiNginx is bitnami/nginx in the shape of the published chart (the parts a candidate meets). */
export function bitnamiNginx(version: string, appVersion: string): ChartVersion {
  const files: Record<string, string> = {
    'Chart.yaml': `annotations:
  category: Infrastructure
  licenses: Apache-2.0
apiVersion: v2
appVersion: ${appVersion}
description: NGINX Open Source is a web server that can be also used as a reverse proxy, load balancer, and HTTP cache. Recommended for high-demanding sites due to its ability to provide faster content.
home: https://bitnami.com
icon: https://bitnami.com/assets/stacks/nginx/img/nginx-stack-220x234.png
keywords:
- nginx
- http
- web
- www
- reverse proxy
maintainers:
- name: Broadcom, Inc. All Rights Reserved.
  url: https://github.com/bitnami/charts
name: nginx
sources:
- https://github.com/bitnami/charts/tree/main/bitnami/nginx
version: ${version}
`,
    'values.yaml': `## @section Global parameters
global:
  imageRegistry: ""
## @param nameOverride String to partially override nginx.fullname template (will maintain the release name)
nameOverride: ""
## @param fullnameOverride String to fully override nginx.fullname template
fullnameOverride: ""
## @param commonLabels Add labels to all the deployed resources
commonLabels: {}
## Bitnami NGINX image
image:
  registry: docker.io
  repository: bitnami/nginx
  tag: ${appVersion}-debian-12-r0
  pullPolicy: IfNotPresent
## @param replicaCount Number of NGINX replicas to deploy
replicaCount: 1
## @param containerPorts.http Sets http port inside NGINX container
containerPorts:
  http: 8080
## @param podLabels Extra labels for NGINX pods
podLabels: {}
## @param resources Set container requests and limits for different resources like CPU or memory
resources: {}
## @param nodeSelector Node labels for pod assignment
nodeSelector: {}
## @param tolerations Tolerations for pod assignment
tolerations: []
serviceAccount:
  ## @param serviceAccount.create Enable creation of ServiceAccount for nginx pod
  create: true
  ## @param serviceAccount.name The name of the ServiceAccount to use.
  name: ""
## @section Traffic Exposure parameters
service:
  ## @param service.type Service type
  type: LoadBalancer
  ports:
    ## @param service.ports.http Service HTTP port
    http: 80
  nodePorts:
    ## @param service.nodePorts.http Node port for HTTP
    http: ""
`,
    'templates/_helpers.tpl': `{{/* vim: set filetype=mustache: */}}
{{- define "nginx.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "nginx.fullname" -}}
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

{{- define "nginx.labels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/name: {{ include "nginx.name" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "nginx.selectorLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/name: {{ include "nginx.name" . }}
{{- end -}}

{{- define "nginx.image" -}}
{{- $registry := default .Values.image.registry .Values.global.imageRegistry -}}
{{- printf "%s/%s:%s" $registry .Values.image.repository .Values.image.tag -}}
{{- end -}}

{{- define "nginx.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{ default (include "nginx.fullname" .) .Values.serviceAccount.name }}
{{- else -}}
{{ default "default" .Values.serviceAccount.name }}
{{- end -}}
{{- end -}}
`,
    'templates/serviceaccount.yaml': `{{- if .Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "nginx.serviceAccountName" . }}
  namespace: {{ .Release.Namespace | quote }}
  labels: {{- include "nginx.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end }}
`,
    'templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "nginx.fullname" . }}
  namespace: {{ .Release.Namespace | quote }}
  labels: {{- include "nginx.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  revisionHistoryLimit: 10
  selector:
    matchLabels: {{- include "nginx.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels: {{- include "nginx.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "nginx.serviceAccountName" . }}
      automountServiceAccountToken: false
      {{- with .Values.nodeSelector }}
      nodeSelector: {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations: {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: nginx
          image: {{ include "nginx.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy | quote }}
          env:
            - name: NGINX_HTTP_PORT_NUMBER
              value: {{ .Values.containerPorts.http | quote }}
          ports:
            - name: http
              containerPort: {{ .Values.containerPorts.http }}
          livenessProbe:
            tcpSocket:
              port: http
            initialDelaySeconds: 30
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: /
              port: http
            initialDelaySeconds: 5
            periodSeconds: 5
          {{- with .Values.resources }}
          resources: {{- toYaml . | nindent 12 }}
          {{- end }}
`,
    'templates/svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: {{ include "nginx.fullname" . }}
  namespace: {{ .Release.Namespace | quote }}
  labels: {{- include "nginx.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - name: http
      port: {{ .Values.service.ports.http }}
      targetPort: http
      {{- if and (or (eq .Values.service.type "NodePort") (eq .Values.service.type "LoadBalancer")) .Values.service.nodePorts.http }}
      nodePort: {{ .Values.service.nodePorts.http }}
      {{- end }}
  selector: {{- include "nginx.selectorLabels" . | nindent 4 }}
`,
    'templates/NOTES.txt': `CHART NAME: {{ .Chart.Name }}
CHART VERSION: {{ .Chart.Version }}
APP VERSION: {{ .Chart.AppVersion }}

** Please be patient while the chart is being deployed **
NGINX can be accessed through the following DNS name from within your cluster:

    {{ include "nginx.fullname" . }}.{{ .Release.Namespace }}.svc.cluster.local (port {{ .Values.service.ports.http }})

To access NGINX from outside the cluster, follow the steps below:

1. Get the NGINX URL by running these commands:
{{- if eq .Values.service.type "LoadBalancer" }}

  NOTE: It may take a few minutes for the LoadBalancer IP to be available.
        Watch the status with: 'kubectl get svc --namespace {{ .Release.Namespace }} -w {{ include "nginx.fullname" . }}'

    export SERVICE_PORT=$(kubectl get --namespace {{ .Release.Namespace }} -o jsonpath="{.spec.ports[0].port}" services {{ include "nginx.fullname" . }})
    export SERVICE_IP=$(kubectl get svc --namespace {{ .Release.Namespace }} {{ include "nginx.fullname" . }} -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
    echo "http://\${SERVICE_IP}:\${SERVICE_PORT}"
{{- else if eq .Values.service.type "NodePort" }}

    export NODE_PORT=$(kubectl get --namespace {{ .Release.Namespace }} -o jsonpath="{.spec.ports[0].nodePort}" services {{ include "nginx.fullname" . }})
    export NODE_IP=$(kubectl get nodes --namespace {{ .Release.Namespace }} -o jsonpath="{.items[0].status.addresses[0].address}")
    echo "http://\${NODE_IP}:\${NODE_PORT}"
{{- else }}

    kubectl port-forward --namespace {{ .Release.Namespace }} svc/{{ include "nginx.fullname" . }} 8080:{{ .Values.service.ports.http }} &
    echo "http://127.0.0.1:8080"
{{- end }}
`,
  };
  return { files, created: '2025-01-10T10:00:00Z' };
}
