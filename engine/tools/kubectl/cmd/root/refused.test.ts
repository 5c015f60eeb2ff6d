import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../registry.ts';
import { kubectlHarness } from '../../testing/harness.ts';

// Transcripts of the real kubectl 1.33 when nothing listens on the apiserver's port (klog's date, time and pid masked).
const transcript = readFileSync(new URL('./testdata/refused.txt', import.meta.url), 'utf8');
const MINE = ['logs', 'auth', 'exec', 'drain', 'taint', 'cordon', 'explain'];

interface Case { argv: string[]; stderr: string; code: number }
const cases: Case[] = transcript
  .split(/^== /m)
  .filter(Boolean)
  .map((block) => {
    const [head, ...rest] = block.split('\n');
    const exit = rest.findIndex((l) => l.startsWith('exit='));
    return { argv: head!.split(' ').slice(1), stderr: rest.slice(0, exit).map((l) => `${l}\n`).join(''), code: Number(rest[exit]!.slice(5)) };
  })
  .filter((c) => MINE.includes(c.argv[0]!));

/** normalize hides what changes between runs in klog lines: date, time and pid. */
const normalize = (s: string) => s.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E<MMDD> <time> <pid> ');

describe('kubectl when the apiserver refuses connections', () => {
  it('has transcripts for these commands', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const c of cases) expect(ROOT.subcommands!.some((s) => s.name === c.argv[0])).toBe(true);
  });
  for (const want of cases) {
    it(`kubectl ${want.argv.join(' ')}`, async () => {
      const k = kubectlHarness();
      k.host.fs.writeFile(
        '/root/.kube/config',
        'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://127.0.0.1:6443\n    insecure-skip-tls-verify: true\n  name: k\ncontexts:\n- context:\n    cluster: k\n    user: u\n  name: k\ncurrent-context: k\nusers:\n- name: u\n  user:\n    token: admin\n',
      );
      const r = await k.run(want.argv);
      expect(normalize(r.stderr)).toBe(want.stderr);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(want.code);
    });
  }
});
