import type { KObject } from '../../../../api/types.ts';
import { R } from '../../../../client/refs.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { withDiscovery } from '../root/discovery-failure.ts';
import { ResourceTypeError } from '../../discovery.ts';
import { PlainError } from '../../errors.ts';
import { namedNode } from '../cordon/cordon.ts';
import { dryRun } from '../create/common.ts';
import { isTaintArg, parseTaints, reorganize, type Taint } from './parse.ts';
import { taintHelp } from './texts.ts';

/**
 * run follows kubectl taint's Complete, Validate and RunTaint: resource words
 * come before the taints; the first word is the type (any name the RESTMapper
 * knows for Node — "node", "nodes", "no"), the others are node names, read
 * as the builder's ResourceNames("node", …) does.
 */
async function run(c: RunContext): Promise<number> {
  const all = c.flag<boolean>('all');
  const selector = c.flag<string>('selector');
  const dry = dryRun(c);
  const resources: string[] = [];
  const specs: string[] = [];
  for (const a of c.args) {
    if (isTaintArg(a)) specs.push(a);
    else if (specs.length) throw new Error(`all resources must be specified before taint changes: ${a}`);
    else resources.push(a);
  }
  if (resources.length < 1) throw new Error('one or more resources must be specified as <resource> <name>');
  if (specs.length < 1) throw new Error('at least one taint update is required');
  let add: Taint[];
  let remove: Taint[];
  try {
    ({ add, remove } = parseTaints(specs));
  } catch (e) {
    throw new UsageError((e as Error).message, 'help');
  }
  const overwrite = c.flag<boolean>('overwrite');
  // The type is looked up as explain reads a resource (what precedes a "." is the resource); an unknown one is the mapper's bare error.
  const typed = resources[0]!.toLowerCase();
  let kind: string;
  try {
    kind = withDiscovery(c, 2, () => c.f.discovery().resolve(typed.split('.')[0]!)).kind;
  } catch (e) {
    if (e instanceof ResourceTypeError) throw new PlainError(`the server doesn't have a resource type "${typed.split('.')[0]}"`);
    throw e;
  }
  if (kind !== 'Node') throw new Error(`invalid resource type ${typed}, only node types are supported`);
  const conflicts = add.flatMap((a) => remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect}`));
  if (conflicts.length) throw new Error(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  if (all && selector) throw new Error("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) throw new Error("at least one resource name must be specified since 'all' parameter is not set");
  const client = c.f.client();
  let nodes: KObject[];
  if (all || selector) nodes = client.list(R.nodes, undefined, selector ? { labelSelector: selector } : {}).items;
  else nodes = resources.slice(1).map((n) => namedNode(c, n));
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
