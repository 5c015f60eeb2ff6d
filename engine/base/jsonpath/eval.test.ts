import { describe, expect, it } from 'vitest';
import { JsonPath } from './eval.ts';

describe('jsonpath results as text', () => {
  // kubectl 1.33: `kubectl label --local -f n.yaml foo=bar -o jsonpath=…` on a ConfigMap with
  // `extra: null`, `list: [1, null, "s"]` and `metadata.annotations: null` printed this line.
  it('prints a JSON null as null, alone or among several results, and a missing key as nothing', () => {
    const obj = { metadata: { name: 'x', annotations: null }, extra: null, list: [1, null, 's'] };
    const jp = new JsonPath('{.extra}|{.list}|{.list[1]}|{.list[*]}|{.metadata.annotations}|{.nope}', true, false);
    expect(jp.execute(obj)).toBe('null|[1,null,"s"]|null|1 null s|null|');
  });
});
