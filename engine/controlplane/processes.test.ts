import { describe, expect, it } from 'vitest';
import { Lab } from '../lab/lab.ts';
import type { EngineEvent } from '../protocol/api.ts';

describe('the control plane as processes on its host', () => {
  it('lets `ps -ef | grep kube-apiserver` on the control plane show the static pod’s flags', async () => {
    const out: string[] = [];
    const lab = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost: () => new Promise<void>((r) => setImmediate(r)), mode: 'stepped' });
    const s = (await lab.boot({ seed: 3 })).sessions[0]!.id;
    const run = async (line: string) => {
      out.length = 0;
      await lab.submit(s, line);
      return out.join('');
    };
    await run('ssh controlplane');
    const text = await run('ps -ef | grep kube-apiserver | grep -v grep');
    expect(text).toMatch(/^root +\d+ +\d+ +0 \d\d:\d\d \? +00:00:00 kube-apiserver --advertise-address=\S+ --allow-privileged=true /m);
    expect(text).toContain(' --etcd-servers=https://127.0.0.1:2379 ');
  });
});
