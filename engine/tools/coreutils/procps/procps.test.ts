import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from '../../../shell/testing/lab.ts';
import { processName } from './match.ts';
import { PGREP_USAGE } from './usage.ts';

const KUBELET = '/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml';

/** node is controlplane with a few daemons in its process table, as a kubeadm node runs them. */
async function node(user = 'root') {
  const lab = createTestLab();
  const host = lab.host('controlplane');
  const signals: [number, number][] = [];
  const spawn = (command: string, u = 'root', uid = 0): number => {
    const pid: number = host.procs.spawn({ command, user: u, uid, onSignal: (sig) => signals.push([pid, sig]) });
    return pid;
  };
  const pids = {
    containerd: spawn('/usr/bin/containerd'),
    kubelet: spawn(KUBELET),
    apiserver: spawn('kube-apiserver --advertise-address=192.168.100.10'),
    kcm: spawn('kube-controller-manager --leader-elect=true'),
    sleeper: spawn('sleep 3600', 'candidate', 1000),
  };
  const t = await TestTerminal.open(lab, { user });
  return { t, pids, signals };
}

describe('procps: pgrep, pkill and pidof', () => {
  it('names processes as the kernel’s comm: file name, no login dash, 15 characters', () => {
    expect(processName(KUBELET)).toBe('kubelet');
    expect(processName('-bash')).toBe('bash');
    expect(processName('kube-controller-manager --leader-elect=true')).toBe('kube-controller');
    expect(processName('nginx: master process nginx -g daemon off;')).toBe('nginx');
  });

  it('lists matching processes by name, by command line, by user, newest, counted', async () => {
    const { t, pids } = await node();
    expect((await t.run('pgrep kubelet')).stdout).toBe(`${pids.kubelet}\n`);
    expect((await t.run('pgrep -l kube')).stdout).toBe(`${pids.kubelet} kubelet\n${pids.apiserver} kube-apiserver\n${pids.kcm} kube-controller\n`);
    expect((await t.run('pgrep -a kubelet')).stdout).toBe(`${pids.kubelet} ${KUBELET}\n`);
    expect((await t.run("pgrep -x -l 'kube-(apiserver|let)'")).stdout).toBe(`${pids.apiserver} kube-apiserver\n`);
    expect((await t.run('pgrep -f -- --leader-elect')).stdout).toBe(`${pids.kcm}\n`);
    expect((await t.run('pgrep -u candidate sleep')).stdout).toBe(`${pids.sleeper}\n`);
    expect((await t.run('pgrep -n -d, kube')).stdout).toBe(`${pids.kcm}\n`);
    expect((await t.run('pgrep -d, kube')).stdout).toBe(`${pids.kubelet},${pids.apiserver},${pids.kcm}\n`);
    expect(await t.run('pgrep -c nothing-runs')).toMatchObject({ stdout: '0\n', code: 1 });
    expect(await t.run('pgrep nothing')).toMatchObject({ stdout: '', code: 1 });
  });

  it('refuses bad invocations with procps’ texts', async () => {
    const { t } = await node();
    expect(await t.run('pgrep')).toMatchObject({ stderr: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n", code: 2 });
    expect(await t.run('pgrep a b')).toMatchObject({ stderr: "pgrep: only one pattern can be provided\nTry `pgrep --help' for more information.\n", code: 2 });
    expect(await t.run('pgrep kube-controller-manager')).toMatchObject({ stderr: "pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n", code: 1 });
    expect(await t.run('pgrep -u nosuchuser x')).toMatchObject({ stderr: 'pgrep: invalid user name: nosuchuser\n', code: 2 });
    expect(await t.run("pgrep 'ba(sh'")).toMatchObject({ stderr: 'pgrep: regex error: Unmatched ( or \\(\n', code: 2 });
    expect(await t.run('pgrep -Z x')).toMatchObject({ stderr: `pgrep: invalid option -- 'Z'\n${PGREP_USAGE}`, code: 2 });
    expect(await t.run('pgrep --help')).toMatchObject({ stdout: PGREP_USAGE, code: 0 });
  });

  it('signals what it matches, as root or the owner only', async () => {
    const { t, pids, signals } = await node('candidate');
    expect(await t.run('pkill kubelet')).toMatchObject({ stderr: `pkill: killing pid ${pids.kubelet} failed: Operation not permitted\n`, code: 1 });
    expect(await t.run('pkill -e -HUP sleep')).toMatchObject({ stdout: `sleep killed (pid ${pids.sleeper})\n`, code: 0 });
    expect(await t.run('sudo pkill -9 -x kubelet')).toMatchObject({ code: 0 });
    expect(await t.run('sudo pkill --signal=SIGUSR1 -f kube-apiserver')).toMatchObject({ code: 0 });
    expect(signals).toEqual([[pids.sleeper, 1], [pids.kubelet, 9], [pids.apiserver, 10]]);
    expect(await t.run('pkill nothing')).toMatchObject({ code: 1 });
  });

  it('pidof prints the pids of named programs, newest first', async () => {
    const { t, pids } = await node();
    expect((await t.run('pidof kubelet containerd')).stdout).toBe(`${pids.kubelet} ${pids.containerd}\n`);
    expect(await t.run('pidof nothing')).toMatchObject({ stdout: '', code: 1 });
  });

  it('kill -l prints bash’s signal table', async () => {
    const { t } = await node();
    expect((await t.run('kill -l')).stdout).toBe(readFileSync(new URL('../../../host/testdata/bash-kill-l.txt', import.meta.url), 'utf8'));
    expect((await t.run('kill -l 9; kill -l TERM; kill -l 137')).stdout).toBe('KILL\n15\nKILL\n');
    expect(await t.run('kill -l 300')).toMatchObject({ stderr: 'bash: kill: 300: invalid signal specification\n', code: 1 });
  });
});
