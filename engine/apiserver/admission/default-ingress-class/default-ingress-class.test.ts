import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { FakeView, request } from '../testing/fake-view.ts';
import { defaultIngressClass } from './default-ingress-class.ts';

const ic = (name: string, isDefault: boolean): KObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  spec: { controller: 'k8s.io/ingress-nginx' },
});
const ing = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'dev', ...(annotations ? { annotations } : {}) }, spec });

function admit(o: KObject, view: FakeView): unknown {
  const req = request('CREATE', o);
  defaultIngressClass().admit!(req, view);
  return (req.object!.spec as Record<string, unknown>).ingressClassName;
}

describe('DefaultIngressClass', () => {
  const view = new FakeView([ic('traefik', false), ic('nginx', true)]);
  it('sets the default class', () => expect(admit(ing(), view)).toBe('nginx'));
  it('keeps an explicit class or the legacy annotation', () => {
    expect(admit(ing({ ingressClassName: 'traefik' }), view)).toBe('traefik');
    expect(admit(ing({}, { 'kubernetes.io/ingress.class': 'traefik' }), view)).toBeUndefined();
  });
});
