import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { readManifests } from '../../resource/manifests.ts';
import { mappingError } from './create.ts';
import { listSelected } from '../../resource/list-error.ts';

/** Target is one object a command acts on, with its resource. */
export interface Target {
  res: ApiResource;
  obj: KObject;
  /** source is the file it came from (-f), for messages */
  source?: string;
}

/** apiVersionOf is "group/version" or "version". */
export function apiVersionOf(res: ApiResource): string {
  return res.group ? `${res.group}/${res.version}` : res.version;
}

/**
 * resolveTargets is resource.Builder for the writing commands: objects named
 * by TYPE NAME…, TYPE/NAME…, TYPE with -l/--all, or -f files (read from the
 * server unless local). Objects carry kind and apiVersion.
 */
export async function resolveTargets(c: RunContext, resourceArgs: string[], opts: { local?: boolean; allowAll?: boolean } = {}): Promise<Target[]> {
  const files = c.flags.values.has('filename') ? c.flag<string[]>('filename') : [];
  const selector = c.flags.values.has('selector') ? c.flag<string>('selector') : '';
  const all = c.flags.values.has('all') ? c.flag<boolean>('all') : false;
  const fieldSelector = c.flags.values.has('field-selector') ? c.flag<string>('field-selector') : '';
  const allNs = c.flags.values.has('all-namespaces') ? c.flag<boolean>('all-namespaces') : false;
  const ns = c.f.namespace();
  const out: Target[] = [];
  if (files.length) {
    const disc = opts.local ? undefined : c.f.discovery();
    for (const m of await readManifests(c.f, files, c.flags.values.has('recursive') ? c.flag<boolean>('recursive') : false)) {
      if (opts.local || !disc) {
        out.push({ res: { group: '', version: '', plural: '', namespaced: true, kind: m.obj.kind ?? '', singular: '', shortNames: [], categories: [], verbs: [], preferred: true }, obj: m.obj, source: m.source });
        continue;
      }
      const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
      if (!res) throw mappingError(m);
      const live = c.f.client().get(res, res.namespaced ? (m.obj.metadata?.namespace ?? ns) : undefined, m.obj.metadata?.name ?? '');
      out.push({ res, obj: { ...live, kind: res.kind, apiVersion: apiVersionOf(res) }, source: m.source });
    }
    return out;
  }
  const disc = c.f.discovery();
  for (const sel of parseResourceArgs(resourceArgs, disc)) {
    const where = sel.res.namespaced && !allNs ? ns : undefined;
    if (sel.names.length === 0) {
      if (!selector && !all && !fieldSelector && !opts.allowAll) throw new UsageError(`resource(s) were provided, but no name was specified`, 'none');
      const query = { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined };
      const list = listSelected(() => c.f.client().list(sel.res, where, query), sel.res, query);
      for (const item of list.items) out.push({ res: sel.res, obj: { ...item, kind: sel.res.kind, apiVersion: apiVersionOf(sel.res) } });
      continue;
    }
    for (const n of sel.names) {
      const live = c.f.client().get(sel.res, where, n);
      out.push({ res: sel.res, obj: { ...live, kind: sel.res.kind, apiVersion: apiVersionOf(sel.res) } });
    }
  }
  return out;
}
