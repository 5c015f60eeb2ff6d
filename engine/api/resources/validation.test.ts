import { describe, expect, it } from 'vitest';
import type { KObject, ResourceDef } from '../types.ts';
import { created, obj, updated } from './testing/fixtures.ts';
import { daemonSetDef } from './apps/daemonset.ts';
import { deploymentDef } from './apps/deployment.ts';
import { replicaSetDef } from './apps/replicaset.ts';
import { statefulSetDef } from './apps/statefulset.ts';
import { hpaV2Def } from './autoscaling/horizontalpodautoscaler.ts';
import { cronJobDef } from './batch/cronjob.ts';
import { jobDef } from './batch/job.ts';
import { certificateSigningRequestDef } from './certificates/certificatesigningrequest.ts';
import { configMapDef } from './core/configmap.ts';
import { namespaceDef } from './core/namespace.ts';
import { nodeDef } from './core/node.ts';
import { persistentVolumeDef } from './core/persistentvolume.ts';
import { persistentVolumeClaimDef } from './core/persistentvolumeclaim.ts';
import { podDef } from './core/pod.ts';
import { secretDef } from './core/secret.ts';
import { serviceDef } from './core/service.ts';
import { customResourceDefinitionDef } from './apiextensions/customresourcedefinition.ts';
import { ingressDef } from './networking/ingress.ts';
import { networkPolicyDef } from './networking/networkpolicy.ts';
import { podDisruptionBudgetDef } from './policy/poddisruptionbudget.ts';
import { clusterRoleBindingDef } from './rbac/clusterrolebinding.ts';
import { roleDef } from './rbac/role.ts';
import { roleBindingDef } from './rbac/rolebinding.ts';
import { priorityClassDef } from './scheduling/priorityclass.ts';
import { subjectAccessReviewDef } from './authorization/subjectaccessreview.ts';

/**
 * The apiserver's validation messages, path for path (facts from
 * pkg/apis/*\/validation/validation_test.go, apimachinery's validation tests and
 * the errors a cluster prints). Each case runs the create (or update) path.
 */

const DNS_SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS_LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QNAME = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const POD_FORBIDDEN = 'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const ctr = (over: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx', ...over });
const podWith = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}) => obj(podDef, 'web', { spec: { containers: [ctr()], ...spec } }, meta);
const tpl = (spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'web' }) => ({ metadata: { labels }, spec: { containers: [ctr()], ...spec } });
const deploy = (spec: Record<string, unknown>) => obj(deploymentDef, 'web', { spec: { selector: { matchLabels: { app: 'web' } }, template: tpl(), ...spec } });
const jobSpec = (spec: Record<string, unknown> = {}) => ({ template: { spec: { containers: [ctr()], restartPolicy: 'Never' } }, ...spec });
const svc = (spec: Record<string, unknown>, name = 'web') => obj(serviceDef, name, { spec: { ports: [{ port: 80 }], ...spec } });
const pvc = (spec: Record<string, unknown>) => obj(persistentVolumeClaimDef, 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });

type Case = [string, ResourceDef, KObject, string];

