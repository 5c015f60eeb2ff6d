import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from './testing/lab.ts';
import { buildFixture, GOLDEN_ENV, runScript, type Fixture, type Outcome } from './testing/golden.ts';

const dir = new URL('./testdata/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('bash-cases.json', dir), 'utf8')) as { cases: Array<{ name: string; script: string }> };
const golden = JSON.parse(readFileSync(new URL('bash-golden.json', dir), 'utf8')) as Record<string, Outcome>;
const fixture = JSON.parse(readFileSync(new URL('fixture.json', dir), 'utf8')) as Fixture;

describe('shell against recorded bash', () => {
  let t: TestTerminal;
  beforeAll(async () => {
    t = await TestTerminal.open(createTestLab(), { user: 'root' });
  });

  it.each(cases.map((c) => [c.name, c.script] as const))('%s', async (name, script) => {
    buildFixture(t.lab.host('controlplane'), fixture);
    const got = await runScript(t, fixture, script);
    expect(got).toEqual(golden[name]);
  });

  // Where bash is installed, a few cases are also checked live, so the committed goldens cannot drift from it.
  it.runIf(existsSync('/bin/bash'))('the committed goldens still match the bash on this machine', () => {
    const sample = cases.filter((c) => ['echo-basic', 'param-strip', 'arith', 'brace', 'case'].includes(c.name));
    for (const c of sample) {
      const r = spawnSync('/bin/bash', ['-c', c.script], { argv0: 'bash', env: GOLDEN_ENV, encoding: 'utf8', cwd: '/' });
      expect(r.stdout).toBe(golden[c.name]!.stdout);
    }
  });
});
