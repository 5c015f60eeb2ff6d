import type { KObject } from '../../../../api/types.ts';
import { R } from '../../../../client/refs.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { withDiscovery } from '../root/discovery-failure.ts';
import { dryRunOf, dryRunSuffix } from './dry-run.ts';
import { cordonHelp, uncordonHelp } from './texts.ts';

/** selectNodes gets the nodes a cordon/uncordon/drain names: one NODE argument or a -l selector. */
export function selectNodes(c: RunContext, verb: string): KObject[] {
  const selector = c.flag<string>('selector');
  if (c.args.length === 0 && !selector) throw new UsageError(`USAGE: ${verb} NODE [flags]`);
  if (c.args.length > 1) throw new UsageError(`USAGE: ${verb} NODE [flags]`);
  withDiscovery(c, 4, () => c.f.discovery().resolve('nodes'));
  const client = c.f.client();
  if (c.args.length === 1) return [client.get(R.nodes, undefined, c.args[0]!)];
  return client.list(R.nodes, undefined, { labelSelector: selector }).items;
}

/** setUnschedulable cordons (true) or uncordons (false) one node, printing kubectl's line. */
export function setUnschedulable(c: RunContext, node: KObject, desired: boolean): void {
  const dry = dryRunOf(c);
  const word = desired ? 'cordoned' : 'uncordoned';
  const current = !!(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
  if (current === desired) {
    c.out(`node/${node.metadata.name} already ${word}${dryRunSuffix(dry)}\n`);
    return;
  }
  if (dry !== 'client') {
    c.f.client().patch(R.nodes, undefined, node.metadata.name!, 'strategic', { spec: { unschedulable: desired ? true : null } }, { dryRun: dry === 'server' });
  }
  c.out(`node/${node.metadata.name} ${word}${dryRunSuffix(dry)}\n`);
}

function runner(desired: boolean) {
  return async (c: RunContext): Promise<number> => {
    const verb = desired ? 'cordon' : 'uncordon';
    for (const n of selectNodes(c, verb)) setUnschedulable(c, n, desired);
    return 0;
  };
}

/** cordonCommand is `kubectl cordon`. */
export const cordonCommand: CommandDef = { name: 'cordon', group: 'Cluster Management Commands', ...cordonHelp, run: runner(true) };
/** uncordonCommand is `kubectl uncordon`. */
export const uncordonCommand: CommandDef = { name: 'uncordon', group: 'Cluster Management Commands', ...uncordonHelp, run: runner(false) };
