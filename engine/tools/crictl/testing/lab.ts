import { runOn } from '../../../host/systemd/testing/lab.ts';
import { registerNodeEnv } from '../../../node/service/registry.ts';
import { nodeTestLab } from '../../../node/testing/harness.ts';
import { crictl } from '../program.ts';

/** crictlLab gives a worker node01 with containerd up and crictl pointed at it; `run` calls crictl there. */
export async function crictlLab() {
  const t = await nodeTestLab();
  registerNodeEnv(t.runtime, 'node01', { host: t.host, cri: t.cri, nodeIp: '192.168.100.11', controlPlane: false, kubeletVersion: 'v1.34.3', containerdUp: true });
  t.host.fs.writeFile('/etc/crictl.yaml', 'runtime-endpoint: unix:///run/containerd/containerd.sock\n');
  const run = (...args: string[]) => runOn({ runtime: t.runtime, host: t.host }, crictl, ['crictl', ...args]);
  return { t, run };
}
