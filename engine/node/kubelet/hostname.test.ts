import { describe, expect, it } from 'vitest';
import { Collector } from '../../host/streams.ts';
import { nodeTestLab } from '../testing/harness.ts';

describe('a pod’s own name, as hostname reads it from the kubelet-managed files', () => {
  it('gives a pod with hostname and subdomain (a StatefulSet pod) its fully qualified name', async () => {
    const t = await nodeTestLab();
    t.run({ metadata: { name: 'web-0' }, spec: { hostname: 'web-0', subdomain: 'nginx', containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
    t.run({ metadata: { name: 'plain' }, spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
    await t.advance(8_000);
    const inPod = async (pod: string, cmd: string) => {
      const sb = [...t.cri.sandboxes.values()].find((s) => s.config.name === pod)!;
      const out = new Collector();
      const code = await (t.cri.exec(t.cri.containersOf(sb.id)[0]!.id, ['sh', '-c', cmd], { stdout: out, stderr: out }) as Promise<number>);
      return [code, out.text];
    };
    expect(await inPod('web-0', 'hostname; hostname -f; hostname -s; hostname -d')).toEqual([0, 'web-0\nweb-0.nginx.default.svc.cluster.local\nweb-0\nnginx.default.svc.cluster.local\n']);
    expect(await inPod('plain', 'hostname; hostname -f; hostname -d')).toEqual([0, 'plain\nplain\n\n']);
  });
});
