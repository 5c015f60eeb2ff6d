import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpRequest, HttpResponse } from '../../host/net.ts';
import { netLab } from '../../network/testing/lab.ts';
import { newKubeadmCA, poolKey } from '../../pki/index.ts';
import { curl, wget } from './index.ts';
import { NET_TOOL_CASES } from './testing/cases.ts';

interface Rec {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}
const RECORDED: Rec[] = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata/net-tools.json'), 'utf8'));

describe('curl and wget against recordings of the real tools', () => {
  it('has a recording for every case', () => {
    expect(RECORDED.map((r) => r.args)).toEqual(NET_TOOL_CASES);
  });

  it.each(RECORDED.map((r) => [r.args.join(' '), r] as const))('%s', async (_name, rec) => {
    const lab = netLab();
    // curl runs in a Debian 12 image (curl 7.88, as recorded); wget on an Ubuntu machine (GNU wget).
    const pod = lab.addPod({ name: 'client' });
    const netns = pod.peer.host;
    const serve = (req: HttpRequest): HttpResponse => (req.path === '/index.html' ? { status: 200, headers: { 'content-type': 'text/html' }, body: 'hello\n' } : { status: 404, statusText: 'File not found', headers: { 'content-type': 'text/html' }, body: 'nope\n' });
    const selfSigned = newKubeadmCA('test', poolKey(3), lab.runtime.now, lab.runtime.rand).certPem;
    for (const ns of [netns, 'controlplane']) {
      lab.net.listen(ns, '127.0.0.1', 18080, { protocol: 'http', handler: { handle: serve } });
      lab.net.listen(ns, '127.0.0.1', 18443, { protocol: 'http', tls: { certPem: selfSigned }, handler: { handle: serve } });
    }
    const [cmd] = rec.args;
    const r = cmd === 'curl' ? await lab.run(curl, rec.args, pod) : await lab.run(wget, rec.args, 'controlplane');
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: rec.stdout, stderr: rec.stderr, code: rec.code });
  });
});
