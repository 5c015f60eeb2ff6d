#!/usr/bin/env node
// Records golden.json from the real jq 1.6 (/usr/bin/jq, Debian's 1.6-2.1):
// every case of cases.json is run in a scratch directory holding its files,
// with its stdin and a fixed environment; stdout, stderr and the exit code
// are kept. Run: node engine/tools/jq/testdata/record.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const jq = process.env.JQ ?? '/usr/bin/jq';
const version = spawnSync(jq, ['--version'], { encoding: 'utf8' }).stdout.trim();
if (version !== 'jq-1.6') throw new Error(`want jq-1.6, found ${version}`);
const { cases } = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8'));
const out = [];
for (const c of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'jq-golden-'));
  for (const [name, text] of Object.entries(c.files ?? {})) writeFileSync(join(dir, name), text);
  const r = spawnSync(jq, c.args.slice(1), { argv0: c.args[0], cwd: dir, input: c.stdin, encoding: 'utf8', env: { HOME: '/root', PATH: '/usr/bin:/bin' }, timeout: 10_000 });
  rmSync(dir, { recursive: true, force: true });
  out.push({ args: c.args, stdout: r.stdout, stderr: r.stderr, code: r.status });
}
writeFileSync(join(here, 'golden.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`recorded ${out.length} cases from ${version}`);
