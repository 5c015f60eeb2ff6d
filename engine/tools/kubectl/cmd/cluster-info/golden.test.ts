import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGolden, seededHarness } from '../get/testdata/golden.ts';

const golden = parseGolden(readFileSync(new URL('./testdata/cluster-info.json', import.meta.url), 'utf8'));

describe('kubectl cluster-info (recorded from kubectl 1.33)', () => {
  const k = seededHarness(golden.t0);
  for (const c of golden.cases) {
    it(`kubectl ${c.args.join(' ')}`, async () => {
      const r = await k.run(c.args);
      // the recording ran against a local server; the lab's kubeconfig names https://controlplane:6443
      const expected = c.stdout.split(golden.server!).join('https://controlplane:6443');
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: expected, stderr: c.stderr, code: c.code });
    });
  }

});
