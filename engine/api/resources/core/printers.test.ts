import { describe, expect, it } from 'vitest';
import { CTX, ago, DAY, HOUR, MIN, SEC, obj } from '../testing/fixtures.ts';
import { configMapDef } from './configmap.ts';
import { endpointsDef } from './endpoints.ts';
import { eventDef } from './event.ts';
import { namespaceDef } from './namespace.ts';
import { nodeDef } from './node.ts';
import { persistentVolumeDef } from './persistentvolume.ts';
import { persistentVolumeClaimDef } from './persistentvolumeclaim.ts';
import { replicationControllerDef } from './replicationcontroller.ts';
import { resourceQuotaDef } from './resourcequota.ts';
import { secretDef } from './secret.ts';
import { serviceAccountDef } from './serviceaccount.ts';
import { serviceDef } from './service.ts';
import { componentStatusDef } from './componentstatus.ts';

// Facts from printers_test.go: the input objects and the cells the server-side printer builds.

describe('printNamespace / printSecret / printServiceAccount / printConfigMap', () => {
  it('prints namespaces', () => {
    expect(namespaceDef.row(obj(namespaceDef, 'namespace1', { status: { phase: 'FooStatus' } }, { creationTimestamp: ago(0) }), CTX)).toEqual(['namespace1', 'FooStatus', '0s']);
    expect(namespaceDef.row(obj(namespaceDef, 'namespace2'), CTX)).toEqual(['namespace2', '', '<unknown>']);
  });
  it('prints secrets', () => {
    const s = obj(secretDef, 'secret1', { type: 'kubernetes.io/service-account-token', data: { token: 'c2VjcmV0IGRhdGE=' } }, { creationTimestamp: ago(0) });
    expect(secretDef.row(s, CTX)).toEqual(['secret1', 'kubernetes.io/service-account-token', 1, '0s']);
    expect(secretDef.row({ ...s, data: undefined }, CTX)).toEqual(['secret1', 'kubernetes.io/service-account-token', 0, '0s']);
  });
  it('prints service accounts and config maps', () => {
    expect(serviceAccountDef.row(obj(serviceAccountDef, 'sa1', { secrets: [] }, { creationTimestamp: ago(0) }), CTX)).toEqual(['sa1', 0, '0s']);
    expect(serviceAccountDef.row(obj(serviceAccountDef, 'sa2', { secrets: [{ name: 'a' }, { name: 'b' }] }, { creationTimestamp: ago(0) }), CTX)).toEqual(['sa2', 2, '0s']);
    expect(configMapDef.row(obj(configMapDef, 'cm', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, { creationTimestamp: ago(10 * SEC) }), CTX)).toEqual(['cm', 3, '10s']);
  });
});

