import { UsageError, type RunContext } from '../../cli/command.ts';

/** DryRun is kubectl's --dry-run strategy. */
export type DryRun = 'none' | 'client' | 'server';

/** dryRunOf reads --dry-run with kubectl's texts for a bad value. */
export function dryRunOf(c: RunContext): DryRun {
  const v = c.flag<string>('dry-run') ?? 'none';
  if (v === 'none' || v === 'client' || v === 'server') return v;
  if (v === 'unchanged' || v === '') return 'client';
  if (v === 'true') return 'client';
  if (v === 'false') return 'none';
  throw new UsageError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`, 'none');
}

/** dryRunSuffix is what kubectl appends to a result line in dry-run mode. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}
