import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../base/deep.ts';
import { decodeTyped, rememberDecoded } from './decode.ts';

describe('decodeTyped', () => {
  it('returns a copy that shares nothing with the input, free-form values included', () => {
    const input = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x.example.com', labels: { a: 'b' } },
      spec: { group: 'example.com', names: { plural: 'x', kind: 'X' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', default: { nested: { deep: [1] } } } } }] },
    };
    const before = JSON.stringify(input);
    const { value, unknown, error } = decodeTyped('apiextensions/v1.CustomResourceDefinition', input);
    expect(error).toBeUndefined();
    expect(unknown).toEqual([]);
    expect(value).toEqual(input);
    const schema = (value.spec as { versions: { schema: { openAPIV3Schema: { default: { nested: { deep: number[] } } } } }[] }).versions[0]!.schema.openAPIV3Schema;
    schema.default.nested.deep.push(2);
    (value.metadata as { labels: Record<string, string> }).labels.c = 'd';
    expect(JSON.stringify(input)).toBe(before);
  });

  it('treats undefined fields as absent and reports fields named like Object methods as unknown', () => {
    const { value, unknown } = decodeTyped('core/v1.ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: undefined as unknown as string } }, data: undefined, constructor: 'x' });
    expect(value).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: {} } });
    expect(Object.keys(value)).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(unknown).toEqual(['constructor']);
  });

  it('names unknown fields and type errors by their paths, as the Go decoder and field validation do', () => {
    const r = decodeTyped('core/v1.Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', annotations: { a: 'b' } },
      spec: { containers: [{ name: 'c', image: 'i', imagee: 'x', ports: [{ containerPort: 'eighty' }] }], nodeSelector: { k: 'v' }, extra: 1 },
    });
    expect(r.unknown).toEqual(['spec.containers[0].imagee', 'spec.extra']);
    expect(r.error).toBe('json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32');
  });

  it('takes a remembered clean spec as it is only where asked, and walks every other value', () => {
    const stored = deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running' } });
    const reuse = new Set(['spec']);
    // not remembered yet: walked and copied
    expect(decodeTyped('core/v1.Pod', { ...stored }, reuse).value.spec).not.toBe(stored.spec);
    rememberDecoded('core/v1.Pod', stored);
    expect(decodeTyped('core/v1.Pod', { ...stored }, reuse).value.spec).toBe(stored.spec);
    expect(decodeTyped('core/v1.Pod', { ...stored }).value.spec).not.toBe(stored.spec);
    // a spec that was not stored is decoded, unknown fields and all
    const edited = { ...stored, spec: deepFreeze({ containers: [{ name: 'c', image: 'nginx', imagee: 'x' }] }) };
    expect(decodeTyped('core/v1.Pod', edited, reuse).unknown).toEqual(['spec.containers[0].imagee']);
    // the same frozen value under another type is walked
    expect(decodeTyped('core/v1.Pod', { ...stored, status: stored.spec }, new Set(['status'])).unknown).toEqual(['status.containers']);
  });
});
