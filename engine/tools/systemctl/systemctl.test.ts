import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../host/process.ts';
import { installUnitFile } from '../../host/systemd/install.ts';
import { advance, flush, runOn, systemdLab } from '../../host/systemd/testing/lab.ts';
import { runSystemctl } from './program.ts';

const td = (n: string) => readFileSync(new URL(`./testdata/${n}`, import.meta.url), 'utf8');

/** fakeKubelet fails like the real one until kubeadm wrote its config, then runs until stopped. */
const fakeKubelet: Program = async (p) => {
  if (!p.fs.exists('/var/lib/kubelet/config.yaml')) {
    p.stderr.write('E0105 09:00:00.000000    1234 run.go:72] "command failed" err="failed to load kubelet config file"\n');
    return 1;
  }
  p.stderr.write('I0105 kubelet started\n');
  await new Promise<void>((r) => p.signal.onInterrupt(r));
  return 143;
};

function kubeletLab() {
  const lab = systemdLab({ kubelet: fakeKubelet });
  installUnitFile(lab.host.fs, '/lib/systemd/system/kubelet.service', td('kubelet.service'));
  installUnitFile(lab.host.fs, '/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf', td('10-kubeadm.conf'));
  lab.host.fs.mkdir('/var/lib/kubelet', { recursive: true });
  lab.host.fs.writeFile('/var/lib/kubelet/kubeadm-flags.env', 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10"\n');
  const sc = (...argv: string[]) => runOn(lab, runSystemctl, ['systemctl', ...argv]);
  return { ...lab, sc };
}

const EXEC = '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS';

describe('systemctl', () => {
  it('prints the activating (auto-restart) status of a crash-looping kubelet, exit 3', async () => {
    const lab = kubeletLab();
    expect(await lab.sc('enable', '--now', 'kubelet')).toEqual({
      code: 0, stdout: '',
      stderr: 'Created symlink /etc/systemd/system/multi-user.target.wants/kubelet.service → /lib/systemd/system/kubelet.service.\n',
    });
    await advance(lab.runtime, 14_000);
    const st = await lab.sc('status', 'kubelet');
    const pid = lab.sd.runtime('kubelet').lastMain!.pid;
    expect(st.code).toBe(3);
    expect(st.stdout).toBe(`● kubelet.service - kubelet: The Kubernetes Node Agent
     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)
    Drop-In: /usr/lib/systemd/system/kubelet.service.d
             └─10-kubeadm.conf
     Active: activating (auto-restart) (Result: exit-code) since Mon 2026-01-05 09:00:10 UTC; 4s ago
       Docs: https://kubernetes.io/docs/
    Process: ${pid} ExecStart=${EXEC} (code=exited, status=1/FAILURE)
   Main PID: ${pid} (code=exited, status=1/FAILURE)
        CPU: ${40 + (pid % 50)}ms

Jan 05 09:00:00 controlplane systemd[1]: Started kubelet: The Kubernetes Node Agent.
Jan 05 09:00:00 controlplane kubelet[${pid - 1}]: E0105 09:00:00.000000    1234 run.go:72] "command failed" err="failed to load kubelet config file"
Jan 05 09:00:00 controlplane systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE
Jan 05 09:00:00 controlplane systemd[1]: kubelet.service: Failed with result 'exit-code'.
Jan 05 09:00:10 controlplane systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 1.
Jan 05 09:00:10 controlplane systemd[1]: Stopped kubelet: The Kubernetes Node Agent.
Jan 05 09:00:10 controlplane systemd[1]: Started kubelet: The Kubernetes Node Agent.
Jan 05 09:00:10 controlplane kubelet[${pid}]: E0105 09:00:00.000000    1234 run.go:72] "command failed" err="failed to load kubelet config file"
Jan 05 09:00:10 controlplane systemd[1]: kubelet.service: Main process exited, code=exited, status=1/FAILURE
Jan 05 09:00:10 controlplane systemd[1]: kubelet.service: Failed with result 'exit-code'.
`);
  });

  it('prints the running status with Main PID, CGroup and the expanded command line', async () => {
    const lab = kubeletLab();
    lab.host.fs.writeFile('/var/lib/kubelet/config.yaml', 'kind: KubeletConfiguration\n');
    await lab.sc('start', 'kubelet');
    await advance(lab.runtime, 123_000);
    const st = await lab.sc('status', 'kubelet.service', '--no-pager', '-n', '2');
    const rt = lab.sd.runtime('kubelet');
    const pid = rt.mainPid!;
    const cmd = lab.host.procs.get(pid)!.command;
    expect(cmd).toBe('/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10');
    expect(st.code).toBe(0);
    const lines = st.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '● kubelet.service - kubelet: The Kubernetes Node Agent',
      '     Loaded: loaded (/lib/systemd/system/kubelet.service; disabled; vendor preset: enabled)',
      '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
      '             └─10-kubeadm.conf',
      '     Active: active (running) since Mon 2026-01-05 09:00:00 UTC; 2min 3s ago',
      '       Docs: https://kubernetes.io/docs/',
    ]);
    expect(lines[6]).toBe(`   Main PID: ${pid} (kubelet)`);
    expect(lines[7]).toMatch(/^      Tasks: \d+ \(limit: 4557\)$/);
    expect(lines[8]).toMatch(/^     Memory: \d+\.\dM$/);
    expect(lines[9]).toMatch(/^        CPU: 1\.\d+s$/);
    expect(lines.slice(10)).toEqual([
      '     CGroup: /system.slice/kubelet.service',
      `             └─${pid} ${cmd}`,
      '',
      'Jan 05 09:00:00 controlplane systemd[1]: Started kubelet: The Kubernetes Node Agent.',
      `Jan 05 09:00:00 controlplane kubelet[${pid}]: I0105 kubelet started`,
      '',
    ]);
  });

  it('warns about changed unit files until daemon-reload, and reports failures with the real texts', async () => {
    const lab = kubeletLab();
    await lab.sc('status', 'kubelet');
    installUnitFile(lab.host.fs, '/etc/systemd/system/kubelet.service.d/20-extra.conf', '[Service]\nEnvironment="KUBELET_EXTRA_ARGS=--v=4"\n');
    const st = await lab.sc('restart', 'kubelet');
    expect(st.stderr).toBe("Warning: The unit file, source configuration file or drop-ins of kubelet.service changed on disk. Run 'systemctl daemon-reload' to reload units.\n");
    expect((await lab.sc('daemon-reload')).code).toBe(0);
    const st2 = await lab.sc('status', 'kubelet');
    // drop-ins apply (and show) in file-name order, whatever folder they are in
    expect(st2.stdout).toContain('    Drop-In: /usr/lib/systemd/system/kubelet.service.d\n             └─10-kubeadm.conf\n             /etc/systemd/system/kubelet.service.d\n             └─20-extra.conf\n');
    expect(st2.stderr).toBe('');
    expect(await lab.sc('start', 'nope')).toEqual({ code: 5, stdout: '', stderr: 'Failed to start nope.service: Unit nope.service not found.\n' });
    expect(await lab.sc('status', 'nope')).toEqual({ code: 4, stdout: '', stderr: 'Unit nope.service could not be found.\n' });
    expect(await lab.sc('is-active', 'nope')).toEqual({ code: 3, stdout: 'inactive\n', stderr: '' });
    const denied = await runOn(lab, runSystemctl, ['systemctl', 'stop', 'kubelet'], { user: 'candidate' });
    expect(denied).toEqual({ code: 1, stdout: '', stderr: "Failed to stop kubelet.service: Interactive authentication required.\nSee system logs and 'systemctl status kubelet.service' for details.\n" });
  });

  it('stops a service into inactive (dead) with the killed main process', async () => {
    const lab = kubeletLab();
    lab.host.fs.writeFile('/var/lib/kubelet/config.yaml', 'kind: KubeletConfiguration\n');
    await lab.sc('start', 'kubelet');
    await advance(lab.runtime, 5_000);
    const pid = lab.sd.runtime('kubelet').mainPid!;
    await lab.sc('stop', 'kubelet');
    await flush();
    await advance(lab.runtime, 3_000);
    const st = await lab.sc('status', 'kubelet', '-n', '0');
    expect(st.stdout).toBe(`○ kubelet.service - kubelet: The Kubernetes Node Agent
     Loaded: loaded (/lib/systemd/system/kubelet.service; disabled; vendor preset: enabled)
    Drop-In: /usr/lib/systemd/system/kubelet.service.d
             └─10-kubeadm.conf
     Active: inactive (dead) since Mon 2026-01-05 09:00:05 UTC; 3s ago
       Docs: https://kubernetes.io/docs/
    Process: ${pid} ExecStart=${EXEC} (code=killed, signal=TERM)
   Main PID: ${pid} (code=killed, signal=TERM)
        CPU: ${40 + (pid % 50) + 50}ms
`);
    expect(await lab.sc('is-active', 'kubelet')).toEqual({ code: 3, stdout: 'inactive\n', stderr: '' });
    expect(await lab.sc('is-enabled', 'kubelet')).toEqual({ code: 1, stdout: 'disabled\n', stderr: '' });
  });

  it('shows a main process that handles SIGTERM as exited 0/SUCCESS, and lists what was placed in the unit’s control group', async () => {
    const graceful: Program = async (p) => {
      await new Promise<void>((r) => p.signal.onInterrupt(r));
      return 0;
    };
    const lab = systemdLab({ kubelet: graceful });
    installUnitFile(lab.host.fs, '/lib/systemd/system/kubelet.service', td('kubelet.service'));
    const sc = (...argv: string[]) => runOn(lab, runSystemctl, ['systemctl', ...argv]);
    await sc('start', 'kubelet');
    await advance(lab.runtime, 2_000);
    const pid = lab.sd.runtime('kubelet').mainPid!;
    const shim = lab.host.procs.spawn({ user: 'root', uid: 0, command: '/usr/bin/shim -id x', ppid: 1, cgroup: 'kubelet.service' });
    const running = await sc('status', 'kubelet', '-n', '0');
    expect(running.stdout).toContain(`     CGroup: /system.slice/kubelet.service\n             ├─${pid} /usr/bin/kubelet\n             └─${shim} /usr/bin/shim -id x\n`);
    await sc('stop', 'kubelet');
    await flush();
    const st = await sc('status', 'kubelet', '-n', '0');
    expect(st.stdout).toContain(`    Process: ${pid} ExecStart=/usr/bin/kubelet (code=exited, status=0/SUCCESS)\n   Main PID: ${pid} (code=exited, status=0/SUCCESS)\n`);
  });

  it('lists units and unit files, shows properties and cats the unit with its drop-ins', async () => {
    const lab = kubeletLab();
    await lab.sc('enable', 'kubelet');
    await lab.sc('start', 'kubelet');
    await flush();
    expect((await lab.sc('show', 'kubelet', '-p', 'ActiveState', '--value')).stdout).toBe('activating\n');
    expect((await lab.sc('show', 'kubelet', '-p', 'Restart,RestartUSec,NRestarts')).stdout).toBe('Restart=always\nRestartUSec=10s\nNRestarts=0\n');
    const cat = await lab.sc('cat', 'kubelet');
    expect(cat.stdout).toBe(`# /lib/systemd/system/kubelet.service\n${td('kubelet.service')}\n# /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf\n${td('10-kubeadm.conf')}`);
    const lu = await lab.sc('list-units', '--type=service', '--all');
    expect(lu.stdout.split('\n').slice(0, 2)).toEqual([
      '  UNIT            LOAD   ACTIVE     SUB          DESCRIPTION',
      '  kubelet.service loaded activating auto-restart kubelet: The Kubernetes Node Agent',
    ]);
    const lf = await lab.sc('list-unit-files', 'kube*');
    expect(lf.stdout).toBe('UNIT FILE       STATE   VENDOR PRESET\nkubelet.service enabled enabled\n\n1 unit files listed.\n');
  });
  it('prints the failed variant for a unit without Restart=, with its catalog-free journal tail', async () => {
    const lab = kubeletLab();
    installUnitFile(lab.host.fs, '/etc/systemd/system/once.service', '[Unit]\nDescription=Once\n[Service]\nExecStart=/usr/bin/kubelet --flag\n');
    await lab.sc('start', 'once');
    await advance(lab.runtime, 65_000);
    const st = await lab.sc('status', 'once', '-n', '1');
    const pid = lab.sd.runtime('once').lastMain!.pid;
    expect(st.code).toBe(3);
    expect(st.stdout).toBe(`× once.service - Once
     Loaded: loaded (/etc/systemd/system/once.service; static; vendor preset: enabled)
     Active: failed (Result: exit-code) since Mon 2026-01-05 09:00:00 UTC; 1min 5s ago
    Process: ${pid} ExecStart=/usr/bin/kubelet --flag (code=exited, status=1/FAILURE)
   Main PID: ${pid} (code=exited, status=1/FAILURE)
        CPU: ${40 + (pid % 50)}ms

Jan 05 09:00:00 controlplane systemd[1]: once.service: Failed with result 'exit-code'.
`);
    expect(await lab.sc('is-failed', 'once')).toEqual({ code: 0, stdout: 'failed\n', stderr: '' });
  });
});
