import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { manifestsOf } from '../create/create.ts';

/** Target is one request kubectl get makes: a list of a type, or one named object. */
export interface Target {
  res: ApiResource;
  namespace: string | undefined;
  name?: string;
}

/**
 * targetsFor turns get's arguments (or -f files) into requests, in kubectl's
 * order: per type, then per name. multiType tells whether names print with
 * their kind ("pod/web") because more than one type was asked for.
 */
export async function targetsFor(c: RunContext): Promise<{ targets: Target[]; multiType: boolean; named: boolean }> {
  const allNs = c.flag<boolean>('all-namespaces');
  const ns = c.f.namespace();
  const files = c.flag<string[]>('filename') ?? [];
  if (files.length > 0 || c.flag<string>('kustomize')) {
    if (c.args.length > 0) throw new UsageError(`Unexpected args: [${c.args.join(' ')}]`, 'help');
    const manifests = await manifestsOf(c);
    const targets: Target[] = [];
    for (const m of manifests) {
      const obj: KObject = m.obj;
      const res = c.f.discovery().byKind(obj.apiVersion, obj.kind);
      if (!res) throw new Error(`resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
      targets.push({ res, namespace: res.namespaced ? (obj.metadata?.namespace ?? ns) : undefined, name: obj.metadata?.name });
    }
    return { targets, multiType: new Set(targets.map((t) => t.res)).size > 1, named: true };
  }
  const selections = parseResourceArgs(c.args, c.f.discovery());
  const targets: Target[] = [];
  for (const sel of selections) {
    const namespace = sel.res.namespaced ? (allNs && sel.names.length === 0 ? undefined : ns) : undefined;
    if (sel.names.length === 0) targets.push({ res: sel.res, namespace });
    else for (const name of sel.names) targets.push({ res: sel.res, namespace, name });
  }
  const multiType = selections.length > 1 || selections.some((s) => s.typed.toLowerCase() === 'all') || c.flag<boolean>('show-kind');
  return { targets, multiType, named: selections.some((s) => s.names.length > 0) };
}
