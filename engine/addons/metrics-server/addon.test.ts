import { describe, expect, it } from 'vitest';
import { bootLab } from '../../cluster/boot/boot-lab.ts';
import { DEFAULT_LAB, parseLabDefinition } from '../../cluster/lab-definition.ts';
import { refOf } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import { POD_METRICS } from './api-source.ts';
import { advance } from '../../node/testing/advance.ts';

const NODE_METRICS = refOf('metrics.k8s.io/v1beta1', 'nodes', false);

function pod(name: string, container: Record<string, unknown>) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'c', ...container }] } };
}

describe('metrics-server add-on', () => {
  it('serves NodeMetrics and PodMetrics from what runs, stable over time, with stress load', async () => {
    const lab = bootLab();
    const c = lab.clusters[0]!;
    expect(c.components.map((x) => x.name)).toContain('metrics-server');
    c.admin.create(R.pods, 'default', pod('idle', { image: 'nginx' }));
    c.admin.create(R.pods, 'default', pod('hog', { image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--cpu', '2'], resources: { limits: { cpu: '500m', memory: '200Mi' } } }));
    await advance(lab.world.runtime, 60_000);
    const list = c.admin.list(POD_METRICS, 'default').items as unknown as { metadata: { name: string }; containers: { usage: { cpu: string; memory: string } }[] }[];
    const by = new Map(list.map((m) => [m.metadata.name, m.containers[0]!.usage]));
    expect([...by.keys()].sort()).toEqual(['hog', 'idle']);
    // stress's two CPU workers are throttled at the 500m limit and hold 150Mi plus the baseline
    expect(by.get('hog')!.cpu).toBe('500000000n');
    const hogMem = parseInt(by.get('hog')!.memory, 10) * 1024;
    expect(hogMem).toBeGreaterThan(150 * 1024 * 1024);
    expect(hogMem).toBeLessThanOrEqual(200 * 1024 * 1024);
    const idleCpu = parseInt(by.get('idle')!.cpu, 10) / 1e6;
    expect(idleCpu).toBeGreaterThanOrEqual(1);
    expect(idleCpu).toBeLessThan(5);
    await advance(lab.world.runtime, 45_000);
    const again = c.admin.get(POD_METRICS, 'default', 'idle') as unknown as { containers: { usage: unknown }[] };
    expect(again.containers[0]!.usage).toEqual(by.get('idle'));
    const nodes = c.admin.list(NODE_METRICS).items.map((n) => n.metadata.name).sort();
    expect(nodes).toEqual(['controlplane', 'node01', 'node02']);
    expect(() => c.admin.get(POD_METRICS, 'default', 'nope')).toThrow('podmetrics.metrics.k8s.io "default/nope" not found');
    const svc = c.admin.get(refOf('apiregistration.k8s.io/v1', 'apiservices', false), undefined, 'v1beta1.metrics.k8s.io');
    expect((svc.spec as { service: { name: string } }).service.name).toBe('metrics-server');
    expect((svc.status as { conditions: { type: string; status: string }[] }).conditions.map((x) => `${x.type}=${x.status}`)).toEqual(['Available=True']);
    const ms = c.admin.list(R.pods, 'kube-system', { labelSelector: 'k8s-app=metrics-server' }).items;
    expect(ms).toHaveLength(1);
    expect((ms[0]!.status as { phase: string }).phase).toBe('Running');
  });

  it('is absent when the lab definition does not list it', () => {
    const lab = bootLab({ def: parseLabDefinition(DEFAULT_LAB.replace('    - name: metrics-server\n', '')) });
    const c = lab.clusters[0]!;
    lab.world.runtime.advance(20_000);
    expect(c.components.map((x) => x.name)).not.toContain('metrics-server');
    expect(() => c.admin.list(POD_METRICS, 'default')).toThrow('the server could not find the requested resource');
  });
});
