import { describe, expect, it } from 'vitest';
import { CTX, ago, DAY, HOUR, MIN, SEC, obj } from './testing/fixtures.ts';
import { daemonSetDef } from './apps/daemonset.ts';
import { deploymentDef } from './apps/deployment.ts';
import { replicaSetDef } from './apps/replicaset.ts';
import { statefulSetDef } from './apps/statefulset.ts';
import { controllerRevisionDef } from './apps/controllerrevision.ts';
import { hpaV1Def, hpaV2Def } from './autoscaling/horizontalpodautoscaler.ts';
import { cronJobDef } from './batch/cronjob.ts';
import { jobDef } from './batch/job.ts';
import { certificateSigningRequestDef } from './certificates/certificatesigningrequest.ts';
import { endpointSliceDef } from './discovery/endpointslice.ts';
import { ingressDef } from './networking/ingress.ts';
import { ingressClassDef } from './networking/ingressclass.ts';
import { networkPolicyDef } from './networking/networkpolicy.ts';
import { podDisruptionBudgetDef } from './policy/poddisruptionbudget.ts';
import { roleBindingDef } from './rbac/rolebinding.ts';
import { clusterRoleBindingDef } from './rbac/clusterrolebinding.ts';
import { priorityClassDef } from './scheduling/priorityclass.ts';
import { storageClassDef } from './storage/storageclass.ts';
import { csiDriverDef } from './storage/csidriver.ts';
import { leaseDef } from './coordination/lease.ts';
import { apiServiceDef } from './apiregistration/apiservice.ts';
import { mutatingWebhookConfigurationDef } from './admissionregistration/mutatingwebhookconfiguration.ts';
import { eventsV1Def } from './events/event.ts';

// Facts from printers_test.go and printers.go: input objects and the server-side cells.

const tpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] } };

describe('apps printers', () => {
  it('prints deployments: READY n/m, UP-TO-DATE, AVAILABLE, wide cells', () => {
    const d = obj(deploymentDef, 'test1', { spec: { replicas: 5, template: tpl, selector: { matchLabels: { foo: 'bar' } } }, status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4, readyReplicas: 1 } }, { creationTimestamp: ago(10 * 365 * DAY) });
    expect(deploymentDef.row(d, CTX)).toEqual(['test1', '1/5', 2, 1, '10y', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar']);
  });
  it('prints replica sets and stateful sets', () => {
    const rs = obj(replicaSetDef, 'test1', { spec: { replicas: 5, template: tpl, selector: { matchLabels: { foo: 'bar' } } }, status: { replicas: 5, readyReplicas: 2 } }, { creationTimestamp: ago(0) });
    expect(replicaSetDef.row(rs, CTX)).toEqual(['test1', 5, 5, 2, '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar']);
    const sts = obj(statefulSetDef, 'test1', { spec: { replicas: 5, template: tpl }, status: { replicas: 5, readyReplicas: 2 } }, { creationTimestamp: ago(0) });
    expect(statefulSetDef.row(sts, CTX)).toEqual(['test1', '2/5', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2']);
  });
  it('prints daemon sets with their node selector', () => {
    const ds = obj(daemonSetDef, 'test1', { spec: { template: { ...tpl, spec: { ...tpl.spec, nodeSelector: { disk: 'ssd' } } }, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] } }, status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0 } }, { creationTimestamp: ago(0) });
    expect(daemonSetDef.row(ds, CTX)).toEqual(['test1', 3, 2, 1, 2, 0, 'disk=ssd', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'app in (api,web)']);
  });
  it('prints controller revisions with their controller', () => {
    const cr = obj(controllerRevisionDef, 'test1', { revision: 1 }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'u', controller: true }], creationTimestamp: ago(0) });
    expect(controllerRevisionDef.row(cr, CTX)).toEqual(['test1', 'daemonset.apps/foo', 1, '0s']);
    expect(controllerRevisionDef.row(obj(controllerRevisionDef, 'test2', { revision: 2 }), CTX)[1]).toBe('<none>');
  });
});

