import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offlineKubectl } from '../root/offline.ts';

interface Result { argv: string[]; stdout: string; stderr: string; code: number }
interface Scenario { name: string; files: Record<string, string | null>; results: Result[]; after: Record<string, string | null> }

const scenarios = JSON.parse(readFileSync(new URL('./testdata/config.json', import.meta.url), 'utf8')) as Scenario[];

// Go prints clusters and users from a map here, in no fixed order: compare their lines as sets.
const unordered = (argv: string[]) => argv[1] === 'get-clusters' || argv[1] === 'get-users';
const lines = (s: string) => s.split('\n').sort();

describe('kubectl config (recorded from kubectl 1.33)', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const k = offlineKubectl();
      const dir = `/root/${s.name}`;
      k.host.fs.mkdir(dir, { recursive: true });
      for (const [f, text] of Object.entries(s.files)) if (text !== null) k.host.fs.writeFile(`${dir}/${f}`, text);
      const env = { KUBECONFIG: Object.keys(s.files).map((f) => `${dir}/${f}`).join(':') };
      for (const want of s.results) {
        const got = await k.run(want.argv, env);
        const label = want.argv.join(' ');
        if (unordered(want.argv)) expect(lines(got.stdout), label).toEqual(lines(want.stdout));
        else expect(got.stdout, label).toBe(want.stdout);
        expect(got.stderr, label).toBe(want.stderr);
        expect(got.code, label).toBe(want.code);
      }
      for (const [f, text] of Object.entries(s.after)) {
        const path = `${dir}/${f}`;
        expect(k.host.fs.exists(path) ? k.host.fs.readFile(path) : null, `file ${f}`).toBe(text);
      }
    });
  }
});

describe('kubectl config --kubeconfig', () => {
  it('treats a missing explicit file as empty and creates it on the first write', async () => {
    const empty = scenarios.find((s) => s.name === 'empty')!;
    const k = offlineKubectl();
    const view = await k.run(['config', 'view', '--kubeconfig', '/root/new.yaml']);
    expect(view.stdout).toBe(empty.results.find((r) => r.argv[1] === 'view')!.stdout);
    expect((await k.run(['config', 'set-context', 'a', '--cluster=b', '--kubeconfig', '/root/new.yaml'])).stdout).toBe('Context "a" created.\n');
    expect(k.host.fs.readFile('/root/new.yaml')).toBe(empty.after['config']);
    expect(k.host.fs.exists('/root/.kube/config')).toBe(false);
  });
});
