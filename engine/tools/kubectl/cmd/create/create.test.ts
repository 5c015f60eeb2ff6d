import { describe, expect, it } from 'vitest';
import { goldenHarness, loadGoldens, normalizeKlog, normalizeUids } from './testing/goldens.ts';

const g = loadGoldens();

describe('kubectl create generators match the real kubectl', () => {
  const k = goldenHarness(g);
  for (const c of g.cases.filter((x) => ['create', 'run', 'expose', 'autoscale', 'kustomize', 'apply'].includes(x.argv[0]!))) {
    it(c.argv.join(' '), async () => {
      const r = await k.run(c.argv);
      expect({ stdout: normalizeUids(r.stdout), stderr: normalizeKlog(r.stderr), code: r.code }).toEqual({ stdout: normalizeUids(c.stdout), stderr: c.stderr, code: c.code });
    });
  }
});
