import { describe, expect, it } from 'vitest';
import { decodeTyped } from './decode.ts';

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
});
