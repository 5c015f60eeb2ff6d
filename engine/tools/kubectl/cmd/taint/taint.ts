import type { KObject } from '../../../../api/types.ts';
import { R } from '../../../../client/refs.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { withDiscovery } from '../root/discovery-failure.ts';
import { dryRunOf } from '../cordon/dry-run.ts';
import { isTaintArg, parseTaints, reorganize, type Taint } from './parse.ts';
import { taintHelp } from './texts.ts';

async function run(c: RunContext): Promise<number> {
  const all = c.flag<boolean>('all');
  const selector = c.flag<string>('selector');
  const resources: string[] = [];
  const specs: string[] = [];
  for (const a of c.args) (isTaintArg(a) && (resources.length > 0 || all || selector) ? specs : resources).push(a);
  if (resources.length < 1 && !all && !selector) throw new UsageError('one or more resources must be specified as <resource> <name>', 'none');
  if (specs.length < 1) throw new UsageError('at least one taint update is required', 'none');
  let add: Taint[];
  let remove: Taint[];
  try {
    ({ add, remove } = parseTaints(specs));
  } catch (e) {
    throw new UsageError((e as Error).message, 'help');
  }
  const dry = dryRunOf(c);
  const overwrite = c.flag<boolean>('overwrite');
  // Resource arguments: "node NAME…", "nodes NAME…" or "node/NAME".
  const names: string[] = [];
  let typed = '';
  for (const r of resources) {
    if (r.includes('/')) {
      const [t, n] = r.split('/') as [string, string];
      typed = t;
      names.push(n);
    } else if (!typed) typed = r;
    else names.push(r);
  }
  if (typed) {
    const res = withDiscovery(c, 2, () => c.f.discovery().resolve(typed));
    if (res.plural !== 'nodes') throw new UsageError(`invalid resource type ${typed}, only node types are supported`, 'none');
  } else withDiscovery(c, 2, () => c.f.discovery().resolve('nodes'));
  const client = c.f.client();
  let nodes: KObject[];
  if (names.length) nodes = names.map((n) => client.get(R.nodes, undefined, n));
  else if (all || selector) nodes = client.list(R.nodes, undefined, selector ? { labelSelector: selector } : {}).items;
  else throw new UsageError(`resource(s) were provided, but no name was specified`, 'none');
  const output = c.flag<string>('output');
  for (const node of nodes) {
    const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
    if (!overwrite) {
      const clash = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (clash.length) throw new UsageError(`node ${node.metadata.name} already has ${clash.join(',')} taint(s) with same effect(s) and --overwrite is false`, 'none');
    }
    const { op, taints, errors } = reorganize(old, add, remove, overwrite);
    if (errors.length) throw new UsageError(errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`, 'none');
    let result: KObject = { ...node, spec: { ...(node.spec ?? {}), taints } };
    if (dry !== 'client') {
      result = client.patch(R.nodes, undefined, node.metadata.name!, 'strategic', { spec: { taints: taints.length ? taints : null } }, { dryRun: dry === 'server', fieldManager: c.flag<string>('field-manager') });
    }
    if (output === 'yaml') c.out(printYaml(result));
    else if (output === 'json') c.out(printJson(result, true));
    else if (output === 'name') c.out(`node/${node.metadata.name}\n`);
    // kubectl taint never marks its line as a dry run (its printer is not completed with the dry-run suffix).
    else c.out(`node/${node.metadata.name} ${op}\n`);
  }
  return 0;
}

/** taintCommand is `kubectl taint`. */
export const taintCommand: CommandDef = { name: 'taint', group: 'Cluster Management Commands', ...taintHelp, run };
