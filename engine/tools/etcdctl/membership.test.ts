import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decimalId } from '../../controlplane/etcd/wire.ts';
import { runEtcdctl } from './program.ts';
import { etcdHarness } from './testing/harness.ts';

/** The transcript record-membership.sh took from the real etcdctl against a real single-member etcd. */
const blocks = readFileSync(new URL('./testdata/membership-3.4.txt', import.meta.url), 'utf8')
  .split(/^\$ /m)
  .filter((b) => b.trim())
  .map((b) => {
    const [head, rest] = [b.slice(0, b.indexOf('\n')), b.slice(b.indexOf('\n') + 1)];
    const [stdout, tail] = rest.split('[stderr]\n') as [string, string];
    const m = /^([\s\S]*)\[exit (\d+)\]/.exec(tail)!;
    return { args: head.split(' '), stdout, stderr: m[1]!, code: Number(m[2]) };
  });

describe('etcdctl member add|remove|promote against the real one', () => {
  it('prints the same texts and refusals, with the same IDs', async () => {
    // The recorded cluster: member cp1 2e1259d415f2a040 of cluster 48276a8f75b6a87; cp2 was given 7645a8c69627d66.
    const h = etcdHarness({ clusterId: decimalId('48276a8f75b6a87'), memberId: decimalId('2e1259d415f2a040'), name: 'cp1', clientPort: 23790, peerUrl: 'http://127.0.0.1:23800' });
    (h.service.group as unknown as { newId: (urls: string[]) => string }).newId = () => '7645a8c69627d66';
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) {
      const r = await h.run(runEtcdctl, ['etcdctl', '--endpoints=127.0.0.1:23790', ...b.args]);
      const stderr = r.stderr.split('\n').filter((l) => !l.startsWith('{"level"')).join('\n');
      expect({ args: b.args.join(' '), stdout: r.stdout, stderr, code: r.code }).toEqual({ args: b.args.join(' '), stdout: b.stdout, stderr: b.stderr, code: b.code });
    }
  });

  it('removes and promotes members of a healthy group', async () => {
    const h = etcdHarness({ name: 'cp1', clientPort: 2379, peerUrl: 'https://192.168.1.10:2380' });
    const g = h.service.group;
    const learner = g.add(['https://192.168.1.11:2380'], true);
    expect((await h.run(runEtcdctl, ['etcdctl', 'member', 'promote', learner.id])).stderr).toContain('Error: etcdserver: can only promote a learner member which is in sync with leader');
    g.start(learner.id, 'cp2', ['https://192.168.1.11:2379']);
    const promoted = await h.run(runEtcdctl, ['etcdctl', 'member', 'promote', learner.id]);
    expect(promoted.stdout).toBe(`Member ${learner.id.padStart(16)} promoted in cluster ${g.clusterId.padStart(16)}\n`);
    const removed = await h.run(runEtcdctl, ['etcdctl', 'member', 'remove', learner.id]);
    expect(removed.stdout).toBe(`Member ${learner.id.padStart(16)} removed from cluster ${g.clusterId.padStart(16)}\n`);
    expect((await h.run(runEtcdctl, ['etcdctl', 'member', 'remove', 'abc'])).stderr).toContain('Error: etcdserver: member not found');
  });
});
