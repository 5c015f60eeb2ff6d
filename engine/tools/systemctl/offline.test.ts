import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../base/runtime.ts';
import { createHost } from '../../host/image.ts';
import { installUnitFile } from '../../host/systemd/install.ts';
import { runOn, systemdLab } from '../../host/systemd/testing/lab.ts';
import { runSystemctl } from './program.ts';

interface Rec { args: string[]; root?: boolean; same: boolean; note?: string; stdout: string; stderr: string; code: number }
const REC: Rec[] = JSON.parse(readFileSync(new URL('./testdata/offline.json', import.meta.url), 'utf8'));

describe('systemctl texts recorded from the real systemctl', () => {
  it('matches argument errors, unit-file answers and the no-systemd message', async () => {
    const lab = systemdLab();
    installUnitFile(lab.host.fs, '/lib/systemd/system/static.service', '[Service]\nExecStart=/bin/true\n');
    const runtime = new Runtime({ start: 0, seed: 1 });
    const bare = { runtime, host: createHost({ name: 'terminal', ip: '192.168.1.2', clock: runtime.clock }) };
    for (const r of REC.filter((x) => x.same)) {
      const where = r.note?.includes('without systemd') ? bare : lab;
      const got = await runOn(where, runSystemctl, ['systemctl', ...r.args]);
      expect({ args: r.args, stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ args: r.args, stdout: r.stdout, stderr: r.stderr, code: r.code });
    }
  });
});
