import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from '../../../shell/testing/lab.ts';

/** node is controlplane with a few daemons in its process table, as a kubeadm node runs them. */
async function node() {
  const lab = createTestLab();
  const host = lab.host('controlplane');
  const pids = {
    kubelet: host.procs.spawn({ command: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml', user: 'root', uid: 0, rssKb: 90_000 }),
    apiserver: host.procs.spawn({ command: 'kube-apiserver --advertise-address=192.168.100.10', user: 'root', uid: 0, rssKb: 280_000 }),
  };
  const t = await TestTerminal.open(lab, { user: 'root' });
  return { t, pids };
}

describe('top', () => {
  it('prints a batch frame as procps-ng does: the summary, then the tasks by %CPU and PID', async () => {
    const { t, pids } = await node();
    const out = (await t.run('top -bn1')).stdout.split('\n');
    expect(out[0]).toMatch(/^top - \d\d:\d\d:\d\d up \d+ min, +\d+ users?, +load average: [\d.]+, [\d.]+, [\d.]+$/);
    expect(out[1]).toMatch(/^Tasks: +\d+ total, +1 running, +\d+ sleeping, +0 stopped, +0 zombie$/);
    expect(out[2]).toMatch(/^%Cpu\(s\): +[\d.]+ us, +[\d.]+ sy, +0\.0 ni, +[\d.]+ id, +0\.0 wa, +0\.0 hi, +0\.0 si, +0\.0 st$/);
    expect(out[3]).toBe('MiB Mem :   3921.3 total,   1681.0 free,    940.4 used,   1300.0 buff/cache');
    expect(out[4]).toBe('MiB Swap:      0.0 total,      0.0 free,      0.0 used.   2980.9 avail Mem ');
    expect(out[5]).toBe('');
    expect(out[6]).toBe('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
    expect(out[7]).toMatch(/^ {6}1 root {6}20 {3}0 +\d+ +\d+ +\d+ S {3}0\.0 +[\d.]+ +0:00\.00 systemd$/);
    expect(out.find((l) => l.endsWith(' kube-apiserver'))).toMatch(new RegExp(`^ +${pids.apiserver} root +20 +0 +\\d+ +280000 +\\d+ S +0\\.0 +7\\.0 +0:00\\.00 kube-apiserver$`));
    // top itself is the task running
    expect(out.find((l) => l.endsWith(' top'))).toMatch(/ R +0\.0 /);
  });

  it('selects, shows whole command lines, sorts by memory, and prints several frames a blank line apart', async () => {
    const { t, pids } = await node();
    const rows = (text: string) => text.split('\n').slice(7).filter((l) => l);
    expect(rows((await t.run(`top -bn1 -p ${pids.kubelet}`)).stdout)).toHaveLength(1);
    expect((await t.run(`top -bn1 -c -p ${pids.kubelet}`)).stdout).toMatch(/ \/usr\/bin\/kubelet --config=\/var\/lib\/kubelet\/config\.yaml\n$/);
    expect(rows((await t.run('top -bn1 -o %MEM')).stdout)[0]).toMatch(/ kube-apiserver$/);
    const two = (await t.run('top -b -n 2 -d 1 -p 1')).stdout;
    expect(two.match(/^top - /gm)).toHaveLength(2);
    expect(two).toMatch(/systemd\n\ntop - /);
  });

  it('needs a terminal without -b, and refuses bad numbers with its usage', async () => {
    const { t } = await node();
    expect(await t.run('top | cat; echo ${PIPESTATUS[0]}')).toMatchObject({ stdout: '1\n', stderr: 'top: failed tty get\n' });
    const bad = await t.run('top -bn x');
    expect(bad.stderr).toMatch(/^top: bad iterations argument 'x'\nUsage:\n/);
    expect(bad.code).toBe(1);
  });
});
