import { describe, expect, it } from 'vitest';
import { Discovery } from './discovery.ts';
import type { ApiAccess } from './target.ts';

/** An API whose gateway.networking.k8s.io group prefers v1 and serves ReferenceGrant only in v1beta1. */
function gatewayApi(): ApiAccess {
  const bodies: Record<string, unknown> = {
    '/api/v1': { resources: [{ name: 'pods', kind: 'Pod', namespaced: true, singularName: 'pod', shortNames: ['po'] }] },
    '/apis': {
      groups: [{
        name: 'gateway.networking.k8s.io',
        versions: [{ groupVersion: 'gateway.networking.k8s.io/v1', version: 'v1' }, { groupVersion: 'gateway.networking.k8s.io/v1beta1', version: 'v1beta1' }],
        preferredVersion: { groupVersion: 'gateway.networking.k8s.io/v1', version: 'v1' },
      }],
    },
    '/apis/gateway.networking.k8s.io/v1': { resources: [{ name: 'gateways', kind: 'Gateway', namespaced: true, singularName: 'gateway', shortNames: ['gtw'] }, { name: 'gateways/status', kind: 'Gateway', namespaced: true }] },
    '/apis/gateway.networking.k8s.io/v1beta1': {
      resources: [{ name: 'gateways', kind: 'Gateway', namespaced: true, singularName: 'gateway' }, { name: 'referencegrants', kind: 'ReferenceGrant', namespaced: true, singularName: 'referencegrant', shortNames: ['refgrant'] }],
    },
  };
  return { request: async (req) => (req.path in bodies ? { status: 200, body: bodies[req.path] } : { status: 404, body: {} }) };
}

describe('grader discovery', () => {
  it('resolves kinds of the preferred version first and kinds served only in another version', async () => {
    const d = new Discovery(gatewayApi());
    expect(await d.resolve('Gateway')).toEqual({ group: 'gateway.networking.k8s.io', version: 'v1', plural: 'gateways', kind: 'Gateway', namespaced: true });
    expect(await d.resolve('gtw')).toMatchObject({ version: 'v1', plural: 'gateways' });
    expect(await d.resolve('ReferenceGrant')).toMatchObject({ version: 'v1beta1', plural: 'referencegrants' });
    expect(await d.resolve('refgrant')).toMatchObject({ kind: 'ReferenceGrant' });
    expect(await d.resolve('Widget')).toBeUndefined();
  });
});
