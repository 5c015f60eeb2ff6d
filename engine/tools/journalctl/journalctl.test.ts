import { describe, expect, it } from 'vitest';
import { installUnitFile } from '../../host/systemd/install.ts';
import { advance, runOn, systemdLab } from '../../host/systemd/testing/lab.ts';
import type { Process } from '../../host/process.ts';
import { runJournalctl } from './program.ts';
import { parseOptions } from './options.ts';
import { Collector, EMPTY_INPUT } from '../../host/streams.ts';
import { sysFor } from '../../host/systemd/testing/lab.ts';

const CRASHER = '[Unit]\nDescription=crasher\n[Service]\nExecStart=/usr/bin/crasher\nRestart=always\nRestartSec=10\nStartLimitIntervalSec=0\n';

async function crashLab() {
  const lab = systemdLab();
  installUnitFile(lab.host.fs, '/lib/systemd/system/crasher.service', CRASHER);
  lab.sd.start('crasher');
  await advance(lab.runtime, 25_000);
  const jc = (...argv: string[]) => runOn(lab, runJournalctl, ['journalctl', ...argv]);
  return { ...lab, jc };
}

describe('journalctl', () => {
  it('parses combined short options as getopt does (-xeu kubelet, -n20, -fu x)', () => {
    const o = parseOptions(['-xeu', 'kubelet', '-n20', '--since', '5 minutes ago']);
    expect(o).toMatchObject({ catalog: true, pagerEnd: true, units: ['kubelet'], lines: 20, since: '5 minutes ago' });
    expect(parseOptions(['-n', '5', '-fu', 'x'])).toMatchObject({ lines: 5, follow: true, units: ['x'] });
    expect(parseOptions(['--bogus'])).toEqual({ error: "journalctl: unrecognized option '--bogus'" });
    expect(parseOptions(['-p', 'loud'])).toEqual({ error: 'Unknown log level loud' });
  });

  it('prints the header, the unit lines and -- No entries --', async () => {
    const lab = await crashLab();
    const r = await lab.jc('-u', 'crasher', '-n', '3', '--no-pager');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('-- Journal begins at Mon 2026-01-05 09:00:00 UTC, ends at Mon 2026-01-05 09:00:20 UTC. --');
    expect(lines.slice(2)).toEqual([
      'Jan 05 09:00:20 controlplane systemd[1]: crasher.service: Main process exited, code=exited, status=1/FAILURE',
      "Jan 05 09:00:20 controlplane systemd[1]: crasher.service: Failed with result 'exit-code'.",
      '',
    ]);
    expect(lines[1]).toMatch(/^Jan 05 09:00:20 controlplane crasher\[\d+\]: E0105 crasher.go:1\] failed to run/);
    expect((await lab.jc('-u', 'nothing')).stdout).toBe('-- Journal begins at Mon 2026-01-05 09:00:00 UTC, ends at Mon 2026-01-05 09:00:20 UTC. --\n-- No entries --\n');
    expect((await lab.jc('-u', 'crasher', '-p', 'err', '-q')).stdout).toBe('');
    const since = await lab.jc('-u', 'crasher', '--since', '10 seconds ago', '-o', 'cat', '-p', 'notice');
    // -p notice keeps notice, warning and worse; --since drops the first two runs
    expect(since.stdout).toBe("crasher.service: Main process exited, code=exited, status=1/FAILURE\ncrasher.service: Failed with result 'exit-code'.\n");
  });

  it('explains systemd lines with -x from the catalog', async () => {
    const lab = await crashLab();
    const r = await lab.jc('-xu', 'crasher', '-n', '1', '-q');
    expect(r.stdout).toBe(
      "Jan 05 09:00:20 controlplane systemd[1]: crasher.service: Failed with result 'exit-code'.\n" +
        '░░ Subject: Unit failed\n░░ Defined-By: systemd\n░░ Support: http://www.ubuntu.com/support\n░░ \n' +
        "░░ The unit crasher.service has entered the 'failed' state with result 'exit-code'.\n",
    );
  });

  it('follows new entries until interrupted', async () => {
    const lab = await crashLab();
    const out = new Collector();
    let fire: () => void = () => {};
    const user = lab.host.user('root')!;
    const p: Process = {
      argv: ['journalctl', '-fu', 'crasher', '-n', '1'], env: {}, cwd: '/', hostname: 'controlplane', user, fs: lab.host.fs,
      stdin: EMPTY_INPUT, stdout: out, stderr: new Collector(), sys: sysFor(lab.runtime, lab.host),
      signal: { interrupted: false, onInterrupt: (cb) => ((fire = cb), () => {}) },
    };
    const done = runJournalctl(p);
    await advance(lab.runtime, 10_000);
    fire();
    expect(await done).toBe(130);
    const lines = out.text.trimEnd().split('\n');
    expect(lines[0]).toBe('-- Journal begins at Mon 2026-01-05 09:00:00 UTC. --');
    expect(lines.slice(2, 5)).toEqual([
      'Jan 05 09:00:30 controlplane systemd[1]: crasher.service: Scheduled restart job, restart counter is at 3.',
      'Jan 05 09:00:30 controlplane systemd[1]: Stopped crasher.',
      'Jan 05 09:00:30 controlplane systemd[1]: Started crasher.',
    ]);
  });
});
