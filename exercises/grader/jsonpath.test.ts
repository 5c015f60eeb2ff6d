import { describe, expect, it } from 'vitest';
import { evalJsonPath, JsonPathError } from './jsonpath.ts';

const pod = {
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'a.b/c': 'x' } },
  spec: { containers: [{ name: 'c1', image: 'nginx:1.27' }, { name: 'c2', image: 'busybox' }] },
  status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] },
};

describe('evalJsonPath', () => {
  it('reads keys, indexes, wildcards and slices', () => {
    expect(evalJsonPath('{.metadata.name}', pod)).toBe('web');
    expect(evalJsonPath('.spec.containers[1].image', pod)).toBe('busybox');
    expect(evalJsonPath('{.spec.containers[*].name}', pod)).toBe('c1 c2');
    expect(evalJsonPath('{.spec.containers[-1].name}', pod)).toBe('c2');
    expect(evalJsonPath('{.spec.containers[0:1].name}', pod)).toBe('c1');
  });
  it('filters, escapes dots and searches deeply', () => {
    expect(evalJsonPath('{.status.conditions[?(@.type=="Ready")].status}', pod)).toBe('False');
    expect(evalJsonPath('{.metadata.annotations.a\\.b/c}', pod)).toBe('x');
    // As in kubectl, a quoted key may not hold a dot: escape dots instead.
    expect(evalJsonPath("{.metadata.annotations['a.b/c']}", pod)).toBe('');
    expect(evalJsonPath("{.metadata.labels['app']}", pod)).toBe('web');
    expect(evalJsonPath('{..image}', pod)).toBe('nginx:1.27 busybox');
  });
  it('prints objects as JSON, missing paths as empty, and literal text', () => {
    expect(evalJsonPath('{.metadata.labels}', pod)).toBe('{"app":"web"}');
    expect(evalJsonPath('{.spec.nothing}', pod)).toBe('');
    expect(evalJsonPath('name={.metadata.name}', pod)).toBe('name=web');
  });
  it('refuses broken templates', () => {
    expect(() => evalJsonPath('{.spec.containers[0}', pod)).toThrow(JsonPathError);
  });
});
