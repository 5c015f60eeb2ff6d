import { describe, expect, it } from 'vitest';
import { containerdDefaultConfig } from '../../host/packages/containerd-config.ts';
import { runOn, systemdLab } from '../../host/systemd/testing/lab.ts';
import { containerdProgram } from './containerd-program.ts';

describe('containerd config', () => {
  it('prints the default configuration the install guide pipes into /etc/containerd/config.toml', async () => {
    const lab = systemdLab();
    const r = await runOn(lab, containerdProgram, ['containerd', 'config', 'default']);
    expect({ stdout: r.stdout, code: r.code }).toEqual({ stdout: containerdDefaultConfig(), code: 0 });
    expect((await runOn(lab, containerdProgram, ['containerd', 'config'])).stdout).toContain('COMMANDS:\n   default  See the output of the default config\n');
  });

  it('rejects an unknown subcommand as urfave/cli does', async () => {
    const lab = systemdLab();
    const bad = await runOn(lab, containerdProgram, ['containerd', 'config', 'nope']);
    expect({ stderr: bad.stderr, code: bad.code }).toEqual({ stderr: "No help topic for 'nope'\n", code: 3 });
  });
});
