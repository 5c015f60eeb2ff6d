import { describe, expect, it } from 'vitest';
import { formatEntry } from '../../host/journal/format.ts';
import { advance } from '../testing/advance.ts';
import { nodeLab } from '../testing/node-lab.ts';

const DROPIN = '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf';

describe('stopping and restarting the kubelet unit', () => {
  it('logs the stopped kubelet’s last lines under its own pid before systemd reports it stopped, with status 0', async () => {
    const { lab, runtime, sd } = await nodeLab();
    const old = sd.runtime('kubelet').mainPid!;
    sd.restart('kubelet');
    await advance(runtime, 1000);
    const fresh = sd.runtime('kubelet').mainPid!;
    expect(fresh).not.toBe(old);
    const lines = sd.journal.entries({ units: ['kubelet.service'] }).map((e) => formatEntry(e, 'node01'));
    const stopping = lines.findIndex((l) => l.includes('Stopping kubelet'));
    const after = lines.slice(stopping);
    // every kubelet line names the same pid in its syslog identifier and in klog's header
    for (const l of lines) {
      const m = /kubelet\[(\d+)\]: [IWE]\d{4} [\d:.]+ +(\d+) /.exec(l);
      if (m) expect(m[2]).toBe(m[1]);
    }
    const shutdown = after.findIndex((l) => l.includes(`kubelet[${old}]`));
    expect(shutdown).toBeGreaterThan(0);
    expect(shutdown).toBeLessThan(after.findIndex((l) => l.includes('Deactivated successfully')));
    expect(after.findIndex((l) => l.includes(`kubelet[${old}]`))).toBeLessThan(after.findIndex((l) => l.includes('Started kubelet')));
    // the kubelet handles SIGTERM and returns: "code=exited, status=0/SUCCESS", as systemctl status shows after a stop
    sd.stop('kubelet');
    await advance(runtime, 1000);
    expect(sd.runtime('kubelet').lastMain?.exit).toEqual({ code: 'exited', status: 0 });
    expect(lab.world.mustHost('node01').fs.exists('/etc/systemd/system/kubelet.service.d/10-kubeadm.conf')).toBe(false);
  });

  it('runs with the flags of the package’s drop-in under /usr/lib once systemd is reloaded', async () => {
    const { lab, runtime, sd } = await nodeLab();
    const fs = lab.world.mustHost('node01').fs;
    expect(sd.runtime('kubelet').unit.dropIns).toEqual([DROPIN]);
    fs.writeFile(DROPIN, fs.readFile(DROPIN).replace('/var/lib/kubelet/config.yaml', '/var/lib/kubelet/config.yml'));
    sd.daemonReload();
    sd.restart('kubelet');
    await advance(runtime, 1000);
    expect(sd.activeState('kubelet')).toBe('activating');
    const text = sd.journal.entries({ units: ['kubelet.service'] }).map((e) => e.message).join('\n');
    expect(text).toContain('open /var/lib/kubelet/config.yml: no such file or directory');
  });
});
