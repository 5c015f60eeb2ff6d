import { describe, expect, it } from 'vitest';
import { MvccStore } from '../../store/mvcc.ts';
import { MembershipError, RaftGroup } from './group.ts';

function group(): { g: RaftGroup; ids: string[] } {
  let n = 0x100;
  const g = new RaftGroup('c1', new MvccStore(), [{ id: 'a1', name: 'cp1', peerUrls: ['https://10.0.0.1:2380'], clientUrls: ['https://10.0.0.1:2379'], isLearner: false, started: true }], () => (n++).toString(16));
  g.start('a1', 'cp1', ['https://10.0.0.1:2379']);
  return { g, ids: ['a1'] };
}

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof MembershipError) return e.message;
    throw e;
  }
  return undefined;
};

describe('a raft group', () => {
  it('keeps a quorum of its voting members and elects the running one with the lowest ID', () => {
    const { g } = group();
    expect([g.hasQuorum(), g.leaderId(), g.term]).toEqual([true, 'a1', 2]);
    const m2 = g.add(['https://10.0.0.2:2380'], false);
    // Two voters, one running: no quorum until the new member starts (why kubeadm adds learners first).
    expect([g.hasQuorum(), g.leaderId()]).toEqual([false, undefined]);
    g.start(m2.id, 'cp2', []);
    const m3 = g.add(['https://10.0.0.3:2380'], true);
    g.start(m3.id, 'cp3', []);
    g.promote(m3.id);
    expect(g.hasQuorum()).toBe(true);
    g.stop('a1');
    // Two of three still run: a new leader in a new term.
    expect([g.hasQuorum(), g.leaderId(), g.term]).toEqual([true, m2.id, 3]);
    g.stop(m2.id);
    expect([g.hasQuorum(), g.leaderId()]).toEqual([false, undefined]);
  });

  it('refuses membership changes the way etcd --strict-reconfig-check does', () => {
    const { g } = group();
    const m2 = g.add(['https://10.0.0.2:2380'], false);
    expect(refused(() => g.add(['https://10.0.0.3:2380'], false))).toBe('etcdserver: re-configuration failed due to not enough started members');
    expect(refused(() => g.add(['https://10.0.0.3:2380'], true))).toBe('etcdserver: unhealthy cluster');
    g.start(m2.id, 'cp2', []);
    expect(refused(() => g.add(['https://10.0.0.2:2380'], true))).toBe('etcdserver: Peer URLs already exists');
    expect(refused(() => g.remove('ffff'))).toBe('etcdserver: member not found');
    expect(refused(() => g.promote('a1'))).toBe('etcdserver: can only promote a learner member');
    g.remove(m2.id);
    expect(g.members.map((m) => m.id)).toEqual(['a1']);
  });

  it('tells its members when the membership changes', () => {
    const { g } = group();
    let calls = 0;
    const off = g.onMembershipChange(() => calls++);
    const m = g.add(['https://10.0.0.2:2380'], true);
    g.start(m.id, 'cp2', []);
    off();
    g.promote(m.id);
    expect(calls).toBe(2);
  });
});
