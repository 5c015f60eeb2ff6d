import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../api/transport.ts';
import { encodeBase64RawUrl, fromUtf8, decodeBase64RawUrl, utf8 } from '../../base/base64.ts';
import { testApiServer } from '../testing/harness.ts';

const admin = { token: 'admin' };
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

interface ListBody {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: { metadata: { name: string } }[];
  rows?: unknown[];
}

function lab() {
  const { server, kv } = testApiServer();
  const request = (method: ApiRequest['method'], path: string, body?: unknown, query?: Record<string, string>, headers?: Record<string, string>) =>
    server.request({ method, path, body, credentials: admin, ...(query ? { query } : {}), ...(headers ? { headers } : {}) });
  request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const create = (name: string, labels?: Record<string, string>) => request('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels } });
  const list = (query: Record<string, string>, path = '/api/v1/namespaces/default/configmaps') => request('GET', path, undefined, query);
  return { kv, request, create, list };
}

/** token builds a continue token as the apiserver's storage/continue.go encodes one. */
const token = (json: string) => encodeBase64RawUrl(utf8(json));
const names = (b: ListBody) => b.items.map((i) => i.metadata.name);

describe('paged lists (limit/continue)', () => {
  it('encodes the token as the apiserver does: base64url JSON naming the revision and the key after the last one, relative to the list', () => {
    const { create, list } = lab();
    for (const n of ['a', 'b', 'c']) create(n);
    const page = list({ limit: '2' }).body as ListBody;
    expect(names(page)).toEqual(['a', 'b']);
    expect(page.metadata.continue).not.toMatch(/[=+/]/);
    expect(JSON.parse(fromUtf8(decodeBase64RawUrl(page.metadata.continue!)))).toEqual({ v: 'meta.k8s.io/v1', rv: Number(page.metadata.resourceVersion), start: 'b\u0000' });
    expect(page.metadata.remainingItemCount).toBe(1);
    const all = list({ limit: '1' }, '/api/v1/configmaps').body as ListBody;
    expect(JSON.parse(fromUtf8(decodeBase64RawUrl(all.metadata.continue!))).start).toBe('default/a\u0000');
  });

  it('ends without a token when the page takes the last object, and follows a token to the end', () => {
    const { create, list } = lab();
    for (const n of ['a', 'b', 'c']) create(n);
    const p1 = list({ limit: '2' }).body as ListBody;
    const p2 = list({ limit: '2', continue: p1.metadata.continue! }).body as ListBody;
    expect(names(p2)).toEqual(['c']);
    expect(p2.metadata.continue).toBeUndefined();
    expect(p2.metadata.remainingItemCount).toBeUndefined();
    expect((list({ limit: '3' }).body as ListBody).metadata.continue).toBeUndefined();
  });

  it('reads every page at the first page\'s revision: later writes do not show', () => {
    const { create, list, request } = lab();
    for (const n of ['a', 'b', 'c']) create(n);
    const p1 = list({ limit: '1' }).body as ListBody;
    create('d');
    request('DELETE', '/api/v1/namespaces/default/configmaps/c');
    const p2 = list({ limit: '5', continue: p1.metadata.continue! }).body as ListBody;
    expect(names(p2)).toEqual(['b', 'c']);
    expect(p2.metadata.resourceVersion).toBe(p1.metadata.resourceVersion);
    expect(names(list({}).body as ListBody)).toEqual(['a', 'b', 'd']);
  });

  it('answers a token whose revision is compacted with 410 and a token to go on at the latest revision', () => {
    const { create, list, request, kv } = lab();
    for (const n of ['a', 'b', 'c']) create(n);
    const p1 = list({ limit: '1' }).body as ListBody;
    create('d');
    kv.compact(kv.revision);
    const r = list({ limit: '5', continue: p1.metadata.continue! });
    expect(r.status).toBe(410);
    const status = r.body as { reason: string; message: string; metadata: { continue?: string } };
    expect(status.reason).toBe('Expired');
    expect(status.message).toMatch(/^The provided continue parameter is too old to display a consistent list result\. You can start a new list without the continue parameter, or use the continue token in this response/);
    expect(JSON.parse(fromUtf8(decodeBase64RawUrl(status.metadata.continue!)))).toEqual({ v: 'meta.k8s.io/v1', rv: -1, start: 'a\u0000' });
    const rest = list({ continue: status.metadata.continue! }).body as ListBody;
    expect(names(rest)).toEqual(['b', 'c', 'd']);
    expect(request('GET', '/api/v1/namespaces/default/configmaps').status).toBe(200);
  });

  it('with a selector, fills the page from matching objects and offers a token while any key remains (no count)', () => {
    const { create, list } = lab();
    create('a', { t: 'x' });
    create('b', { t: 'x' });
    create('c', { t: 'y' });
    const p1 = list({ limit: '2', labelSelector: 't=x' }).body as ListBody;
    expect(names(p1)).toEqual(['a', 'b']);
    expect(p1.metadata.continue).toBeDefined();
    expect(p1.metadata.remainingItemCount).toBeUndefined();
    const p2 = list({ limit: '2', labelSelector: 't=x', continue: p1.metadata.continue! }).body as ListBody;
    expect(p2.items).toEqual([]);
    expect(p2.metadata.continue).toBeUndefined();
  });

  it('puts the token and the remaining count on Table answers', () => {
    const { create, request } = lab();
    for (const n of ['a', 'b', 'c']) create(n);
    const t = request('GET', '/api/v1/namespaces/default/configmaps', undefined, { limit: '1' }, { accept: TABLE }).body as ListBody;
    expect(t.rows).toHaveLength(1);
    expect(t.metadata.remainingItemCount).toBe(2);
    expect(t.metadata.continue).toBeDefined();
  });

  it('refuses bad tokens with the apiserver\'s texts', () => {
    const { create, list } = lab();
    create('a');
    const refused = (query: Record<string, string>) => {
      const r = list(query);
      return [r.status, (r.body as { message: string }).message];
    };
    expect(refused({ continue: 'abc=' })).toEqual([400, 'invalid continue token: continue key is not valid: illegal base64 data at input byte 3']);
    expect(refused({ continue: 'a+b' })).toEqual([400, 'invalid continue token: continue key is not valid: illegal base64 data at input byte 1']);
    expect(refused({ continue: token('nope') })).toEqual([400, "invalid continue token: continue key is not valid: invalid character 'n' looking for beginning of value"]);
    expect(refused({ continue: token('{"v":"meta.k8s.io/v1","rv":"5","start":"a"}') })).toEqual([400, 'invalid continue token: continue key is not valid: json: cannot unmarshal string into Go struct field continueToken.rv of type int64']);
    expect(refused({ continue: token('{"v":"meta.k8s.io/v2","rv":5,"start":"a"}') })).toEqual([400, 'invalid continue token: continue key is not valid: server does not recognize this encoded version meta.k8s.io/v2']);
    expect(refused({ continue: token('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}') })).toEqual([400, 'invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)']);
    expect(refused({ continue: token('{"v":"meta.k8s.io/v1","rv":5,"start":""}') })).toEqual([400, 'invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)']);
    expect(refused({ continue: token('{"v":"meta.k8s.io/v1","rv":5,"start":"../../secrets/kube-system/x"}') })).toEqual([400, 'invalid continue token: continue key is not valid: ../../secrets/kube-system/x']);
    const good = (list({ limit: '1' }).body as ListBody).metadata;
    expect(good.continue).toBeUndefined();
    expect(refused({ continue: token(`{"v":"meta.k8s.io/v1","rv":${good.resourceVersion},"start":"a"}`), resourceVersion: '5' })).toEqual([400, 'specifying resource version is not allowed when using continue']);
    expect(refused({ continue: token('{"v":"meta.k8s.io/v1","rv":99999,"start":"a"}') })).toEqual([500, 'etcdserver: mvcc: required revision is a future revision']);
  });
});
