import { describe, expect, it } from 'vitest';
import { defaultTolerationSeconds } from '../../apiserver/admission/default-toleration-seconds/default-toleration-seconds.ts';
import { rfc3339 } from '../../base/clock.ts';
import { R } from '../../client/refs.ts';
import { controllerTestCluster, eventMessages } from '../testing/cluster.ts';

type Cond = { type: string; status: string; reason?: string; message?: string };

function setup() {
  const t = controllerTestCluster({ admission: [defaultTolerationSeconds()] });
  const node = t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
  const now = rfc3339(t.runtime.now);
  t.admin.updateStatus(R.nodes, { ...node, status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }] } });
  t.start({ controllers: ['node-lifecycle-controller', 'taint-eviction-controller'] });
  t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tolerant' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  t.admin.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'quick' }, spec: { containers: [{ name: 'c', image: 'nginx' }], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] } });
  t.markReady('default', 'tolerant');
  t.markReady('default', 'quick');
  t.settle();
  // The kubelet posts one heartbeat, then falls silent.
  t.runtime.advance(5_000);
  const cur = t.admin.get(R.nodes, undefined, 'node-1');
  const conds = (cur.status as { conditions: Record<string, unknown>[] }).conditions.map((c) => ({ ...c, lastHeartbeatTime: rfc3339(t.runtime.now) }));
  t.admin.updateStatus(R.nodes, { ...cur, status: { ...(cur.status as object), conditions: conds } });
  t.runtime.advance(5_000);
  return t;
}

describe('node lifecycle and taint eviction', () => {
  it('a node without heartbeats goes Unknown after the grace period, gets tainted, and its pods go not Ready', () => {
    const t = setup();
    t.runtime.advance(30_000);
    expect(((t.admin.get(R.nodes, undefined, 'node-1').status as { conditions: Cond[] }).conditions)[0]!.status).toBe('True');
    t.runtime.advance(20_000);
    t.settle();
    const node = t.admin.get(R.nodes, undefined, 'node-1');
    expect((node.status as { conditions: Cond[] }).conditions[0]).toMatchObject({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(((node.spec as { taints: { key: string; effect: string }[] }).taints).map((x) => `${x.key}:${x.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    const ready = (t.admin.get(R.pods, 'default', 'tolerant').status as { conditions: Cond[] }).conditions.find((c) => c.type === 'Ready');
    expect(ready?.status).toBe('False');
    expect(eventMessages(t.events(), 'node-1')).toContain('NodeNotReady: Node node-1 status is now: NodeNotReady');
  });

  it('evicts pods after their tolerationSeconds (300s by default admission)', () => {
    const t = setup();
    t.runtime.advance(50_000);
    t.settle();
    t.runtime.advance(11_000);
    t.settle();
    expect(t.admin.get(R.pods, 'default', 'quick').metadata.deletionTimestamp).toBeDefined();
    expect(t.admin.get(R.pods, 'default', 'tolerant').metadata.deletionTimestamp).toBeUndefined();
    expect(eventMessages(t.events(), 'quick')).toContain('TaintManagerEviction: Marking for deletion Pod default/quick');
    t.runtime.advance(290_000);
    t.settle();
    expect(t.admin.get(R.pods, 'default', 'tolerant').metadata.deletionTimestamp).toBeDefined();
  });

  it('leaves alone a Node object with no kubelet behind it', () => {
    const t = controllerTestCluster();
    const node = t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'static' } });
    t.admin.updateStatus(R.nodes, { ...node, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: rfc3339(t.runtime.now) }] } });
    t.start({ controllers: ['node-lifecycle-controller'] });
    t.runtime.advance(120_000);
    expect(((t.admin.get(R.nodes, undefined, 'static').status as { conditions: Cond[] }).conditions)[0]!.status).toBe('True');
  });

  it('keeps a node whose Lease is renewed', () => {
    const t = setup();
    for (let i = 0; i < 12; i++) {
      const renew = new Date(t.runtime.now).toISOString().replace('Z', '000Z');
      try {
        const l = t.admin.get(R.leases, 'kube-node-lease', 'node-1');
        t.admin.update(R.leases, { ...l, spec: { ...(l.spec as object), renewTime: renew } });
      } catch {
        t.admin.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } });
        t.admin.create(R.leases, 'kube-node-lease', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: renew } });
      }
      t.runtime.advance(10_000);
    }
    expect(((t.admin.get(R.nodes, undefined, 'node-1').status as { conditions: Cond[] }).conditions)[0]!.status).toBe('True');
  });
});

describe('node taints from conditions', () => {
  it('removes the not-ready NoSchedule taint admission put on a node that is Ready', () => {
    const t = controllerTestCluster();
    const node = t.admin.create(R.nodes, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] } });
    t.admin.updateStatus(R.nodes, { ...node, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: rfc3339(t.runtime.now) }] } });
    t.start({ controllers: ['node-lifecycle-controller'] });
    t.settle();
    expect((t.admin.get(R.nodes, undefined, 'n').spec as { taints?: unknown[] }).taints).toBeUndefined();
  });
});
