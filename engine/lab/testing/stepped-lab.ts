import type { EngineEvent } from '../../protocol/api.ts';
import { Lab } from '../lab.ts';

/**
 * steppedLab boots a lab on stepped simulated time, as `kubelab shell --json`
 * drives it (test-only), and answers run, which types one line into its first
 * terminal and returns what the terminal printed.
 */
export async function steppedLab(o: { seed?: number; lab?: string } = {}) {
  const out: string[] = [];
  const engine = new Lab({ emit: (e: EngineEvent) => void (e.type === 'output' && out.push(e.data)), yieldToHost: () => new Promise<void>((r) => setImmediate(r)), mode: 'stepped' });
  const s = (await engine.boot({ seed: o.seed ?? 1, ...(o.lab ? { lab: o.lab } : {}) })).sessions[0]!.id;
  const run = async (line: string, typeAhead?: () => string | undefined) => {
    out.length = 0;
    const r = await engine.submit(s, line, typeAhead);
    return { text: out.join(''), exit: r.kind === 'done' ? r.exit : -1 };
  };
  return { engine, session: s, run };
}
