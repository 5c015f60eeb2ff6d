import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../protocol/api.ts';
import { Lab } from '../lab/lab.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));

describe('add-ons served through the apiserver', () => {
  it('are served again by a kube-apiserver its kubelet restarted (kubectl top, the Gateway API kinds)', async () => {
    const out: string[] = [];
    const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
    const s = (await engine.boot({ seed: 3 })).sessions[0]!.id;
    const run = async (line: string) => {
      out.length = 0;
      await engine.submit(s, line);
      return out.join('');
    };
    await run('sleep 30');
    for (const line of ['ssh controlplane', 'sudo mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/', 'sleep 20', 'sudo mv /root/kube-apiserver.yaml /etc/kubernetes/manifests/', 'sleep 60', 'exit']) await run(line);
    expect(await run('kubectl top nodes --no-headers | wc -l')).toBe('3\n');
    expect(await run('kubectl get gatewayclass')).toMatch(/^NAME +CONTROLLER +ACCEPTED +AGE\nnginx +gateway\.nginx\.org\/nginx-gateway-controller +True /);
  }, 120_000);
});
