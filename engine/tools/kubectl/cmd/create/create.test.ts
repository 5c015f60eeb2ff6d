import { describe, expect, it } from 'vitest';
import { goldenHarness, loadGoldens, normalizeKlog, normalizeUids } from './testing/goldens.ts';
import { withoutNullCreationTimestamp } from '../../testing/kubectl-134.ts';

const g = loadGoldens();

/** as134 is what kubectl 1.34 adds to a 1.33 recording: pflag's notice for --cpu-percent, deprecated for --cpu. */
function as134(argv: string[], stderr: string): string {
  const notice = "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n";
  return argv[0] === 'autoscale' && argv.some((a) => a.startsWith('--cpu-percent')) ? notice + stderr : stderr;
}

describe('kubectl create generators match the real kubectl', () => {
  const k = goldenHarness(g);
  for (const c of g.cases.filter((x) => ['create', 'run', 'expose', 'autoscale', 'kustomize', 'apply'].includes(x.argv[0]!))) {
    it(c.argv.join(' '), async () => {
      const r = await k.run(c.argv);
      expect({ stdout: normalizeUids(r.stdout), stderr: normalizeKlog(r.stderr), code: r.code }).toEqual({ stdout: normalizeUids(withoutNullCreationTimestamp(c.stdout)), stderr: as134(c.argv, c.stderr), code: c.code });
    });
  }
});
