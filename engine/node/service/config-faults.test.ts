import { describe, expect, it } from 'vitest';
import { advance } from '../testing/advance.ts';
import { nodeLab } from '../testing/node-lab.ts';
import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../../lab/lab.ts';
import { DEFAULT_LAB } from '../../cluster/labs/default.ts';

describe('the kubelet and a wrong value in config.yaml', () => {
  it('exits with the real error when clientCAFile names no file, and runs once it is fixed', async () => {
    const { lab, runtime, sd } = await nodeLab();
    const fs = lab.world.mustHost('node01').fs;
    const good = fs.readFile('/var/lib/kubelet/config.yaml');
    expect(good).toContain('clientCAFile: /etc/kubernetes/pki/ca.crt');
    fs.writeFile('/var/lib/kubelet/config.yaml', good.replace('clientCAFile: /etc/kubernetes/pki/ca.crt', 'clientCAFile: /etc/kubernetes/pki/ca.cert'));
    sd.restart('kubelet');
    await advance(runtime, 1000);
    const journal = () => sd.journal.entries({ units: ['kubelet.service'] }).map((e) => e.message).join('\n');
    expect(journal()).toMatch(/E0105 09:00:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="failed to run Kubelet: open \/etc\/kubernetes\/pki\/ca\.cert: no such file or directory"/);
    expect(sd.activeState('kubelet')).toBe('activating');
    // an empty bundle is refused too
    fs.writeFile('/etc/kubernetes/pki/ca.cert', '');
    await advance(runtime, 11_000);
    expect(journal()).toContain('err="failed to run Kubelet: missing content for CA bundle \\"client-ca-bundle::/etc/kubernetes/pki/ca.cert\\""');
    fs.writeFile('/var/lib/kubelet/config.yaml', good);
    await advance(runtime, 11_000);
    expect(sd.isActive('kubelet')).toBe(true);
  });

  it('ignores a misspelt field, saying so, and stops the static pods of a staticPodPath it no longer has', async () => {
    const out: string[] = [];
    const lab = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost: () => new Promise<void>((r) => setImmediate(r)), mode: 'stepped' });
    const s = (await lab.boot({ seed: 4, lab: DEFAULT_LAB })).sessions[0]!.id;
    const run = async (line: string) => {
      out.length = 0;
      await lab.submit(s, line);
      return out.join('');
    };
    await run('ssh controlplane');
    expect(await run('sudo crictl ps --name kube-apiserver -q')).toMatch(/^[0-9a-f]{13,}\n$/);
    await run("sudo sed -i 's/^staticPodPath:/staticPodPth:/' /var/lib/kubelet/config.yaml");
    await run('sudo systemctl restart kubelet');
    await run('sleep 5');
    expect(await run('systemctl is-active kubelet')).toBe('active\n');
    expect(await run('sudo journalctl -u kubelet --no-pager | grep --color=never lenient')).toMatch(/I0105 09:\d\d:\d\d\.\d{6} +\d+ codec\.go:\d+\] "Using lenient decoding as strict decoding failed" err="strict decoding error: unknown field \\"staticPodPth\\""/);
    expect(await run('sudo crictl ps --name kube-apiserver -q')).toBe('');
  });
});
