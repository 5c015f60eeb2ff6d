import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../registry.ts';
import { offlineKubectl } from './offline.ts';
import { helpAs134 } from '../../testing/kubectl-134.ts';

const help = JSON.parse(readFileSync(new URL('./testdata/help.json', import.meta.url), 'utf8')) as Record<string, string>;
interface Case { argv: string[]; stdout: string; stderr: string; code: number; truncated?: number }
const cases = JSON.parse(readFileSync(new URL('./testdata/cases.json', import.meta.url), 'utf8')) as Case[];

/** implemented tells whether this kubectl has the command an argv starts with (the goldens cover some still to come). */
const implemented = (argv: string[]) => argv.length === 0 || argv[0]!.startsWith('-') || (ROOT.subcommands ?? []).some((c) => c.name === argv[0]);

describe('kubectl help texts (recorded from kubectl 1.33)', () => {
  for (const [path, text] of Object.entries(help)) {
    const argv = path ? path.split(' ') : [];
    if (path === 'options' || !implemented(argv)) continue;
    it(`kubectl ${path} --help`, async () => {
      const r = await offlineKubectl().run([...argv, '--help']);
      expect(r.stdout).toBe(helpAs134(path, text));
      expect(r.code).toBe(0);
    });
  }
});

describe('kubectl root behaviour (recorded from kubectl 1.33)', () => {
  for (const want of cases) {
    if (!implemented(want.argv) && !['gett', 'confg', 'xyz'].includes(want.argv[0]!)) continue;
    it(`kubectl ${want.argv.join(' ')}`, async () => {
      const r = await offlineKubectl().run(want.argv, { KUBECONFIG: '/nonexistent/kubeconfig' });
      if (want.truncated) {
        // Only kubectl's header is reproduced: compare up to the "-*- shell-script -*-" line.
        const lines = want.stdout.split('\n');
        const end = lines.findIndex((l) => l.includes('-*- shell-script -*-')) + 1;
        expect(end).toBeGreaterThan(0);
        expect(r.stdout.split('\n').slice(0, end)).toEqual(lines.slice(0, end));
      } else expect(r.stdout).toBe(want.stdout);
      expect(r.stderr).toBe(want.stderr);
      expect(r.code).toBe(want.code);
    });
  }
});