const CREATE: Case[] = [
  ['pod name must be a subdomain', podDef, obj(podDef, 'Web', { spec: { containers: [ctr()] } }), `metadata.name: Invalid value: "Web": ${DNS_SUBDOMAIN}`],
  ['missing name', podDef, obj(podDef, '', { spec: { containers: [ctr()] } }), 'metadata.name: Required value: name or generateName is required'],
  ['name too long', configMapDef, obj(configMapDef, 'a'.repeat(254)), `metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`],
  ['missing namespace', configMapDef, obj(configMapDef, 'c', {}, { namespace: '' }), 'metadata.namespace: Required value'],
  ['namespace on a cluster-scoped kind', nodeDef, obj(nodeDef, 'n', {}, { namespace: 'default' }), 'metadata.namespace: Forbidden: not allowed on this type'],
  ['bad label value', configMapDef, obj(configMapDef, 'c', {}, { labels: { app: 'web server' } }), `metadata.labels: Invalid value: "web server": ${LABEL_VALUE}`],
  ['bad label key', configMapDef, obj(configMapDef, 'c', {}, { labels: { 'my app': 'x' } }), `metadata.labels: Invalid value: "my app": ${QNAME}`],
  ['label value too long', configMapDef, obj(configMapDef, 'c', {}, { labels: { a: 'x'.repeat(64) } }), `metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`],
  ['label key prefix', configMapDef, obj(configMapDef, 'c', {}, { labels: { 'Example.com/a': 'x' } }), `metadata.labels: Invalid value: "Example.com/a": prefix part ${DNS_SUBDOMAIN}`],
  ['annotation key', configMapDef, obj(configMapDef, 'c', {}, { annotations: { 'a/b/c': 'x' } }), `metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
  ['generateName', podDef, obj(podDef, 'ok', { spec: { containers: [ctr()] } }, { generateName: 'Web-' }), `metadata.generateName: Invalid value: "Web-": ${DNS_SUBDOMAIN}`],
  ['namespace name is a DNS label', namespaceDef, obj(namespaceDef, 'my.ns'), 'metadata.name: Invalid value: "my.ns": must not contain dots'],
  ['namespace name characters', namespaceDef, obj(namespaceDef, 'Dev'), `metadata.name: Invalid value: "Dev": ${DNS_LABEL}`],
  ['service name is a DNS-1035 label', serviceDef, svc({}, '1web'), `metadata.name: Invalid value: "1web": ${DNS1035}`],
  ['container image required', podDef, podWith({ containers: [ctr({ image: '' })] }), 'spec.containers[0].image: Required value'],
  ['containers required', podDef, podWith({ containers: [] }), 'spec.containers: Required value'],
  ['container name required', podDef, podWith({ containers: [ctr({ name: '' })] }), 'spec.containers[0].name: Required value'],
  ['container name is a label', podDef, podWith({ containers: [ctr({ name: 'Web_1' })] }), `spec.containers[0].name: Invalid value: "Web_1": ${DNS_LABEL}`],
  ['duplicate container names', podDef, podWith({ containers: [ctr(), ctr({ image: 'busybox' })] }), 'spec.containers[1].name: Duplicate value: "web"'],
  ['init container clashes with a container', podDef, podWith({ initContainers: [ctr({ image: 'busybox' })] }), 'spec.initContainers[0].name: Duplicate value: "web"'],
  ['image whitespace', podDef, podWith({ containers: [ctr({ image: ' nginx' })] }), 'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
  ['restart policy', podDef, podWith({ restartPolicy: 'always' }), 'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"'],
  ['dns policy', podDef, podWith({ dnsPolicy: 'Cluster' }), 'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"'],
  ['pull policy', podDef, podWith({ containers: [ctr({ imagePullPolicy: 'Sometimes' })] }), 'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
  ['container port required', podDef, podWith({ containers: [ctr({ ports: [{ containerPort: 0 }] })] }), 'spec.containers[0].ports[0].containerPort: Required value'],
  ['container port range', podDef, podWith({ containers: [ctr({ ports: [{ containerPort: 70000 }] })] }), 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
  ['port protocol', podDef, podWith({ containers: [ctr({ ports: [{ containerPort: 80, protocol: 'tcp' }] })] }), 'spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
  ['port name length', podDef, podWith({ containers: [ctr({ ports: [{ name: 'a-very-long-port-name', containerPort: 80 }] })] }), 'spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters'],
  ['port name letters', podDef, podWith({ containers: [ctr({ ports: [{ name: '8080', containerPort: 80 }] })] }), 'spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)'],
  ['duplicate port names', podDef, podWith({ containers: [ctr({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] }), 'spec.containers[0].ports[1].name: Duplicate value: "http"'],
  ['request above limit', podDef, podWith({ containers: [ctr({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] }), 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
  ['memory request above limit', podDef, podWith({ containers: [ctr({ resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } })] }), 'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi'],
  ['negative quantity', podDef, podWith({ containers: [ctr({ resources: { requests: { cpu: '-1' } } })] }), 'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
  ['non-standard resource', podDef, podWith({ containers: [ctr({ resources: { requests: { gpu: '1' } } })] }), 'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers'],
  ['volume mount not found', podDef, podWith({ containers: [ctr({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
  ['mount path required', podDef, podWith({ volumes: [{ name: 'data', emptyDir: {} }], containers: [ctr({ volumeMounts: [{ name: 'data' }] })] }), 'spec.containers[0].volumeMounts[0].mountPath: Required value'],
  ['volume name', podDef, podWith({ volumes: [{ name: 'Data', emptyDir: {} }] }), `spec.volumes[0].name: Invalid value: "Data": ${DNS_LABEL}`],
  ['duplicate volume', podDef, podWith({ volumes: [{ name: 'd', emptyDir: {} }, { name: 'd', emptyDir: {} }] }), 'spec.volumes[1].name: Duplicate value: "d"'],
  ['two volume sources', podDef, podWith({ volumes: [{ name: 'd', emptyDir: {}, hostPath: { path: '/x' } }] }), 'spec.volumes[0].emptyDir: Forbidden: may not specify more than 1 volume type'],
  ['configMap volume name', podDef, podWith({ volumes: [{ name: 'd', configMap: {} }] }), 'spec.volumes[0].configMap.name: Required value'],
  ['pvc claim name', podDef, podWith({ volumes: [{ name: 'd', persistentVolumeClaim: {} }] }), 'spec.volumes[0].persistentVolumeClaim.claimName: Required value'],
  ['env name', podDef, podWith({ containers: [ctr({ env: [{ value: 'x' }] })] }), 'spec.containers[0].env[0].name: Required value'],
  ['env name with =', podDef, podWith({ containers: [ctr({ env: [{ name: 'A=B', value: 'x' }] })] }), `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`],
  ['env valueFrom and value', podDef, podWith({ containers: [ctr({ env: [{ name: 'A', value: 'x', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }] })] }), 'spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
  ['secretKeyRef key', podDef, podWith({ containers: [ctr({ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's' } } }] })] }), 'spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value'],
  ['probe without handler', podDef, podWith({ containers: [ctr({ livenessProbe: { periodSeconds: 5 } })] }), 'spec.containers[0].livenessProbe: Required value: must specify a handler type'],
  ['liveness successThreshold', podDef, podWith({ containers: [ctr({ livenessProbe: { httpGet: { port: 80 }, successThreshold: 2 } })] }), 'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
  ['probe port', podDef, podWith({ containers: [ctr({ readinessProbe: { tcpSocket: { port: 0 } } })] }), 'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
  ['toleration operator', podDef, podWith({ tolerations: [{ key: 'k', operator: 'Equals', value: 'v' }] }), 'spec.tolerations[0].operator: Unsupported value: "Equals": supported values: "Equal", "Exists"'],
  ['toleration without key', podDef, podWith({ tolerations: [{ operator: 'Equal', value: 'v' }] }), 'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
  ['toleration effect', podDef, podWith({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoScheduled' }] }), 'spec.tolerations[0].effect: Unsupported value: "NoScheduled": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'],
  ['tolerationSeconds needs NoExecute', podDef, podWith({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }] }), "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
  ['nodeSelector label', podDef, podWith({ nodeSelector: { disk: 'fast ssd' } }), `spec.nodeSelector: Invalid value: "fast ssd": ${LABEL_VALUE}`],
  ['node affinity terms', podDef, podWith({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term'],
  ['affinity operator', podDef, podWith({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'in', values: ['ssd'] }] }] } } } }), 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "in": not a valid selector operator'],
  ['activeDeadlineSeconds', podDef, podWith({ activeDeadlineSeconds: 0 }), 'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
  ['serviceAccountName', podDef, podWith({ serviceAccountName: 'My_SA' }), `spec.serviceAccountName: Invalid value: "My_SA": ${DNS_SUBDOMAIN}`],
  ['deployment selector mismatch', deploymentDef, deploy({ template: tpl({}, { app: 'x' }) }), 'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`'],
  ['deployment selector required', deploymentDef, deploy({ selector: undefined }), 'spec.selector: Required value'],
  ['deployment empty selector', deploymentDef, deploy({ selector: {} }), 'spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
  ['deployment replicas', deploymentDef, deploy({ replicas: -1 }), 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  ['deployment restart policy', deploymentDef, deploy({ template: tpl({ restartPolicy: 'Never' }) }), 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
  ['deployment template image', deploymentDef, deploy({ template: tpl({ containers: [ctr({ image: '' })] }) }), 'spec.template.spec.containers[0].image: Required value'],
  ['deployment strategy', deploymentDef, deploy({ strategy: { type: 'Rolling' } }), 'spec.strategy.type: Unsupported value: "Rolling": supported values: "Recreate", "RollingUpdate"'],
  ['recreate with rollingUpdate', deploymentDef, deploy({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }), "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
  ['maxUnavailable and maxSurge both 0', deploymentDef, deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }), 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
  ['maxSurge percent', deploymentDef, deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '120%' } } }), 'spec.strategy.rollingUpdate.maxSurge: Invalid value: "120%": must not be greater than 100%'],
  ['progressDeadlineSeconds', deploymentDef, deploy({ minReadySeconds: 700 }), 'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
  ['replica set selector', replicaSetDef, obj(replicaSetDef, 'rs', { spec: { selector: { matchLabels: { app: 'a' } }, template: tpl() } }), 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
  ['statefulset pod management', statefulSetDef, obj(statefulSetDef, 'db', { spec: { selector: { matchLabels: { app: 'web' } }, template: tpl(), podManagementPolicy: 'Fast' } }), 'spec.podManagementPolicy: Unsupported value: "Fast": supported values: "OrderedReady", "Parallel"'],
  ['daemonset empty selector', daemonSetDef, obj(daemonSetDef, 'ds', { spec: { selector: {}, template: tpl() } }), 'spec.selector: Invalid value: {}: empty selector is not valid for daemonset.'],
  ['selector expression values', deploymentDef, deploy({ selector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }), "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
  ['job restart policy', jobDef, obj(jobDef, 'j', { spec: jobSpec({ template: { spec: { containers: [ctr()] } } }) }), 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'],
  ['job backoffLimit', jobDef, obj(jobDef, 'j', { spec: jobSpec({ backoffLimit: -1 }) }), 'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
  ['cronjob schedule fields', cronJobDef, obj(cronJobDef, 'c', { spec: { schedule: '* * *', jobTemplate: { spec: jobSpec() } } }), 'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: * * *'],
  ['cronjob schedule range', cronJobDef, obj(cronJobDef, 'c', { spec: { schedule: '61 * * * *', jobTemplate: { spec: jobSpec() } } }), 'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61'],
  ['cronjob TZ', cronJobDef, obj(cronJobDef, 'c', { spec: { schedule: 'TZ=UTC 0 * * * *', jobTemplate: { spec: jobSpec() } } }), 'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
  ['cronjob name length', cronJobDef, obj(cronJobDef, 'c'.repeat(53), { spec: { schedule: '@daily', jobTemplate: { spec: jobSpec() } } }), `metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`],
  ['cronjob job template restart policy', cronJobDef, obj(cronJobDef, 'c', { spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { containers: [ctr()] } } } } } }), 'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'],
  ['service ports required', serviceDef, svc({ ports: [] }), 'spec.ports: Required value'],
  ['service port range', serviceDef, svc({ ports: [{ port: 0 }] }), 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'],
  ['service port names', serviceDef, svc({ ports: [{ port: 80 }, { port: 443 }] }), 'spec.ports[1].name: Required value'],
  ['service type', serviceDef, svc({ type: 'Internal' }), 'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
  ['nodePort on ClusterIP', serviceDef, svc({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  ['externalName required', serviceDef, svc({ type: 'ExternalName', ports: [] }), 'spec.externalName: Required value'],
  ['targetPort name', serviceDef, svc({ ports: [{ port: 80, targetPort: 'HTTP' }] }), 'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
  ['configmap key', configMapDef, obj(configMapDef, 'c', { data: { 'a b': 'x' } }), `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`],
  ['tls secret keys', secretDef, obj(secretDef, 's', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }), 'data[tls.key]: Required value'],
  ['pvc access modes', persistentVolumeClaimDef, pvc({ accessModes: [] }), 'spec.accessModes: Required value: at least 1 access mode is required'],
  ['pvc storage request', persistentVolumeClaimDef, pvc({ resources: {} }), 'spec.resources[storage]: Required value'],
  ['pv capacity', persistentVolumeDef, obj(persistentVolumeDef, 'pv', { spec: { accessModes: ['ReadWriteOnce'], hostPath: { path: '/d' } } }), 'spec.capacity: Required value'],
  ['pv volume type', persistentVolumeDef, obj(persistentVolumeDef, 'pv', { spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } }), 'spec: Required value: must specify a volume type'],
  ['pv access mode', persistentVolumeDef, obj(persistentVolumeDef, 'pv', { spec: { accessModes: ['ReadWrite'], capacity: { storage: '1Gi' }, hostPath: { path: '/d' } } }), 'spec.accessModes: Unsupported value: "ReadWrite": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"'],
  ['node taint effect', nodeDef, obj(nodeDef, 'n', { spec: { taints: [{ key: 'k', value: 'v', effect: 'NoSchedul' }] } }), 'spec.taints[0].effect: Unsupported value: "NoSchedul": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'],
  ['ingress pathType', ingressDef, obj(ingressDef, 'i', { spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }), 'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
  ['ingress relative path', ingressDef, obj(ingressDef, 'i', { spec: { rules: [{ http: { paths: [{ path: 'app', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }), 'spec.rules[0].http.paths[0].path: Invalid value: "app": must be an absolute path'],
  ['ingress backend port', ingressDef, obj(ingressDef, 'i', { spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } }] } }] } }), 'spec.rules[0].http.paths[0].backend.service.port: Required value: port name or number is required'],
  ['ingress host', ingressDef, obj(ingressDef, 'i', { spec: { rules: [{ host: 'Example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }), `spec.rules[0].host: Invalid value: "Example.com": ${DNS_SUBDOMAIN}`],
  ['network policy type', networkPolicyDef, obj(networkPolicyDef, 'np', { spec: { podSelector: {}, policyTypes: ['ingress'] } }), 'spec.policyTypes: Unsupported value: "ingress": supported values: "Ingress", "Egress"'],
  ['network policy cidr', networkPolicyDef, obj(networkPolicyDef, 'np', { spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0' } }] }] } }), 'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
  ['role verbs', roleDef, obj(roleDef, 'r', { rules: [{ apiGroups: [''], resources: ['pods'] }] }), 'rules[0].verbs: Required value: verbs must contain at least one value'],
  ['role api groups', roleDef, obj(roleDef, 'r', { rules: [{ resources: ['pods'], verbs: ['get'] }] }), 'rules[0].apiGroups: Required value: resource rules must supply at least one api group'],
  ['role binding roleRef kind', roleBindingDef, obj(roleBindingDef, 'rb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Roles', name: 'r' } }), 'roleRef.kind: Unsupported value: "Roles": supported values: "Role", "ClusterRole"'],
  ['cluster role binding SA namespace', clusterRoleBindingDef, obj(clusterRoleBindingDef, 'crb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] }), 'subjects[0].namespace: Required value'],
  ['role binding subject kind', roleBindingDef, obj(roleBindingDef, 'rb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'user', name: 'jane' }] }), 'subjects[0].kind: Unsupported value: "user": supported values: "ServiceAccount", "User", "Group"'],
  ['hpa max below min', hpaV2Def, obj(hpaV2Def, 'h', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 5, maxReplicas: 2 } }), 'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`'],
  ['pdb both set', podDisruptionBudgetDef, obj(podDisruptionBudgetDef, 'p', { spec: { minAvailable: 1, maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } } }), 'spec: Invalid value: {"minAvailable":1,"maxUnavailable":1,"selector":{"matchLabels":{"app":"web"}}}: minAvailable and maxUnavailable cannot be both set'],
  ['priority class reserved prefix', priorityClassDef, obj(priorityClassDef, 'system-high', { value: 10 }), "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only"],
  ['crd name', customResourceDefinitionDef, obj(customResourceDefinitionDef, 'crontabs.example', { spec: { group: 'stable.example.com', scope: 'Namespaced', names: { plural: 'crontabs', kind: 'CronTab' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] } }), 'metadata.name: Invalid value: "crontabs.example": must be spec.names.plural+"."+spec.group'],
  ['csr expiration', certificateSigningRequestDef, obj(certificateSigningRequestDef, 'c', { spec: { request: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K', signerName: 'kubernetes.io/kube-apiserver-client', expirationSeconds: 300 } }), 'spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 600 seconds (10 minutes)'],
  ['access review attributes', subjectAccessReviewDef, obj(subjectAccessReviewDef, '', { spec: { user: 'jane' } }), 'spec.resourceAttributes: Invalid value: null: exactly one of nonResourceAttributes or resourceAttributes must be specified'],
  ['access review subject', subjectAccessReviewDef, obj(subjectAccessReviewDef, '', { spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } }), 'spec.user: Invalid value: "": at least one of user or group must be specified'],
];

describe('validation on create', () => {
  it('has a table of at least 60 cases', () => {
    expect(CREATE.length).toBeGreaterThanOrEqual(60);
  });
  it.each(CREATE)('%s', (_name, def, o, want) => {
    expect(created(def, o).errors).toContain(want);
  });
  it('accepts valid objects', () => {
    expect(created(podDef, podWith({})).errors).toEqual([]);
    expect(created(deploymentDef, deploy({})).errors).toEqual([]);
    expect(created(serviceDef, svc({ clusterIP: 'None', ports: [] })).errors).toEqual([]);
  });
});

describe('validation on update', () => {
  it('refuses pod spec changes other than images', () => {
    const { obj: old } = created(podDef, podWith({}));
    const changed = structuredClone(old);
    (changed.spec as { containers: Record<string, unknown>[] }).containers[0]!.ports = [{ containerPort: 80 }];
    const errs = updated(podDef, changed, old);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.startsWith(`${POD_FORBIDDEN}\n  core.PodSpec{`)).toBe(true);
    expect(errs[0]).toContain('- \tContainers:');
    const image = structuredClone(old);
    (image.spec as { containers: Record<string, unknown>[] }).containers[0]!.image = 'nginx:1.27';
    expect(updated(podDef, image, old)).toEqual([]);
    const more = structuredClone(old);
    (more.spec as { containers: unknown[] }).containers.push(ctr({ name: 'b' }));
    expect(updated(podDef, more, old)).toContain('spec.containers: Forbidden: pod updates may not add or remove containers');
  });

  it('keeps selectors, roleRefs and types immutable', () => {
    const { obj: d } = created(deploymentDef, deploy({}));
    const d2 = structuredClone(d);
    (d2.spec as Record<string, unknown>).selector = { matchLabels: { app: 'other' } };
    (d2.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = { app: 'other' };
    expect(updated(deploymentDef, d2, d)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable']);
    const { obj: rb } = created(roleBindingDef, obj(roleBindingDef, 'rb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'a' } }));
    const rb2 = structuredClone(rb);
    rb2.roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'b' };
    expect(updated(roleBindingDef, rb2, rb)).toEqual(['roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"b"}: cannot change roleRef']);
    const { obj: s } = created(secretDef, obj(secretDef, 's'));
    const s2 = structuredClone(s);
    s2.type = 'kubernetes.io/basic-auth';
    s2.data = { username: 'YQ==' };
    expect(updated(secretDef, s2, s)).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });

  it('refuses a Service cluster IP change and keeps the allocated one when omitted', () => {
    const { obj: old } = created(serviceDef, svc({}));
    (old.spec as Record<string, unknown>).clusterIP = '10.96.0.10';
    (old.spec as Record<string, unknown>).clusterIPs = ['10.96.0.10'];
    const none = structuredClone(old);
    (none.spec as Record<string, unknown>).clusterIP = 'None';
    (none.spec as Record<string, unknown>).clusterIPs = ['None'];
    expect(updated(serviceDef, none, old)).toEqual(['spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set']);
    const omitted = structuredClone(old);
    delete (omitted.spec as Record<string, unknown>).clusterIP;
    delete (omitted.spec as Record<string, unknown>).clusterIPs;
    expect(updated(serviceDef, omitted, old)).toEqual([]);
    expect((omitted.spec as Record<string, unknown>).clusterIP).toBe('10.96.0.10');
  });

  it('refuses StatefulSet changes outside the mutable fields', () => {
    const { obj: old } = created(statefulSetDef, obj(statefulSetDef, 'db', { spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: tpl() } }));
    const next = structuredClone(old);
    (next.spec as Record<string, unknown>).serviceName = 'other';
    expect(updated(statefulSetDef, next, old)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('refuses a metadata.name change and new finalizers while deleting', () => {
    const { obj: old } = created(configMapDef, obj(configMapDef, 'c', {}, { deletionTimestamp: '2026-01-05T09:00:00Z', finalizers: ['a.io/x'] }));
    const next = structuredClone(old);
    next.metadata.finalizers = ['a.io/x', 'b.io/y'];
    expect(updated(configMapDef, next, old)).toEqual(['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}']);
  });

  it('refuses a shrinking claim and a changed immutable ConfigMap', () => {
    const { obj: old } = created(persistentVolumeClaimDef, pvc({}));
    old.status = { phase: 'Bound', capacity: { storage: '1Gi' } };
    const smaller = structuredClone(old);
    (smaller.spec as { resources: { requests: Record<string, string> } }).resources.requests.storage = '500Mi';
    expect(updated(persistentVolumeClaimDef, smaller, old)).toEqual(['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity']);
    const { obj: cm } = created(configMapDef, obj(configMapDef, 'c', { immutable: true, data: { a: '1' } }));
    const cm2 = structuredClone(cm);
    cm2.data = { a: '2' };
    expect(updated(configMapDef, cm2, cm)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
});
