import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestLab, TestTerminal } from '../../shell/testing/lab.ts';
import { buildFixture, runScript, type Fixture, type Outcome } from '../../shell/testing/golden.ts';

const dir = new URL('./testdata/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as { cases: Array<{ name: string; script: string; stdin?: string }> };
const golden = JSON.parse(readFileSync(new URL('golden.json', dir), 'utf8')) as Record<string, Outcome>;
const fixture = JSON.parse(readFileSync(new URL('fixture.json', dir), 'utf8')) as Fixture;

// Each case was recorded from the real GNU tools by scripts/record-golden/shell.mjs.
describe('coreutils against recorded GNU tools', () => {
  let t: TestTerminal;
  beforeAll(async () => {
    t = await TestTerminal.open(createTestLab(), { user: 'root' });
  });

  it.each(cases.map((c) => [c.name, c.script, c.stdin] as const))('%s', async (name, script, stdin) => {
    buildFixture(t.lab.host('controlplane'), fixture);
    const got = await runScript(t, fixture, script, stdin);
    expect(got).toEqual(golden[name]);
  });
});
