import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../api/types.ts';
import { threeWayPatch } from './three-way.ts';

const deployment = (replicas: number): KObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    spec: {
      replicas,
      template: {
        spec: {
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.1',
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
            },
          ],
        },
      },
    },
  }) as unknown as KObject;

describe('the three-way patch of client-side apply', () => {
  it('pairs repeated merge keys in order (two ports 53), so an unchanged list is not patched', () => {
    expect(threeWayPatch(deployment(2), deployment(3), true)).toEqual({ spec: { replicas: 3 } });
  });

  it('patches the second of two items with the same merge key', () => {
    const desired = deployment(2);
    (desired.spec as { template: { spec: { containers: { ports: { name: string }[] }[] } } }).template.spec.containers[0]!.ports[1]!.name = 'dns-tcp2';
    const patch = threeWayPatch(deployment(2), desired, true) as { spec: { template: { spec: { containers: { ports: unknown[] }[] } } } };
    expect(patch.spec.template.spec.containers[0]!.ports).toEqual([{ containerPort: 53, name: 'dns-tcp2' }]);
  });
});
