import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeProtobufObject, goDuration, messageFor } from './decode.ts';

const DATA = join(import.meta.dirname, 'testdata');

/** normalise drops what only differs by Go's zero values: nulls and empty objects. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalise(x);
      if (n === null || n === undefined) continue;
      if (typeof n === 'object' && !Array.isArray(n) && Object.keys(n).length === 0) continue;
      out[k] = n;
    }
    return out;
  }
  return v;
}

describe('protobuf bodies of the real kubectl', () => {
  const cases = readdirSync(DATA).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  it('has recorded cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const name of cases) {
    it(`${name}: decodes to the object kubectl prints with --dry-run=client -o json`, () => {
      const r = decodeProtobufObject(new Uint8Array(readFileSync(join(DATA, `${name}.bin`))));
      if ('error' in r) throw new Error(r.error);
      // status is not written by create (the apiserver drops it), and holds non-omitempty zeros in the dry-run print.
      const { status: _a, ...got } = r.value;
      const { status: _b, ...want } = JSON.parse(readFileSync(join(DATA, `${name}.json`), 'utf8')) as Record<string, unknown>;
      expect(normalise(got)).toEqual(normalise(want));
    });
  }

  it('decodes a SelfSubjectAccessReview from auth can-i', () => {
    const r = decodeProtobufObject(new Uint8Array(readFileSync(join(DATA, 'ssar.bin'))));
    if ('error' in r) throw new Error(r.error);
    expect(r.value).toMatchObject({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { namespace: 'dev', verb: 'get', resource: 'pods', subresource: 'log' } },
    });
  });

  it('refuses what is not an enveloped message, and truncated bytes', () => {
    expect(decodeProtobufObject(new TextEncoder().encode('{"a":1}'))).toEqual({ error: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]' });
    const cm = new Uint8Array(readFileSync(join(DATA, 'configmap.bin')));
    expect(decodeProtobufObject(cm.subarray(0, cm.length - 3))).toHaveProperty('error');
  });

  it('maps apiVersion and kind to their messages', () => {
    expect(messageFor('v1', 'Pod')).toBe('api.core.v1.Pod');
    expect(messageFor('rbac.authorization.k8s.io/v1', 'Role')).toBe('api.rbac.v1.Role');
    expect(messageFor('policy/v1', 'Eviction')).toBe('api.policy.v1.Eviction');
    expect(messageFor('meta.k8s.io/v1', 'DeleteOptions')).toBe('apimachinery.pkg.apis.meta.v1.DeleteOptions');
    expect(messageFor('nope/v1', 'Thing')).toBeUndefined();
  });

  it('prints durations as Go does', () => {
    expect([0, 1e9, 90e9, 3600e9, 1.5e9, 5e5].map(goDuration)).toEqual(['0s', '1s', '1m30s', '1h0m0s', '1.5s', '500µs']);
  });
});
