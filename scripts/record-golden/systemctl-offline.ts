/**
 * Records the texts systemctl prints without talking to a running manager,
 * into engine/tools/systemctl/testdata/offline.json: argument errors, the
 * message of a machine whose PID 1 is not systemd (the lab's terminal host),
 * and the unit-file answers of `systemctl --root=DIR` (enable, is-enabled).
 * The recording machine has systemd 252; the lab follows Ubuntu 22.04's 249,
 * so each case says whether 249 prints the same ("same": true) — the test
 * replays only those. --root paths are shown without the temporary prefix.
 *   node --import tsx scripts/record-golden/systemctl-offline.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', '..', 'engine/tools/systemctl/testdata/offline.json');
const root = mkdtempSync(join(tmpdir(), 'systemctl-root-'));
mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
mkdirSync(join(root, 'lib/systemd/system'), { recursive: true });
writeFileSync(join(root, 'lib/systemd/system/static.service'), '[Service]\nExecStart=/bin/true\n');

const cases: Array<{ args: string[]; root?: boolean; same: boolean; note?: string }> = [
  { args: ['badverb'], same: true },
  { args: ['--foo', 'status'], same: true },
  { args: ['start'], same: true },
  { args: ['-n', 'x', 'status'], same: true },
  { args: ['status', 'kubelet'], same: true, note: 'a machine without systemd as PID 1' },
  { args: ['is-enabled', 'nope'], root: true, same: true },
  { args: ['is-enabled', 'static'], root: true, same: true },
  { args: ['enable', 'static'], root: true, same: true },
];
const recs = cases.map((c) => {
  const argv = c.root ? [`--root=${root}`, ...c.args] : c.args;
  const r = spawnSync('systemctl', argv, { env: { ...process.env, SYSTEMD_PAGER: '', LC_ALL: 'C.UTF-8' } });
  const clean = (s: string) => s.replaceAll(root, '');
  return { ...c, stdout: clean(r.stdout.toString()), stderr: clean(r.stderr.toString()), code: r.status ?? 1 };
});
writeFileSync(out, JSON.stringify(recs, null, 2) + '\n');
rmSync(root, { recursive: true, force: true });
console.log(`recorded ${out} (${recs.length} cases)`);
