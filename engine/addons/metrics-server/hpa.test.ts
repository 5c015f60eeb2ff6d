import { describe, expect, it } from 'vitest';
import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { DEFAULT_LAB, parseLabDefinition } from '../../cluster/lab-definition.ts';
import { R } from '../../client/refs.ts';
import { advance } from '../../node/testing/advance.ts';
import { TestTerminal, type TestLab } from '../../shell/testing/lab.ts';

function cpuHog(name: string) {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'load', image: 'polinux/stress', command: ['stress'], args: ['--cpu', '1'], resources: { requests: { cpu: '100m' }, limits: { cpu: '200m' } } }] } },
    },
  };
}

const hpa = (name: string) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
});

function terminal(lab: ReturnType<typeof bootLab>): TestLab {
  const w = lab.world;
  return { runtime: w.runtime, hosts: w.hosts, world: { runtime: w.runtime, net: w.net, editor: w.editor, host: (n) => w.host(n), machines: () => w.machines() }, host: (n) => w.mustHost(n) };
}

describe('metrics-server with the HPA and kubectl top', () => {
  it('scales a Deployment on simulated CPU load, and kubectl top shows it', async () => {
    const lab = bootLab();
    const c = lab.clusters[0]!;
    c.admin.create(R.deployments, 'default', cpuHog('hog'));
    c.admin.create(R.horizontalpodautoscalers, 'default', hpa('hog'));
    await advance(lab.world.runtime, 90_000);
    // 200m used of 100m requested is 200% against a 50% target: 1 → 4 replicas, then on to the maximum
    const replicas = (c.admin.get(R.deployments, 'default', 'hog').spec as { replicas: number }).replicas;
    expect(replicas).toBe(5);
    const events = c.admin.list(R.events, 'default').items.map((e) => (e as { message?: string }).message ?? '');
    expect(events).toContain('New size: 4; reason: cpu resource utilization (percentage of request) above target');
    const status = c.admin.get(R.horizontalpodautoscalers, 'default', 'hog').status as { currentMetrics?: { resource: { current: { averageUtilization: number } } }[] };
    expect(status.currentMetrics?.[0]?.resource.current.averageUtilization).toBe(200);
    const term = await TestTerminal.open(terminal(lab), { host: 'controlplane', user: 'candidate' });
    const top = await term.run('kubectl top pods --no-headers');
    const rows = top.stdout.trim().split('\n');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const r of rows) expect(r).toMatch(/^hog-[a-z0-9]+-[a-z0-9]{5}\s+200m\s+\d+Mi *$/);
    const nodes = await term.run('kubectl top nodes');
    const lines = nodes.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\) *$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['controlplane', 'node01', 'node02']);
    const containers = await term.run('kubectl top pod -n kube-system --containers -l k8s-app=metrics-server');
    expect(containers.stdout).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\) *\nmetrics-server-[a-z0-9]+-[a-z0-9]{5}\s+metrics-server\s+\d+m\s+\d+Mi *\n$/);
  });

  it('without the add-on: kubectl top fails and the HPA cannot read metrics', async () => {
    const lab = bootLab({ def: parseLabDefinition(DEFAULT_LAB.replace('    - name: metrics-server\n', '')) });
    const c = lab.clusters[0]!;
    c.admin.create(R.deployments, 'default', cpuHog('hog'));
    c.admin.create(R.horizontalpodautoscalers, 'default', hpa('hog'));
    await advance(lab.world.runtime, 40_000);
    expect((c.admin.get(R.deployments, 'default', 'hog').spec as { replicas: number }).replicas).toBe(1);
    const term = await TestTerminal.open(terminal(lab), { host: 'controlplane', user: 'candidate' });
    const top = await term.run('kubectl top nodes');
    expect({ out: top.stdout, err: top.stderr, code: top.code }).toEqual({ out: '', err: 'error: Metrics API not available\n', code: 1 });
  });
});
