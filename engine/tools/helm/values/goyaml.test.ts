import { describe, expect, it } from 'vitest';
import { goJson, goYaml } from './goyaml.ts';

describe('Go encoders', () => {
  it('writes YAML with sorted keys and unindented lists', () => {
    expect(goYaml({ service: { type: 'ClusterIP' }, image: { tag: '1.0' }, args: ['a', 'b'], replicaCount: 2 })).toBe(
      'args:\n- a\n- b\nimage:\n  tag: "1.0"\nreplicaCount: 2\nservice:\n  type: ClusterIP\n',
    );
  });
  it('writes JSON with sorted keys and HTML-safe text', () => {
    expect(goJson({ b: 1, a: '<x&y>' })).toBe('{"a":"\\u003cx\\u0026y\\u003e","b":1}');
    expect(goJson(undefined)).toBe('null');
  });
});
