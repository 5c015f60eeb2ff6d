import { examLab } from '../engine/cluster/labs/exam.ts';
import { Lab } from '../engine/lab/lab.ts';
import type { Bench, BenchResult } from './types.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

/** bootOnce boots a lab (the default one without text) and returns its boot time and saved-state size. */
async function bootOnce(text: string | undefined, seed: number): Promise<{ ms: number; kb: number }> {
  const lab = new Lab({ emit: () => {}, yieldToHost, mode: 'stepped' });
  const t0 = performance.now();
  await lab.boot({ lab: text, seed });
  const ms = performance.now() - t0;
  return { ms, kb: (await lab.saveState()).length / 1024 };
}

/**
 * examBench measures what a mock exam's lab costs against the default lab:
 * its boot (the exam boots once, when it starts) and the size of the state
 * saved after every command, for the usual exam (three clusters) and the
 * largest (six).
 */
export const examBench: Bench = {
  name: 'exam',
  async run(): Promise<BenchResult[]> {
    const labs: [string, string | undefined][] = [
      ['default lab (1 cluster, 3 machines)', undefined],
      ['exam lab, 3 clusters (7 machines)', examLab([{ workers: 2 }, { workers: 1 }, { workers: 1 }])],
      ['exam lab, 6 clusters (15 machines)', examLab([{ workers: 2 }, { workers: 2 }, { workers: 2 }, { workers: 1 }, { workers: 1 }, { workers: 1 }])],
    ];
    await bootOnce(undefined, 99); // warm the modules and the JIT
    const results: BenchResult[] = [];
    for (const [name, text] of labs) {
      const runs = [];
      for (let seed = 1; seed <= 3; seed++) runs.push(await bootOnce(text, seed));
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
      results.push({ name: `boot: ${name} (median of 3)`, value: ms, unit: 'ms' });
      results.push({ name: `saved state: ${name}`, value: runs[0]!.kb, unit: 'kB' });
    }
    return results;
  },
};
