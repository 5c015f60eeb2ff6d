import { describe, expect, it } from 'vitest';
import { steppedLab } from '../lab/testing/stepped-lab.ts';

describe('add-ons served through the apiserver', () => {
  it('are served again by a kube-apiserver its kubelet restarted (kubectl top, the Gateway API kinds)', async () => {
    const lab = await steppedLab({ seed: 3 });
    const run = async (line: string) => (await lab.run(line)).text;
    await run('sleep 30');
    for (const line of ['ssh controlplane', 'sudo mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/', 'sleep 20', 'sudo mv /root/kube-apiserver.yaml /etc/kubernetes/manifests/', 'sleep 60', 'exit']) await run(line);
    expect(await run('kubectl top nodes --no-headers | wc -l')).toBe('3\n');
    expect(await run('kubectl get gatewayclass')).toMatch(/^NAME +CONTROLLER +ACCEPTED +AGE\nnginx +gateway\.nginx\.org\/nginx-gateway-controller +True /);
  }, 120_000);
});
