import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jqProgram } from './program.ts';
import { runTool } from './testing/run.ts';

interface Case {
  args: string[];
  stdin: string;
  files?: Record<string, string>;
}
interface Rec {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const dir = new URL('./testdata/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as { cases: Case[] };
const golden = JSON.parse(readFileSync(new URL('golden.json', dir), 'utf8')) as Rec[];

// golden.json was recorded from the real jq 1.6 by testdata/record.mjs.
describe('jq against recordings of jq 1.6', () => {
  it('has a recording for every case', () => {
    expect(golden.map((g) => g.args)).toEqual(cases.map((c) => c.args));
  });

  it.each(cases.map((c, i) => [c.args.slice(1).join(' ').slice(0, 120), c, golden[i]!] as const))('%s', async (_name, c, rec) => {
    const r = await runTool(jqProgram, c.args, { stdin: c.stdin, files: c.files, env: { HOME: '/root', PATH: '/usr/bin:/bin' } });
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: rec.stdout, stderr: rec.stderr, code: rec.code });
  });
});
