import { expect } from 'vitest';
import { loadOpenApiDefinitions } from '../../api/openapi/load.ts';
import { DEFAULT_LAB } from '../../cluster/labs/default.ts';
import { Lab } from '../../lab/lab.ts';
import type { EngineEvent } from '../../protocol/api.ts';

const yieldToHost = () => new Promise<void>((r) => setImmediate(r));
/** One prepared machine: no cluster and no CNI until the candidate installs them. */
const BARE_LAB = DEFAULT_LAB.replace('    cni: calico\n', '    installed: false\n')
  .replace(/    addons:\n(    .*\n)+/, '')
  .replace(/    - name: node0[12]\n      role: worker\n      ip: 192\.168\.100\.1[12]\n/g, '');

/** LabRun types a line at the terminal and answers what it printed and its exit status. */
export type LabRun = (line: string) => Promise<{ text: string; exit: number }>;

/**
 * initialisedControlPlane boots a lab of one prepared machine and runs
 * `kubeadm init` on it as root, with no CNI installed yet: the state a
 * "install a CNI" task starts from.
 */
export async function initialisedControlPlane(podCidr: string): Promise<LabRun> {
  await loadOpenApiDefinitions();
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost, mode: 'stepped' });
  const s = (await engine.boot({ seed: 7, lab: BARE_LAB })).sessions[0]!.id;
  const run: LabRun = async (line) => {
    out.length = 0;
    const r = await engine.submit(s, line);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
  await run('ssh controlplane');
  await run('sudo -i');
  expect((await run(`kubeadm init --pod-network-cidr=${podCidr} > /dev/null`)).exit).toBe(0);
  await run('export KUBECONFIG=/etc/kubernetes/admin.conf');
  // The control-plane taint would keep test pods away from the only node.
  await run('kubectl taint node controlplane node-role.kubernetes.io/control-plane- > /dev/null');
  return run;
}
