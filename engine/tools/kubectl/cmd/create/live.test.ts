import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenHarness, normalizeKlog, type GoldenCase } from './testing/goldens.ts';

const g = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata', 'live.json'), 'utf8')) as {
  files: Record<string, string>;
  setup: { path: string; body: Record<string, unknown> }[];
  cases: GoldenCase[];
};

describe('writing commands replayed in order match the real kubectl', () => {
  const k = goldenHarness(g);
  for (const c of g.cases) {
    it(c.argv.join(' '), async () => {
      const r = await k.run(c.argv);
      // Go prints a map in random order: --list output is compared line for line, unordered
      if (c.argv.includes('--list')) {
        expect(r.stdout.split('\n').sort()).toEqual(c.stdout.split('\n').sort());
        return;
      }
      expect({ stdout: r.stdout, stderr: normalizeKlog(r.stderr), code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});