describe('batch printers', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta = {}) => obj(jobDef, 'job1', { spec: { template: tpl, selector: { matchLabels: { 'job-label': 'job-lable-value' } }, ...spec }, status }, { creationTimestamp: ago(0), ...meta });
  it('prints completions and durations', () => {
    expect(jobDef.row(job({ completions: 2 }, { succeeded: 1 }), CTX)).toEqual(['job1', 'Running', '1/2', '', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'job-label=job-lable-value']);
    expect(jobDef.row(job({ parallelism: 2 }, { succeeded: 0 }), CTX)[2]).toBe('0/1 of 2');
    expect(jobDef.row(job({ parallelism: 1 }, { succeeded: 1 }), CTX)[2]).toBe('1/1');
    expect(jobDef.row(job({ completions: 2 }, { succeeded: 2, startTime: ago(10 * MIN), completionTime: ago(7 * MIN), conditions: [{ type: 'Complete', status: 'True' }] }), CTX).slice(1, 4)).toEqual(['Complete', '2/2', '3m']);
    expect(jobDef.row(job({ completions: 2 }, { startTime: ago(20 * SEC) }), CTX)[3]).toBe('20s');
  });
  it('prints the STATUS column', () => {
    const status = (conditions: unknown[], meta = {}) => jobDef.row(job({}, { conditions }, meta), CTX)[1];
    expect(status([{ type: 'Failed', status: 'True' }])).toBe('Failed');
    expect(status([{ type: 'Suspended', status: 'True' }])).toBe('Suspended');
    expect(status([{ type: 'FailureTarget', status: 'True' }])).toBe('FailureTarget');
    expect(status([{ type: 'Complete', status: 'False' }], { deletionTimestamp: ago(0) })).toBe('Terminating');
  });
  it('prints cron jobs', () => {
    const cj = obj(cronJobDef, 'cronjob1', { spec: { schedule: '0/5 * * * ?', suspend: false, jobTemplate: { spec: { template: tpl, selector: { matchLabels: { a: 'b' } } } } }, status: { lastScheduleTime: ago(MIN) } }, { creationTimestamp: ago(0) });
    expect(cronJobDef.row(cj, CTX)).toEqual(['cronjob1', '0/5 * * * ?', '<none>', 'False', 0, '60s', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'a=b']);
    const cj2 = obj(cronJobDef, 'cronjob2', { spec: { schedule: '@hourly', timeZone: 'Europe/Paris', jobTemplate: { spec: { template: tpl } } }, status: { active: [{ name: 'x' }] } });
    expect(cronJobDef.row(cj2, CTX).slice(2, 6)).toEqual(['Europe/Paris', '<unset>', 1, '<none>']);
  });
});

describe('printHorizontalPodAutoscaler', () => {
  const hpa = (metrics: unknown[], currentMetrics: unknown[] = [], min?: number) =>
    obj(hpaV2Def, 'some-hpa', { spec: { scaleTargetRef: { kind: 'ReplicationController', name: 'some-rc' }, minReplicas: min, maxReplicas: 10, metrics }, status: { currentReplicas: 4, desiredReplicas: 5, currentMetrics } });
  const cpu = (target: Record<string, unknown>) => ({ type: 'Resource', resource: { name: 'cpu', target } });
  it('prints targets as upstream does', () => {
    expect(hpaV2Def.row(hpa([]), CTX)).toEqual(['some-hpa', 'ReplicationController/some-rc', '<none>', '<unset>', 10, 4, '<unknown>']);
    expect(hpaV2Def.row(hpa([cpu({ type: 'Utilization', averageUtilization: 80 })], [], 2), CTX).slice(2, 4)).toEqual(['cpu: <unknown>/80%', '2']);
    expect(hpaV2Def.row(hpa([cpu({ type: 'Utilization', averageUtilization: 80 })], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '10m' } } }]), CTX)[2]).toBe('cpu: 50%/80%');
    expect(hpaV2Def.row(hpa([cpu({ type: 'AverageValue', averageValue: '100m' })], [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '50m' } } }]), CTX)[2]).toBe('cpu: 50m/100m');
    expect(hpaV2Def.row(hpa([{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } }]), CTX)[2]).toBe('<unknown>/100m');
    const three = [cpu({ type: 'Utilization', averageUtilization: 80 }), cpu({ type: 'Utilization', averageUtilization: 70 }), cpu({ type: 'Utilization', averageUtilization: 60 })];
    expect(hpaV2Def.row(hpa(three), CTX)[2]).toBe('cpu: <unknown>/80%, cpu: <unknown>/70% + 1 more...');
  });
  it('prints autoscaling/v1 objects through their CPU target', () => {
    const v1 = obj(hpaV1Def, 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 }, status: { currentReplicas: 1, currentCPUUtilizationPercentage: 12 } });
    expect(hpaV1Def.row(v1, CTX).slice(1, 6)).toEqual(['Deployment/web', 'cpu: 12%/50%', '1', 5, 1]);
  });
});

