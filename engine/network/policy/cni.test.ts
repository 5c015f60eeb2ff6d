import { describe, expect, it } from 'vitest';
import { initialisedControlPlane, type LabRun } from '../testing/bare-lab.ts';

const DENY_INGRESS = `printf 'apiVersion: networking.k8s.io/v1\\nkind: NetworkPolicy\\nmetadata:\\n  name: deny\\nspec:\\n  podSelector: {}\\n  policyTypes: [Ingress]\\n' | kubectl apply -f -`;

/** reachesWebUnderDenyAll starts a web pod and asks whether another pod reaches it with a default-deny ingress policy in place. */
async function reachesWebUnderDenyAll(run: LabRun): Promise<string> {
  await run('kubectl run web --image=nginx > /dev/null && kubectl expose pod web --port 80 > /dev/null');
  await run('sleep 20');
  expect((await run(DENY_INGRESS)).text).toBe('networkpolicy.networking.k8s.io/deny created\n');
  return (await run('kubectl run c --rm -i --image=busybox --restart=Never -- wget -qO- -T2 web 2>/dev/null | head -4')).text;
}

describe('NetworkPolicy follows the CNI the cluster runs', () => {
  it('is stored but not enforced on flannel, which has no policy agent', async () => {
    const run = await initialisedControlPlane('10.244.0.0/16');
    await run('kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml > /dev/null');
    await run('sleep 30');
    expect(await reachesWebUnderDenyAll(run)).toContain('<title>Welcome to nginx!</title>');
  });

  it('is enforced once Calico is the CNI', async () => {
    const run = await initialisedControlPlane('192.168.0.0/16');
    await run('kubectl apply -f https://raw.githubusercontent.com/projectcalico/calico/v3.29.1/manifests/calico.yaml > /dev/null');
    await run('sleep 40');
    expect(await reachesWebUnderDenyAll(run)).toMatch(/^wget: download timed out\n/);
  });
});
