import type { Inspection } from '../../../engine/protocol/api.ts';

type Verdict = NonNullable<Inspection['scheduling']>[number];

/**
 * schedulingMatrix arranges the scheduler's recorded verdicts as a table:
 * filters down (in the order the scheduler ran them), nodes across. A filter
 * that never ran for a node (an earlier one already failed it) has no cell.
 */
export function schedulingMatrix(verdicts: Verdict[]): { plugins: string[]; nodes: string[]; cell(plugin: string, node: string): Verdict | undefined } {
  const plugins: string[] = [];
  const nodes: string[] = [];
  const cells = new Map<string, Verdict>();
  for (const v of verdicts) {
    if (!plugins.includes(v.plugin)) plugins.push(v.plugin);
    if (!nodes.includes(v.node)) nodes.push(v.node);
    cells.set(`${v.plugin}\u0000${v.node}`, v);
  }
  return { plugins, nodes, cell: (p, n) => cells.get(`${p}\u0000${n}`) };
}
