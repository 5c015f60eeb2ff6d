/** One measured figure of `npm run bench`. */
export interface BenchResult {
  /** name says what was measured, for example "kubectl get pods -A at 5,000 pods (p99)". */
  name: string;
  value: number;
  unit: 'ms' | 'MiB' | 'kB' | 'fps' | 'ops/s';
  /** aim is the target from the issues, for example "< 5 ms"; absent when there is none. */
  aim?: { op: '<' | '>'; value: number };
  /** baseline is the same figure for something we compare against, measured in the same run. */
  baseline?: { name: string; value: number };
  /** baselineFor names another result (measured elsewhere in the run) that this one is the baseline of. */
  baselineFor?: string;
  /** note explains a skipped or partial measurement. */
  note?: string;
}

/** A Bench measures one area; bench/run.ts runs every Bench in bench/registry.ts. */
export interface Bench {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** percentile returns the p-th percentile (0..100) of samples (sorted copy, nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx]!;
}
