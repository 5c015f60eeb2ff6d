import { describe, expect, it } from 'vitest';
import { created, obj, updated } from './testing/fixtures.ts';
import { daemonSetDef } from './apps/daemonset.ts';
import { deploymentDef } from './apps/deployment.ts';
import { statefulSetDef } from './apps/statefulset.ts';
import { hpaV2Def } from './autoscaling/horizontalpodautoscaler.ts';
import { cronJobDef } from './batch/cronjob.ts';
import { jobDef } from './batch/job.ts';
import { limitRangeDef } from './core/limitrange.ts';
import { namespaceDef } from './core/namespace.ts';
import { persistentVolumeDef } from './core/persistentvolume.ts';
import { persistentVolumeClaimDef } from './core/persistentvolumeclaim.ts';
import { secretDef } from './core/secret.ts';
import { serviceDef } from './core/service.ts';
import { networkPolicyDef } from './networking/networkpolicy.ts';
import { roleBindingDef } from './rbac/rolebinding.ts';
import { storageClassDef } from './storage/storageclass.ts';

// Facts from pkg/apis/<group>/v1/defaults.go and the registry strategies.
const podTpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

describe('defaulting', () => {
  it('defaults Services', () => {
    const { obj: s, errors } = created(serviceDef, obj(serviceDef, 'web', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }));
    expect(errors).toEqual([]);
    expect(s.spec).toEqual({ selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    expect(s.status).toEqual({ loadBalancer: {} });
    const np = created(serviceDef, obj(serviceDef, 'np', { spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] } })).obj.spec;
    expect(np).toMatchObject({ externalTrafficPolicy: 'Cluster', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    const lb = created(serviceDef, obj(serviceDef, 'lb', { spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } })).obj.spec;
    expect(lb).toMatchObject({ allocateLoadBalancerNodePorts: true });
    const aff = created(serviceDef, obj(serviceDef, 'a', { spec: { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } })).obj.spec;
    expect(aff).toMatchObject({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } });
    const fixed = created(serviceDef, obj(serviceDef, 'k', { spec: { clusterIP: '10.96.0.1', ports: [{ port: 443 }] } })).obj.spec;
    expect(fixed).toMatchObject({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'] });
  });

  it('defaults Deployments and their pod template', () => {
    const { obj: d, errors } = created(deploymentDef, obj(deploymentDef, 'web', { spec: { selector: { matchLabels: { app: 'web' } }, template: podTpl } }));
    expect(errors).toEqual([]);
    expect(d.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } } });
    expect(d.spec).toMatchObject({ template: { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} } } });
    expect((d.spec as { template: { spec: Record<string, unknown> } }).template.spec.enableServiceLinks).toBeUndefined();
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({});
  });

  it('bumps generation only when the spec (or annotations) change', () => {
    const { obj: old } = created(deploymentDef, obj(deploymentDef, 'web', { spec: { selector: { matchLabels: { app: 'web' } }, template: podTpl } }));
    const same = structuredClone(old);
    same.metadata.labels = { tier: 'x' };
    updated(deploymentDef, same, old);
    expect(same.metadata.generation).toBe(1);
    const scaled = structuredClone(old);
    (scaled.spec as { replicas: number }).replicas = 3;
    updated(deploymentDef, scaled, old);
    expect(scaled.metadata.generation).toBe(2);
  });

  it('defaults StatefulSets and DaemonSets', () => {
    const s = created(statefulSetDef, obj(statefulSetDef, 'db', { spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: podTpl, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } }));
    expect(s.errors).toEqual([]);
    expect(s.obj.spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } });
    expect(s.obj.spec).toMatchObject({ volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }] });
    const d = created(daemonSetDef, obj(daemonSetDef, 'agent', { spec: { selector: { matchLabels: { app: 'web' } }, template: podTpl } }));
    expect(d.errors).toEqual([]);
    expect(d.obj.spec).toMatchObject({ revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } });
    expect(d.obj.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
  });

  it('defaults Jobs and generates their selector from the uid', () => {
    const { obj: j, errors } = created(jobDef, obj(jobDef, 'pi', { spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } } } }));
    expect(errors).toEqual([]);
    const uid = j.metadata.uid!;
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed', selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } } });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(j.spec).toMatchObject({ template: { metadata: { labels } } });
    expect(j.metadata.labels).toEqual(labels);
    const par = created(jobDef, obj(jobDef, 'q', { spec: { parallelism: 3, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } })).obj.spec;
    expect(par).toMatchObject({ parallelism: 3 });
    expect((par as Record<string, unknown>).completions).toBeUndefined();
  });

  it('defaults CronJobs', () => {
    const { obj: c, errors } = created(cronJobDef, obj(cronJobDef, 'backup', { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } } } }));
    expect(errors).toEqual([]);
    expect(c.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });

  it('defaults volumes, claims, secrets and storage classes', () => {
    expect(created(persistentVolumeClaimDef, obj(persistentVolumeClaimDef, 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } })).obj).toMatchObject({ spec: { volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } });
    expect(created(persistentVolumeDef, obj(persistentVolumeDef, 'pv1', { spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } })).obj).toMatchObject({ spec: { persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: { type: '' } }, status: { phase: 'Pending' } });
    const s = created(secretDef, obj(secretDef, 's', { stringData: { password: 'héllo' } })).obj;
    expect(s).toMatchObject({ type: 'Opaque', data: { password: 'aMOpbGxv' } });
    expect(s.stringData).toBeUndefined();
    expect(created(storageClassDef, obj(storageClassDef, 'fast', { provisioner: 'kubernetes.io/no-provisioner' })).obj).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it('defaults HPAs, network policies, limit ranges, role bindings and namespaces', () => {
    expect(created(hpaV2Def, obj(hpaV2Def, 'web', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } })).obj.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
        scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    });
    expect(created(networkPolicyDef, obj(networkPolicyDef, 'np', { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } })).obj.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
    expect(created(networkPolicyDef, obj(networkPolicyDef, 'np', { spec: { podSelector: {} } })).obj.spec).toMatchObject({ policyTypes: ['Ingress'] });
    expect(created(limitRangeDef, obj(limitRangeDef, 'lr', { spec: { limits: [{ type: 'Container', max: { cpu: '1' }, default: { memory: '512Mi' }, min: { cpu: '100m' } }] } })).obj.spec).toEqual({
      limits: [{ type: 'Container', max: { cpu: '1' }, min: { cpu: '100m' }, default: { memory: '512Mi', cpu: '1' }, defaultRequest: { memory: '512Mi', cpu: '1' } }],
    });
    expect(created(roleBindingDef, obj(roleBindingDef, 'rb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'default' }] })).obj.subjects).toEqual([
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'sa', namespace: 'default', apiGroup: '' },
    ]);
    const ns = created(namespaceDef, obj(namespaceDef, 'dev')).obj;
    expect(ns).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'dev' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  });
});
