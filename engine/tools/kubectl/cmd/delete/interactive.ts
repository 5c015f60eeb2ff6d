import { readLine } from '../../../../host/streams.ts';
import type { RunContext } from '../../cli/command.ts';

/**
 * confirmDeletion is `kubectl delete -i`: it lists what would go and reads
 * one answer from stdin; only "y" goes ahead (an empty or closed input is a no).
 */
export async function confirmDeletion(c: RunContext, names: string[]): Promise<boolean> {
  c.out(`You are about to delete the following ${names.length} resource(s):\n${names.map((n) => `${n}\n`).join('')}Do you want to continue? (y/n): `);
  return (await readLine(c.proc.stdin)).trim().toLowerCase() === 'y';
}
