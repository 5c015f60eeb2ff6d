import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, pod, request, thrownMessage } from '../testing/fake-view.ts';
import { nodeRestriction } from './node-restriction.ts';

const kubelet = { name: 'system:node:node01', groups: ['system:nodes', 'system:authenticated'] };
const node = (name: string, extra: Partial<KObject['metadata']> = {}, spec: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `uid-${name}`, ...extra }, spec });
const view = new FakeView([node('node01'), node('node02'), { ...pod('mine', 'dev', { nodeName: 'node01' }) }, { ...pod('theirs', 'dev', { nodeName: 'node02' }) }]);
const run = (op: 'CREATE' | 'UPDATE' | 'DELETE', obj: KObject | undefined, opts: Parameters<typeof request>[2] = {}) =>
  thrownMessage(() => nodeRestriction().validate!(request(op, obj, { user: kubelet, ...opts }), view));

const mirror = (spec: Record<string, unknown> = {}, owner: Record<string, unknown> = {}): KObject => {
  const p = pod('etcd-node01', 'kube-system', { nodeName: 'node01', ...spec });
  p.metadata.annotations = { 'kubernetes.io/config.mirror': 'hash' };
  p.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: 'node01', uid: 'uid-node01', controller: true, ...owner } as never];
  return p;
};

describe('NodeRestriction', () => {
  it('lets a kubelet modify only its own Node, without touching taints or role labels', () => {
    expect(run('UPDATE', node('node02'), { old: node('node02') })).toBe('nodes "node02" is forbidden: node "node01" is not allowed to modify node "node02"');
    expect(run('UPDATE', node('node01', {}, { taints: [] }), { old: node('node01', {}, { taints: [{ key: 'a', effect: 'NoSchedule' }] }) })).toBe('nodes "node01" is forbidden: node "node01" is not allowed to modify taints');
    expect(run('UPDATE', node('node01', { labels: { 'node-role.kubernetes.io/control-plane': '' } }), { old: node('node01') })).toBe(
      'nodes "node01" is forbidden: is not allowed to modify labels: node-role.kubernetes.io/control-plane',
    );
    expect(run('UPDATE', node('node01', { labels: { 'kubernetes.io/hostname': 'node01', team: 'a' } }), { old: node('node01') })).toBe('');
    expect(run('CREATE', node('node01', { labels: { 'node-restriction.kubernetes.io/x': 'y' } }))).toBe(
      'nodes "node01" is forbidden: node "node01" is not allowed to set the following labels: node-restriction.kubernetes.io/x',
    );
  });

  it('lets a kubelet create only its own mirror pods referencing nothing else', () => {
    expect(run('CREATE', mirror())).toBe('');
    expect(run('CREATE', pod('p', 'dev', { nodeName: 'node01' }))).toBe('pods "p" is forbidden: pod does not have "kubernetes.io/config.mirror" annotation, node "node01" can only create mirror pods');
    expect(run('CREATE', mirror({ nodeName: 'node02' }))).toBe('pods "etcd-node01" is forbidden: node "node01" can only create pods with spec.nodeName set to itself');
    expect(run('CREATE', mirror({ volumes: [{ name: 's', secret: { secretName: 'x' } }] }))).toBe('pods "etcd-node01" is forbidden: node "node01" can not create pods that reference secrets');
    expect(run('CREATE', mirror({}, { controller: false }))).toBe('pods "etcd-node01" is forbidden: node "node01" can only create pods with a controller owner reference set to itself');
  });

  it('limits deletes, status updates and evictions to pods bound to the node', () => {
    expect(run('DELETE', undefined, { old: pod('mine', 'dev', { nodeName: 'node01' }) })).toBe('');
    expect(run('DELETE', undefined, { old: pod('theirs', 'dev', { nodeName: 'node02' }) })).toBe('pods "theirs" is forbidden: node "node01" can only delete pods with spec.nodeName set to itself');
    const theirs = pod('theirs', 'dev', { nodeName: 'node02' });
    expect(run('UPDATE', theirs, { old: theirs, subresource: 'status' })).toBe('pods "theirs" is forbidden: node "node01" can only update pod status for pods with spec.nodeName set to itself');
    expect(run('UPDATE', pod('mine', 'dev', { nodeName: 'node01' }), { old: pod('mine', 'dev', { nodeName: 'node01' }) })).toBe(
      'pods "mine" is forbidden: unexpected operation UPDATE, node "node01" can only create and delete mirror pods',
    );
  });

  it('limits leases to its own in kube-node-lease, and ignores other users', () => {
    const lease = (ns: string, name: string): KObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: ns } });
    expect(run('UPDATE', lease('kube-node-lease', 'node01'), { old: lease('kube-node-lease', 'node01') })).toBe('');
    expect(run('UPDATE', lease('kube-node-lease', 'node02'), { old: lease('kube-node-lease', 'node02') })).toBe('leases.coordination.k8s.io "node02" is forbidden: can only access node lease with the same name as the requesting node');
    expect(thrownMessage(() => nodeRestriction().validate!(request('UPDATE', node('node02'), { old: node('node02') }), view))).toBe('');
  });
});
