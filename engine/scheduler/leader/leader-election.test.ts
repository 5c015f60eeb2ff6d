import { describe, expect, it } from 'vitest';
import { ApiClient, ConnectionError } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { schedulerTestCluster } from '../testing/cluster.ts';
import { leaseRenewAge } from './leader-election.ts';

function lease(t: ReturnType<typeof schedulerTestCluster>) {
  return t.admin.get(R.leases, 'kube-system', 'kube-scheduler');
}

describe('leader election', () => {
  it('creates the kube-scheduler Lease and renews it every 2 seconds', () => {
    const t = schedulerTestCluster();
    const s = t.start(undefined, { leaderElect: true, hostname: 'controlplane' });
    expect(s.isLeader()).toBe(true);
    const l = lease(t);
    expect(l.spec).toMatchObject({ leaseDurationSeconds: 15, leaseTransitions: 0 });
    expect((l.spec as { holderIdentity: string }).holderIdentity).toMatch(/^controlplane_[0-9a-f-]{36}$/);
    expect((l.spec as { renewTime: string }).renewTime).toBe('2026-01-05T09:00:00.000000Z');
    t.advance(7000);
    expect(leaseRenewAge(lease(t), t.runtime.now)).toBeLessThanOrEqual(2000);
    expect((lease(t).spec as { acquireTime: string }).acquireTime).toBe('2026-01-05T09:00:00.000000Z');
  });

  it('lets a second instance take over only after the lease expires', () => {
    const t = schedulerTestCluster();
    t.node('node01');
    const first = t.start(undefined, { leaderElect: true, hostname: 'cp1' });
    const second = t.start(undefined, { leaderElect: true, hostname: 'cp2' });
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);
    first.stop();
    t.pod('p');
    t.advance(10_000);
    expect(second.isLeader()).toBe(false);
    expect(t.nodeOf('p')).toBeUndefined();
    t.advance(10_000);
    expect(second.isLeader()).toBe(true);
    expect(t.nodeOf('p')).toBe('node01');
    expect((lease(t).spec as { holderIdentity: string; leaseTransitions: number }).holderIdentity.startsWith('cp2_')).toBe(true);
    expect((lease(t).spec as { leaseTransitions: number }).leaseTransitions).toBe(1);
  });

  it('stops leading when it cannot renew for renewDeadline', () => {
    const t = schedulerTestCluster();
    let down = false;
    const client = new ApiClient(() => {
      if (down) throw new ConnectionError('dial tcp 192.168.1.10:6443: connect: connection refused', 'refused');
      return t.server;
    }, { token: 'admin' }).withHeaders({ 'impersonate-user': 'system:kube-scheduler' });
    let lost = 0;
    const s = t.start(undefined, { leaderElect: true, client, onLeadershipLost: () => lost++ });
    expect(s.isLeader()).toBe(true);
    down = true;
    t.advance(8000);
    expect([s.isLeader(), lost]).toEqual([true, 0]);
    t.advance(4000);
    expect([s.isLeader(), lost]).toEqual([false, 1]);
  });
});
