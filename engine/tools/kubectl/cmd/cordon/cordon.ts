import type { KObject } from '../../../../api/types.ts';
import { R } from '../../../../client/refs.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { withDiscovery } from '../root/discovery-failure.ts';
import { dryRun, dryRunSuffix } from '../create/common.ts';
import { cordonHelp, uncordonHelp } from './texts.ts';

/** selectNodes gets the nodes a cordon/uncordon/drain names: NODE arguments (kubectl 1.33 takes several) or a -l selector. */
export function selectNodes(c: RunContext, verb: string): KObject[] {
  const selector = c.flag<string>('selector');
  if (c.args.length === 0 && !selector) throw new UsageError(`USAGE: ${verb} NODE [flags]`);
  withDiscovery(c, 4, () => c.f.discovery().resolve('nodes'));
  const client = c.f.client();
  // every named node is read before any is changed: one that cannot be read changes nothing
  if (c.args.length > 0) return c.args.map((a) => namedNode(c, a));
  return client.list(R.nodes, undefined, { labelSelector: selector }).items;
}

/**
 * namedNode reads the NODE argument as kubectl's builder does (ResourceNames("nodes", arg)):
 * a plain name, or TYPE/NAME of any type, which is read and then refused unless it is a node.
 */
export function namedNode(c: RunContext, arg: string): KObject {
  const slash = arg.indexOf('/');
  if (slash < 0) return c.f.client().get(R.nodes, undefined, arg);
  const res = c.f.discovery().resolve(arg.slice(0, slash));
  const obj = c.f.client().get(res, res.namespaced ? c.f.namespace() : undefined, arg.slice(slash + 1));
  if (res.group !== '' || res.plural !== 'nodes') throw new Error(`expected resource of type node, got "${res.group}/${res.version}, Resource=${res.plural}"`);
  return obj;
}

/** setUnschedulable cordons (true) or uncordons (false) one node, printing kubectl's line. */
export function setUnschedulable(c: RunContext, node: KObject, desired: boolean): void {
  const dry = dryRun(c);
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