describe('networking and other printers', () => {
  it('prints ingresses', () => {
    const ing = obj(ingressDef, 'test1', { spec: { ingressClassName: 'foo', defaultBackend: { service: { name: 'default-backend', port: { name: 'default-backend' } } }, rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }, { host: 'c.example.com' }, { host: 'd.example.com' }] }, status: { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } } }, { creationTimestamp: ago(10 * 365 * DAY) });
    expect(ingressDef.row(ing, CTX)).toEqual(['test1', 'foo', 'a.example.com,b.example.com,c.example.com + 1 more...', '2.3.4.5', '80', '10y']);
    expect(ingressDef.row(obj(ingressDef, 'x', { spec: { tls: [{}], rules: [{ http: {} }] } }), CTX).slice(1, 5)).toEqual(['<none>', '*', '', '80, 443']);
  });
  it('prints ingress classes and network policies', () => {
    expect(ingressClassDef.row(obj(ingressClassDef, 'test1', { spec: { controller: 'example.com/controller', parameters: { apiGroup: 'example.com', kind: 'customgroup', name: 'example' } } }, { creationTimestamp: ago(10 * 365 * DAY) }), CTX)).toEqual(['test1', 'example.com/controller', 'customgroup.example.com/example', '10y']);
    expect(networkPolicyDef.row(obj(networkPolicyDef, 'np', { spec: { podSelector: { matchLabels: { foo: 'bar' } } } }, { creationTimestamp: ago(0) }), CTX)).toEqual(['np', 'foo=bar', '0s']);
    expect(networkPolicyDef.row(obj(networkPolicyDef, 'deny', { spec: { podSelector: {} } }), CTX)[1]).toBe('<none>');
  });
  it('prints endpoint slices', () => {
    const es = obj(endpointSliceDef, 'abcslice.123', { addressType: 'IPv4', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }, { name: 'x' }, {}], endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }] }, { creationTimestamp: ago(0) });
    expect(endpointSliceDef.row(es, CTX)).toEqual(['abcslice.123', 'IPv4', '80,443,x + 1 more...', '10.1.2.3,2001:db8::1234:5678', '0s']);
    expect(endpointSliceDef.row(obj(endpointSliceDef, 'empty', { addressType: 'IPv4' }), CTX).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
  it('prints role bindings with subjects', () => {
    const subjects = [{ kind: 'User', name: 'user-name' }, { kind: 'Group', name: 'group-name' }, { kind: 'ServiceAccount', name: 'sa-name', namespace: 'sa-namespace' }];
    expect(roleBindingDef.row(obj(roleBindingDef, 'binding1', { roleRef: { kind: 'Role', name: 'extension-role' }, subjects }, { creationTimestamp: ago(10 * 365 * DAY) }), CTX)).toEqual(['binding1', 'Role/extension-role', '10y', 'user-name', 'group-name', 'sa-namespace:sa-name']);
    expect(clusterRoleBindingDef.row(obj(clusterRoleBindingDef, 'b', { roleRef: { kind: 'ClusterRole', name: 'view' } }), CTX).slice(1)).toEqual(['ClusterRole/view', '<unknown>', '', '', '']);
  });
  it('prints storage classes, CSI drivers, priority classes, PDBs, leases', () => {
    expect(storageClassDef.row(obj(storageClassDef, 'sc1', { provisioner: 'kubernetes.io/glusterfs' }, { creationTimestamp: ago(10 * 365 * DAY) }), CTX)).toEqual(['sc1', 'kubernetes.io/glusterfs', 'Delete', 'Immediate', false, '10y']);
    expect(storageClassDef.row(obj(storageClassDef, 'local', { provisioner: 'rancher.io/local-path', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), CTX).slice(0, 5)).toEqual(['local (default)', 'rancher.io/local-path', 'Retain', 'WaitForFirstConsumer', true]);
    expect(csiDriverDef.row(obj(csiDriverDef, 'driver1', { spec: { attachRequired: true, podInfoOnMount: true, storageCapacity: true, requiresRepublish: false, volumeLifecycleModes: ['Persistent', 'Ephemeral'], tokenRequests: [{ audience: 'api' }, { audience: 'vault' }] } }), CTX).slice(1, 7)).toEqual([true, true, true, 'api,vault', false, 'Persistent,Ephemeral']);
    expect(priorityClassDef.row(obj(priorityClassDef, 'pc1', { value: 1, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' }, { creationTimestamp: ago(10 * 365 * DAY) }), CTX)).toEqual(['pc1', 1, false, '10y', 'PreemptLowerPriority']);
    expect(podDisruptionBudgetDef.row(obj(podDisruptionBudgetDef, 'pdb1', { spec: { minAvailable: '22%' }, status: { disruptionsAllowed: 5 } }, { creationTimestamp: ago(HOUR) }), CTX)).toEqual(['pdb1', '22%', 'N/A', 5, '60m']);
    expect(podDisruptionBudgetDef.row(obj(podDisruptionBudgetDef, 'pdb2', { spec: { maxUnavailable: 11 }, status: { disruptionsAllowed: 5 } }), CTX).slice(1, 3)).toEqual(['N/A', '11']);
    expect(leaseDef.row(obj(leaseDef, 'node01', { spec: { holderIdentity: 'node01' } }, { creationTimestamp: ago(DAY) }), CTX)).toEqual(['node01', 'node01', '24h']);
  });
  it('prints CSR conditions and requested durations', () => {
    const csr = (status: Record<string, unknown>, spec: Record<string, unknown> = {}) => obj(certificateSigningRequestDef, 'csr1', { spec: { username: 'CSRRequestor', signerName: 'kubernetes.io/kube-apiserver-client', ...spec }, status }, { creationTimestamp: ago(0) });
    expect(certificateSigningRequestDef.row(csr({}), CTX)).toEqual(['csr1', '0s', 'kubernetes.io/kube-apiserver-client', 'CSRRequestor', '<none>', 'Pending']);
    expect(certificateSigningRequestDef.row(csr({ conditions: [{ type: 'Approved' }], certificate: 'Y2VydA==' }, { expirationSeconds: 86400 }), CTX).slice(4)).toEqual(['24h', 'Approved,Issued']);
    expect(certificateSigningRequestDef.row(csr({ conditions: [{ type: 'Approved' }, { type: 'Denied' }, { type: 'Failed' }] }), CTX)[5]).toBe('Denied,Failed');
  });
  it('prints API services and webhook configurations', () => {
    expect(apiServiceDef.row(obj(apiServiceDef, 'v1.apps', { spec: {}, status: { conditions: [{ type: 'Available', status: 'True' }] } }), CTX).slice(0, 3)).toEqual(['v1.apps', 'Local', 'True']);
    expect(apiServiceDef.row(obj(apiServiceDef, 'v1beta1.metrics.k8s.io', { spec: { service: { namespace: 'kube-system', name: 'metrics-server' } }, status: { conditions: [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }] } }), CTX).slice(1, 3)).toEqual(['kube-system/metrics-server', 'False (MissingEndpoints)']);
    expect(mutatingWebhookConfigurationDef.row(obj(mutatingWebhookConfigurationDef, 'm', { webhooks: [{}, {}] }), CTX)[1]).toBe(2);
  });
  it('prints events.k8s.io events like core events', () => {
    const e = obj(eventsV1Def, 'e1', { regarding: { kind: 'Pod', name: 'web' }, reason: 'Scheduled', note: 'Successfully assigned', type: 'Normal', eventTime: ago(2 * MIN), reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-cp' });
    expect(eventsV1Def.row(e, CTX)).toEqual(['2m', 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler, default-scheduler-cp', 'Successfully assigned', '2m', 1, 'e1']);
  });
});
