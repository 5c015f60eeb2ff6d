import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../../base/errors.ts';
import { clusterHarness } from '../testing.ts';
import { goDuration } from './duration.ts';

const flush = () => new Promise((r) => setImmediate(r));

function cluster() {
  const k = clusterHarness();
  k.create('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01' } });
  k.create('/apis/apps/v1/namespaces/default/daemonsets', {
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } },
  });
  k.pod('agent-x', { node: 'node01', phase: 'Running', owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent' } });
  k.pod('web-1', { node: 'node01', phase: 'Running', owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-6d4cf56db6' } });
  k.pod('bare', { node: 'node01', phase: 'Running' });
  return k;
}

describe('kubectl drain', () => {
  it('cordons, then lists the pods that block the drain', async () => {
    const k = cluster();
    const r = await k.run(['drain', 'node01']);
    const why = '[cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x, cannot delete Pods declare no controller (use --force to override): default/bare]';
    expect(r).toEqual({
      stdout: 'node/node01 cordoned\n',
      stderr: `error: unable to drain node "node01" due to error: ${why}, continuing command...\nThere are pending nodes to be drained:\n node01\n${why}\n`,
      code: 1,
    });
    expect(k.get('/api/v1/namespaces/default/pods/web-1')).toBeDefined();
  });

  it('evicts what may go, warning about what it ignores', async () => {
    const k = cluster();
    const r = await k.run(['drain', 'node01', '--ignore-daemonsets', '--force', '--grace-period=0']);
    expect(r.stderr).toBe('Warning: ignoring DaemonSet-managed Pods: default/agent-x; deleting Pods that declare no controller: default/bare\n');
    expect(r.stdout).toBe('node/node01 cordoned\nevicting pod default/bare\nevicting pod default/web-1\npod/bare evicted\npod/web-1 evicted\nnode/node01 drained\n');
    expect(r.code).toBe(0);
    expect(k.get('/api/v1/namespaces/default/pods/web-1')).toBeUndefined();
    expect(k.get('/api/v1/namespaces/default/pods/agent-x')).toBeDefined();
  });

  it('retries evictions a disruption budget refuses, every 5 seconds', async () => {
    const k = cluster();
    let blocked = true;
    k.server.ctx.connectors['pods/eviction-check'] = (_ctx, s) => {
      if (blocked && s.info.name === 'web-1') throw new StatusError({ code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." });
      return { status: 200, body: {} };
    };
    const p = k.run(['drain', 'node01', '--ignore-daemonsets', '--force', '--grace-period=0', '--pod-selector=!nothing']);
    for (let i = 0; i < 6; i++) {
      await flush();
      k.runtime.advance(1000);
    }
    blocked = false;
    for (let i = 0; i < 6; i++) {
      await flush();
      k.runtime.advance(1000);
    }
    const r = await p;
    const retry = `error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    expect(r.stderr).toBe(`Warning: ignoring DaemonSet-managed Pods: default/agent-x; deleting Pods that declare no controller: default/bare\n${retry}${retry}`);
    expect(r.stdout.split('\n').filter((l) => l === 'evicting pod default/web-1')).toHaveLength(3);
    expect(r.stdout).toContain('pod/web-1 evicted\n');
    expect(r.stdout.endsWith('node/node01 drained\n')).toBe(true);
    expect(r.code).toBe(0);
  });

  it('gives up at --timeout', async () => {
    const k = cluster();
    k.server.ctx.connectors['pods/eviction-check'] = () => {
      throw new StatusError({ code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." });
    };
    const p = k.run(['drain', 'node01', '--ignore-daemonsets', '--force', '--timeout=12s']);
    for (let i = 0; i < 20; i++) {
      await flush();
      k.runtime.advance(1000);
    }
    const r = await p;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error when evicting pods/"web-1" -n "default": global timeout reached: 12s');
    expect(r.stderr).toContain('There are pending nodes to be drained:\n node01\n');
  });

  it('prints durations as Go does', () => {
    expect([goDuration(5000), goDuration(60_000), goDuration(90_000), goDuration(3_600_000), goDuration(500)]).toEqual(['5s', '1m0s', '1m30s', '1h0m0s', '500ms']);
  });
});