describe('printEvent', () => {
  const ev = (fields: Record<string, unknown>) => obj(eventDef, String(fields.name ?? 'event1'), fields);
  it('prints a basic event (wide cells included)', () => {
    const e = ev({ source: { component: 'kubelet', host: 'Node1' }, involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' }, reason: 'Event Reason', message: 'Message Data', firstTimestamp: ago(3 * DAY), lastTimestamp: ago(2 * DAY), count: 6, type: 'Warning', name: 'event2' });
    expect(eventDef.row(e, CTX)).toEqual(['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 6, 'event2']);
  });
  it('falls back to eventTime, series and reporting fields', () => {
    const base = { involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' }, reason: 'Event Reason', message: 'Message Data', type: 'Warning' };
    expect(eventDef.row(ev({ ...base, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * DAY), lastTimestamp: ago(3 * DAY), count: 1, name: 'event3' }), CTX)).toEqual(['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event3']);
    expect(eventDef.row(ev({ ...base, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * DAY), series: { count: 2, lastObservedTime: ago(2 * DAY) }, name: 'event6' }), CTX)).toEqual(['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 2, 'event6']);
    expect(eventDef.row(ev({ ...base, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(3 * DAY), name: 'event7' }), CTX)[8]).toBe(1);
    expect(eventDef.row(ev({ ...base, reportingComponent: 'kubelet', reportingInstance: 'test', firstTimestamp: ago(3 * DAY), lastTimestamp: ago(2 * DAY), count: 6 }), CTX)[5]).toBe('kubelet, test');
  });
  it('lowercases the kind and trims the message', () => {
    expect(eventDef.row(ev({ involvedObject: { kind: 'Pod', name: 'web-1' }, message: '  Pulled  \n', lastTimestamp: ago(5 * MIN), type: 'Normal', reason: 'Pulled' }), CTX).slice(0, 4)).toEqual(['5m', 'Normal', 'Pulled', 'pod/web-1']);
    expect(eventDef.row(ev({ involvedObject: { kind: 'Node' } }), CTX)[3]).toBe('node');
  });
  it('answers the event field selectors', () => {
    expect(eventDef.fields!(ev({ involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Failed', type: 'Warning', source: { component: 'kubelet' } }))).toMatchObject({ 'involvedObject.kind': 'Pod', 'involvedObject.name': 'web', reason: 'Failed', type: 'Warning', source: 'kubelet' });
  });
});

describe('printNode', () => {
  const node = (spec: Record<string, unknown>, status: Record<string, unknown>, labels?: Record<string, string>) => obj(nodeDef, 'foo1', { spec, status }, { labels, creationTimestamp: ago(12 * DAY) });
  it('prints status, roles and version', () => {
    expect(nodeDef.row(node({}, { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.34.1' } }, { 'node-role.kubernetes.io/control-plane': '' }), CTX).slice(0, 5)).toEqual(['foo1', 'Ready', 'control-plane', '12d', 'v1.34.1']);
    expect(nodeDef.row(node({ unschedulable: true }, { conditions: [{ type: 'Ready', status: 'True' }] }), CTX)[1]).toBe('Ready,SchedulingDisabled');
    expect(nodeDef.row(node({ unschedulable: true }, { conditions: [{ type: 'Ready', status: 'False' }] }), CTX)[1]).toBe('NotReady,SchedulingDisabled');
    expect(nodeDef.row(node({}, {}), CTX)[1]).toBe('Unknown');
    expect(nodeDef.row(node({}, {}, { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'node', 'node-role.kubernetes.io/': '' }), CTX)[2]).toBe('node,worker');
    expect(nodeDef.row(node({}, {}), CTX)[2]).toBe('<none>');
  });
  it('prints the wide cells', () => {
    const n = node({}, { addresses: [{ type: 'InternalIP', address: '192.168.1.2' }, { type: 'ExternalIP', address: '1.1.1.1' }], nodeInfo: { osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-45-generic', containerRuntimeVersion: 'containerd://1.7.22' } });
    expect(nodeDef.row(n, CTX).slice(5)).toEqual(['192.168.1.2', '1.1.1.1', 'Ubuntu 24.04.1 LTS', '6.8.0-45-generic', 'containerd://1.7.22']);
    expect(nodeDef.row(node({}, {}), CTX).slice(5)).toEqual(['<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
  it('selects on spec.unschedulable', () => {
    expect(nodeDef.fields!(node({ unschedulable: true }, {}))['spec.unschedulable']).toBe('true');
  });
});

describe('printService', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => obj(serviceDef, 'test1', { spec, status }, { creationTimestamp: ago(HOUR) });
  it('prints ClusterIP and NodePort services', () => {
    expect(serviceDef.row(svc({ type: 'ClusterIP', ports: [{ protocol: 'TCP', port: 2233 }], clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }), CTX)).toEqual(['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/TCP', '60m', 'foo=bar']);
    expect(serviceDef.row(svc({ type: 'NodePort', ports: [{ protocol: 'TCP', port: 8888, nodePort: 9999 }], clusterIPs: ['10.9.8.7'] }), CTX).slice(1, 5)).toEqual(['NodePort', '10.9.8.7', '<none>', '8888:9999/TCP']);
  });
  it('prints LoadBalancer addresses, pending and external IPs', () => {
    expect(serviceDef.row(svc({ type: 'LoadBalancer', ports: [{ protocol: 'TCP', port: 80, nodePort: 30080 }], clusterIPs: ['10.9.8.7'] }), CTX)[3]).toBe('<pending>');
    expect(serviceDef.row(svc({ type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], externalIPs: ['2.3.4.5'] }, { loadBalancer: { ingress: [{ ip: '3.4.5.6' }, { ip: '1.2.3.4' }, { hostname: 'example.com' }] } }), CTX)[3]).toBe('1.2.3.4,3.4.5.6,example.com,2.3.4.5');
  });
  it('prints ExternalName and services without ports', () => {
    expect(serviceDef.row(svc({ type: 'ExternalName', externalName: 'my.database.example.com' }), CTX).slice(1, 5)).toEqual(['ExternalName', '<none>', 'my.database.example.com', '<none>']);
    expect(serviceDef.row(svc({ type: 'ClusterIP', clusterIPs: ['None'] }), CTX)[2]).toBe('None');
    expect(serviceDef.row(svc({ type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }), CTX)[4]).toBe('80/TCP,443/TCP');
  });
});

describe('printPersistentVolume(Claim)', () => {
  it('prints a bound volume', () => {
    const pv = obj(persistentVolumeDef, 'test1', { spec: { claimRef: { name: 'test', namespace: 'default' }, accessModes: ['ReadOnlyMany', 'ReadWriteOnce'], capacity: { storage: '4Gi' }, persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'manual', volumeMode: 'Filesystem' }, status: { phase: 'Bound' } }, { creationTimestamp: ago(DAY) });
    expect(persistentVolumeDef.row(pv, CTX)).toEqual(['test1', '4Gi', 'RWO,ROX', 'Retain', 'Bound', 'default/test', 'manual', '<unset>', '', '24h', 'Filesystem']);
    expect(persistentVolumeDef.row({ ...pv, metadata: { ...pv.metadata, deletionTimestamp: ago(0) } }, CTX)[4]).toBe('Terminating');
  });
  it('prints claims, with capacity and modes only once bound', () => {
    const pvc = obj(persistentVolumeClaimDef, 'test1', { spec: { volumeName: 'my-volume', storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '4Gi' } } }, { creationTimestamp: ago(5 * MIN) });
    expect(persistentVolumeClaimDef.row(pvc, CTX)).toEqual(['test1', 'Bound', 'my-volume', '4Gi', 'RWO', 'standard', '<unset>', '5m', '<unset>']);
    const pending = obj(persistentVolumeClaimDef, 'test2', { spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } });
    expect(persistentVolumeClaimDef.row(pending, CTX).slice(1, 6)).toEqual(['Pending', '', '', '', '']);
  });
});

describe('other core printers', () => {
  it('prints endpoints with at most three addresses', () => {
    const ep = obj(endpointsDef, 'e', { subsets: [{ addresses: [{ ip: '1.1.1.1' }, { ip: '2.2.2.2' }], ports: [{ port: 80 }, { port: 8080 }] }] });
    expect(endpointsDef.row(ep, CTX)[1]).toBe('1.1.1.1:80,2.2.2.2:80,1.1.1.1:8080 + 1 more...');
    expect(endpointsDef.row(obj(endpointsDef, 'e'), CTX)[1]).toBe('<none>');
    expect(endpointsDef.row(obj(endpointsDef, 'e', { subsets: [{ addresses: [{ ip: '::1' }], ports: [{ port: 80 }] }] }), CTX)[1]).toBe('[::1]:80');
  });
  it('prints quota requests and limits', () => {
    const rq = obj(resourceQuotaDef, 'q', { status: { hard: { cpu: '1', 'limits.memory': '2Gi', pods: '10', 'requests.memory': '1Gi' }, used: { cpu: '500m', pods: '3' } } }, { creationTimestamp: ago(2 * HOUR) });
    expect(resourceQuotaDef.row(rq, CTX)).toEqual(['q', 'cpu: 500m/1, pods: 3/10, requests.memory: 0/1Gi', 'limits.memory: 0/2Gi', '120m']);
  });
  it('prints replication controllers', () => {
    const rc = obj(replicationControllerDef, 'rc', { spec: { replicas: 3, selector: { app: 'web' }, template: { spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] } } }, status: { replicas: 2, readyReplicas: 1 } });
    expect(replicationControllerDef.row(rc, CTX)).toEqual(['rc', 3, 2, 1, '<unknown>', 'a,b', 'nginx,busybox', 'app=web']);
  });
  it('prints component statuses', () => {
    const cs = obj(componentStatusDef, 'etcd-0', { conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] });
    expect(componentStatusDef.row(cs, CTX)).toEqual(['etcd-0', 'Healthy', 'ok', '']);
    expect(componentStatusDef.row(obj(componentStatusDef, 'x'), CTX)).toEqual(['x', 'Unknown', '', '']);
  });
});
