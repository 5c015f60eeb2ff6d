import { describe, expect, it } from 'vitest';
import { advance, flush, systemdLab } from './testing/lab.ts';
import { installUnitFile } from './install.ts';

const CRASHER = `[Unit]
Description=crasher: a daemon that fails
Documentation=https://example.com/docs

[Service]
ExecStart=/usr/bin/crasher
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

describe('Systemd', () => {
  it('restarts a crashing service every RestartSec and writes the journal lines of systemd 249', async () => {
    const { runtime, host, sd, journalText } = systemdLab();
    installUnitFile(host.fs, '/lib/systemd/system/crasher.service', CRASHER);
    expect(sd.start('crasher')).toEqual({ ok: true });
    await flush();
    expect(sd.runtime('crasher').active).toBe('activating');
    expect(sd.runtime('crasher').sub).toBe('auto-restart');
    await advance(runtime, 25_000);
    const pid1 = sd.runtime('crasher').lastMain!.pid;
    expect(journalText('crasher.service')).toBe(
      [
        'Jan 05 09:00:00 controlplane systemd[1]: Started crasher: a daemon that fails.',
        `Jan 05 09:00:00 controlplane crasher[${pid1 - 2}]: E0105 crasher.go:1] failed to run: open /etc/crasher.conf: no such file or directory`,
        'Jan 05 09:00:00 controlplane systemd[1]: crasher.service: Main process exited, code=exited, status=1/FAILURE',
        "Jan 05 09:00:00 controlplane systemd[1]: crasher.service: Failed with result 'exit-code'.",
        'Jan 05 09:00:10 controlplane systemd[1]: crasher.service: Scheduled restart job, restart counter is at 1.',
        'Jan 05 09:00:10 controlplane systemd[1]: Stopped crasher: a daemon that fails.',
        'Jan 05 09:00:10 controlplane systemd[1]: Started crasher: a daemon that fails.',
        `Jan 05 09:00:10 controlplane crasher[${pid1 - 1}]: E0105 crasher.go:1] failed to run: open /etc/crasher.conf: no such file or directory`,
        'Jan 05 09:00:10 controlplane systemd[1]: crasher.service: Main process exited, code=exited, status=1/FAILURE',
        "Jan 05 09:00:10 controlplane systemd[1]: crasher.service: Failed with result 'exit-code'.",
        'Jan 05 09:00:20 controlplane systemd[1]: crasher.service: Scheduled restart job, restart counter is at 2.',
        'Jan 05 09:00:20 controlplane systemd[1]: Stopped crasher: a daemon that fails.',
        'Jan 05 09:00:20 controlplane systemd[1]: Started crasher: a daemon that fails.',
        `Jan 05 09:00:20 controlplane crasher[${pid1}]: E0105 crasher.go:1] failed to run: open /etc/crasher.conf: no such file or directory`,
        'Jan 05 09:00:20 controlplane systemd[1]: crasher.service: Main process exited, code=exited, status=1/FAILURE',
        "Jan 05 09:00:20 controlplane systemd[1]: crasher.service: Failed with result 'exit-code'.",
        '',
      ].join('\n'),
    );
    expect(sd.runtime('crasher').nRestarts).toBe(2);
    // stop during auto-restart cancels the pending restart
    sd.stop('crasher');
    await advance(runtime, 60_000);
    expect(sd.activeState('crasher')).toBe('inactive');
    expect(journalText('crasher.service').trimEnd().split('\n').pop()).toBe('Jan 05 09:00:25 controlplane systemd[1]: Stopped crasher: a daemon that fails.');
  });

  it('expands $VAR from Environment= and EnvironmentFile= with the drop-in ExecStart= reset', async () => {
    const { host, sd } = systemdLab();
    installUnitFile(host.fs, '/lib/systemd/system/sleeper.service', '[Unit]\nDescription=sleeper\n[Service]\nExecStart=/usr/bin/sleeper\nRestart=always\n');
    installUnitFile(host.fs, '/usr/lib/systemd/system/sleeper.service.d/10-args.conf',
      '[Service]\nEnvironment="A_ARGS=--a=1 --b=2"\nEnvironmentFile=-/var/lib/sleeper/flags.env\nEnvironmentFile=-/etc/default/none\nExecStart=\nExecStart=/usr/bin/sleeper $A_ARGS $B_ARGS ${A_ARGS}x\n');
    host.fs.mkdir('/var/lib/sleeper', { recursive: true });
    host.fs.writeFile('/var/lib/sleeper/flags.env', 'B_ARGS="--node-ip=10.0.0.1 --v=2"\n');
    sd.start('sleeper');
    await flush();
    const rt = sd.runtime('sleeper');
    expect(rt.mainArgv).toEqual(['/usr/bin/sleeper', '--a=1', '--b=2', '--node-ip=10.0.0.1', '--v=2', '--a=1 --b=2x']);
    expect(host.procs.get(rt.mainPid!)!.command).toBe('/usr/bin/sleeper --a=1 --b=2 --node-ip=10.0.0.1 --v=2 --a=1 --b=2x');
    expect(rt.unit.dropIns).toEqual(['/usr/lib/systemd/system/sleeper.service.d/10-args.conf']);
  });

  it('stops with SIGTERM and logs Stopping/Deactivated/Stopped/Consumed; kill -9 leads to a restart', async () => {
    const { runtime, host, sd, journalText } = systemdLab();
    installUnitFile(host.fs, '/lib/systemd/system/sleeper.service', '[Unit]\nDescription=Sleeper Daemon\n[Service]\nExecStart=/usr/bin/sleeper\nRestart=always\nRestartSec=5\n');
    sd.start('sleeper.service');
    await advance(runtime, 60_000);
    const pid = sd.runtime('sleeper').mainPid!;
    host.procs.signal(pid, 9);
    await flush();
    expect(sd.runtime('sleeper').sub).toBe('auto-restart');
    await advance(runtime, 5_000);
    expect(sd.isActive('sleeper')).toBe(true);
    expect(sd.runtime('sleeper').mainPid).not.toBe(pid);
    expect(host.procs.get(pid)).toBeUndefined();
    sd.stop('sleeper');
    await flush();
    const lines = journalText('sleeper.service').trimEnd().split('\n').map((l) => l.replace(/^\w+ \d+ [\d:]+ controlplane /, ''));
    expect(lines).toEqual([
      'systemd[1]: Started Sleeper Daemon.',
      `sleeper[${pid}]: sleeper started as /usr/bin/sleeper`,
      'systemd[1]: sleeper.service: Main process exited, code=killed, status=9/KILL',
      "systemd[1]: sleeper.service: Failed with result 'signal'.",
      'systemd[1]: sleeper.service: Scheduled restart job, restart counter is at 1.',
      'systemd[1]: Stopped Sleeper Daemon.',
      'systemd[1]: Started Sleeper Daemon.',
      `sleeper[${pid + 1}]: sleeper started as /usr/bin/sleeper`,
      'systemd[1]: Stopping Sleeper Daemon...',
      'systemd[1]: sleeper.service: Deactivated successfully.',
      'systemd[1]: Stopped Sleeper Daemon.',
      'systemd[1]: sleeper.service: Consumed 44ms CPU time.',
    ]);
  });

  it('fails with 203/EXEC when the binary is missing, and hits the start limit without StartLimitInterval=0', async () => {
    const { runtime, host, sd, journalText } = systemdLab();
    installUnitFile(host.fs, '/etc/systemd/system/gone.service', '[Service]\nExecStart=/usr/bin/gone\nRestart=on-failure\n');
    sd.start('gone');
    await advance(runtime, 5_000);
    expect(sd.activeState('gone')).toBe('failed');
    expect(sd.runtime('gone').result).toBe('start-limit-hit');
    const text = journalText('gone.service');
    expect(text).toContain('systemd[');
    expect(text).toMatch(/gone\.service: Failed to locate executable \/usr\/bin\/gone: No such file or directory\n/);
    expect(text).toContain('gone.service: Main process exited, code=exited, status=203/EXEC');
    expect(text).toContain('gone.service: Scheduled restart job, restart counter is at 5.');
    expect(text).toContain('gone.service: Start request repeated too quickly.');
    expect(text.trimEnd().split('\n').pop()).toMatch(/systemd\[1\]: Failed to start gone.service.$/);
  });

  it('notices unit files changed on disk until daemon-reload', () => {
    const { host, sd } = systemdLab();
    installUnitFile(host.fs, '/lib/systemd/system/sleeper.service', '[Service]\nExecStart=/usr/bin/sleeper\n');
    sd.runtime('sleeper');
    expect(sd.needsReload('sleeper')).toBe(false);
    installUnitFile(host.fs, '/etc/systemd/system/sleeper.service.d/override.conf', '[Service]\nEnvironment=X=1\n');
    expect(sd.needsReload('sleeper')).toBe(true);
    sd.daemonReload();
    expect(sd.needsReload('sleeper')).toBe(false);
    expect(sd.runtime('sleeper').unit.config.environment).toEqual([['X', '1']]);
  });

  it('boots enabled units and reports state changes', async () => {
    const { host, sd } = systemdLab();
    installUnitFile(host.fs, '/lib/systemd/system/sleeper.service', '[Service]\nExecStart=/usr/bin/sleeper\n[Install]\nWantedBy=multi-user.target\n');
    const r = sd.enable('sleeper');
    expect(r.changes).toEqual([{ kind: 'created', link: '/etc/systemd/system/multi-user.target.wants/sleeper.service', target: '/lib/systemd/system/sleeper.service' }]);
    expect(sd.enableState('sleeper')).toBe('enabled');
    const seen: string[] = [];
    sd.onStateChange((c) => seen.push(`${c.unit} ${c.active}/${c.sub}`));
    sd.boot();
    await flush();
    expect(seen).toEqual(['sleeper.service active/running']);
    expect(sd.disable('sleeper').changes).toEqual([{ kind: 'removed', link: '/etc/systemd/system/multi-user.target.wants/sleeper.service' }]);
    expect(sd.enableState('sleeper')).toBe('disabled');
  });
});
