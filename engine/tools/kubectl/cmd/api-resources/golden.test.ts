import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGolden, seededHarness } from '../get/testdata/golden.ts';

const golden = parseGolden(readFileSync(new URL('./testdata/api-resources.json', import.meta.url), 'utf8'));

describe('kubectl api-resources and api-versions (recorded from kubectl 1.33)', () => {
  const k = seededHarness(golden.t0);
  for (const c of golden.cases) {
    it(`kubectl ${c.args.join(' ')}`, async () => {
      const r = await k.run(c.args);
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});
