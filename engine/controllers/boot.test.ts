import { describe, expect, it } from 'vitest';
import { bootLab } from '../cluster/boot/boot-lab.ts';
import { R } from '../client/refs.ts';

describe('kube-controller-manager at boot', () => {
  it('runs with per-controller service-account identities that RBAC allows, and the kubernetes service', () => {
    const lab = bootLab();
    const c = lab.clusters[0]!;
    expect(c.components.map((x) => x.name)).toContain('kube-controller-manager');
    lab.world.runtime.advance(1000);
    expect((c.admin.get(R.services, 'default', 'kubernetes').spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    expect(c.admin.get(R.serviceaccounts, 'kube-system', 'default').metadata.name).toBe('default');
    expect((c.admin.get(R.configmaps, 'default', 'kube-root-ca.crt').data as Record<string, string>)['ca.crt']).toBe(c.pki!.cas['ca']!.certPem);
    c.admin.create(R.replicasets, 'default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    lab.world.runtime.advance(1000);
    const pods = c.admin.list(R.pods, 'default').items;
    expect(pods).toHaveLength(2);
    expect(pods[0]!.metadata.name).toMatch(/^web-/);
    // The node lifecycle controller lifted the not-ready taint admission put on the Ready nodes, so they schedule.
    expect(pods.every((p) => !!(p.spec as { nodeName?: string }).nodeName)).toBe(true);
  });
});
