import fc from 'fast-check';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from './main.ts';

/**
 * `kubelab serve` under bad requests: malformed and random bodies, wrong
 * content types, huge bodies, clients that stall or vanish. Every answer is
 * an apiserver Status, nothing is a 500, and the server keeps serving.
 */

type Served = Awaited<ReturnType<typeof startServe>>;
let served: Served;
let tls: { ca: string; cert: string; key: string; port: number };

function yamlField(text: string, name: string): string {
  return Buffer.from(new RegExp(`${name}: (\\S+)`).exec(text)![1]!, 'base64').toString('utf8');
}

function call(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> | undefined; text: string }> {
  if (body !== undefined) headers = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: tls.port, method, path, ca: tls.ca, cert: tls.cert, key: tls.key, servername: 'kubernetes', headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('utf8')));
      res.on('end', () => {
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json, text });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

beforeAll(async () => {
  served = await startServe({ port: 0, tick: false });
  const k = served.kubeconfig;
  tls = {
    ca: yamlField(k, 'certificate-authority-data'),
    cert: yamlField(k, 'client-certificate-data'),
    key: yamlField(k, 'client-key-data'),
    port: Number(new URL(served.url).port),
  };
}, 60_000);
afterAll(() => served.close());

describe('kubelab serve under bad requests', () => {
  it('answers malformed JSON, wrong content types and huge bodies with Status objects', async () => {
    const bad = await call('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion": "v1", kind', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
    const patch = await call('PATCH', '/api/v1/namespaces/default', '{}', { 'content-type': 'text/csv' });
    expect(patch.status).toBe(415);
    const huge = await call('POST', '/api/v1/namespaces/default/configmaps', Buffer.alloc(4 * 1024 * 1024, 0x61), { 'content-type': 'application/json' });
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ kind: 'Status', message: 'Request entity too large: limit is 3145728' });
    const proto = await call('POST', '/api/v1/namespaces/default/configmaps', Buffer.from([0x6b, 0x38, 0x73, 0x00, 0xff, 0xff]), { 'content-type': 'application/vnd.kubernetes.protobuf' });
    expect(proto.status).toBe(400);
  });

  it('answers what the HTTP parser cannot read with a Status, and closes that connection', async () => {
    const sock = connect({ host: '127.0.0.1', port: tls.port, ca: tls.ca, cert: tls.cert, key: tls.key, servername: 'kubernetes' });
    await new Promise<void>((r) => sock.once('secureConnect', () => r()));
    let text = '';
    sock.on('data', (d: Buffer) => (text += d.toString('utf8')));
    sock.write('G\u0000T / HTTP/1.1\r\n\r\n');
    await new Promise<void>((r) => sock.once('end', () => r()));
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ kind: 'Status', code: 400 });
    sock.destroy();
  });

  it('keeps serving others while a client stalls mid-request, and after it vanishes', async () => {
    const sock = connect({ host: '127.0.0.1', port: tls.port, ca: tls.ca, cert: tls.cert, key: tls.key, servername: 'kubernetes' });
    await new Promise<void>((r) => sock.once('secureConnect', () => r()));
    sock.write('POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"apiVersion":');
    const meanwhile = await call('GET', '/readyz');
    expect([meanwhile.status, meanwhile.text]).toEqual([200, 'ok']);
    sock.destroy();
    const after = await call('GET', '/api/v1/namespaces/default');
    expect(after.status).toBe(200);
  });

  it('survives random requests: never a 500, always a Status for errors', async () => {
    const paths = ['/api/v1/namespaces/default/pods', '/api/v1/namespaces/default/pods/x', '/apis/apps/v1/namespaces/default/deployments', '/api/v1/nodes/node01', '/apis', '/api/v1/namespaces/nope/configmaps', '/apis/nope/v1/things', '/openapi/v3/api/v1', '/api/v1/namespaces/default/pods/x/status', '/%2e%2e/etc'];
    const arb = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      path: fc.constantFrom(...paths),
      contentType: fc.constantFrom('application/json', 'application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json', 'application/vnd.kubernetes.protobuf', 'application/yaml', ''),
      body: fc.oneof(fc.json(), fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)), fc.constant('')),
    });
    await fc.assert(
      fc.asyncProperty(arb, async (r) => {
        const res = await call(r.method, r.path, r.method === 'GET' ? undefined : r.body, r.contentType ? { 'content-type': r.contentType } : {});
        expect(res.status).not.toBe(500);
        if (res.status >= 400) expect(res.json?.kind).toBe('Status');
      }),
      { numRuns: 300, seed: 7 },
    );
    expect((await call('GET', '/readyz')).status).toBe(200);
  }, 120_000);
});
