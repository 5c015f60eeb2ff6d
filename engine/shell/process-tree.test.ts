import { describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from './testing/lab.ts';

async function term() {
  return TestTerminal.open(createTestLab(), { user: 'candidate', host: 'controlplane' });
}

/** row finds the `ps -ef` line whose command starts with cmd: [uid, pid, ppid]. */
function row(psEf: string, cmd: string): [string, number, number] | undefined {
  for (const l of psEf.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+\d+ \d\d:\d\d \S+\s+\d\d:\d\d:\d\d (.*)$/.exec(l);
    if (m && m[4]!.startsWith(cmd)) return [m[1]!, Number(m[2]), Number(m[3])];
  }
  return undefined;
}

describe('the process table as ps shows it', () => {
  it('puts an ssh login under that host’s sshd ([priv], then user@pts), and removes them at logout', async () => {
    const t = await term();
    await t.run('ssh node01');
    const ps = (await t.run('ps -ef')).stdout;
    const listener = row(ps, 'sshd: /usr/sbin/sshd')!;
    const priv = row(ps, 'sshd: candidate [priv]')!;
    const session = row(ps, 'sshd: candidate@pts/0')!;
    const shell = row(ps, '-bash')!;
    expect(priv[0]).toBe('root');
    expect(priv[2]).toBe(listener[1]);
    expect(session[0]).toBe('candida+');
    expect(session[2]).toBe(priv[1]);
    expect(shell[2]).toBe(session[1]);
    expect((await t.run('echo $PPID')).stdout).toBe(`${session[1]}\n`);
    await t.run('exit');
    await t.run('ssh node01');
    const again = (await t.run('ps -ef')).stdout;
    expect(again.split('\n').filter((l) => l.includes('[priv]'))).toHaveLength(1);
    // ssh to the machine one is on is a new sshd session too; sudo -i is not
    await t.run('sudo -i');
    await t.run('ssh node01');
    expect((await t.run('ps -ef')).stdout.split('\n').filter((l) => l.includes('[priv]')).map((l) => l.replace(/ .*sshd/, ' sshd'))).toEqual(['root sshd: candidate [priv]', 'root sshd: root [priv]']);
  });

  it('lists every stage of a pipeline: `ps aux | grep x` finds the grep too', async () => {
    const t = await term();
    const r = await t.run('ps aux | grep zzz-marker');
    expect(r.stdout).toMatch(/ grep (--color=auto )?\S*zzz-marker\S*\n$/);
    expect((await t.run('ps -ef | tail -1')).stdout).toMatch(/ tail -1\n$/);
  });
});
