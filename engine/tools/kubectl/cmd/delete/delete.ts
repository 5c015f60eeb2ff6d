import { isStatusError } from '../../../../base/errors.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { errorText } from '../../errors.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { readManifests } from '../../resource/manifests.ts';

async function run(c: RunContext): Promise<number> {
  const client = c.f.client();
  const d = c.f.discovery();
  const ns = c.f.namespace();
  const files = c.flag<string[]>('filename');
  const selector = c.flag<string>('selector');
  const all = c.flag<boolean>('all');
  const allNs = c.flag<boolean>('all-namespaces');
  const force = c.flag<boolean>('force');
  const ignoreNotFound = c.flag<boolean>('ignore-not-found');
  let grace = c.flag<number>('grace-period');
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) c.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const opts = grace >= 0 ? { gracePeriodSeconds: grace, propagationPolicy: 'Background' } : { propagationPolicy: 'Background' };
  const targets: { res: ReturnType<typeof d.resolve>; namespace: string | undefined; name: string }[] = [];
  if (files.length) {
    for (const m of await readManifests(c.f, files, c.flag<boolean>('recursive'))) {
      const res = d.byKind(m.obj.apiVersion, m.obj.kind);
      if (!res) continue;
      targets.push({ res, namespace: res.namespaced ? (m.obj.metadata.namespace ?? ns) : undefined, name: m.obj.metadata.name ?? '' });
    }
  } else {
    if (c.args.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'', 'none');
    for (const sel of parseResourceArgs(c.args, d)) {
      const namespace = sel.res.namespaced ? (allNs ? undefined : ns) : undefined;
      if (sel.names.length) {
        for (const name of sel.names) targets.push({ res: sel.res, namespace, name });
      } else {
        if (!all && !selector) throw new UsageError('resource(s) were provided, but no name was specified', 'none');
        const list = client.list(sel.res, namespace, { labelSelector: selector || undefined });
        for (const o of list.items) targets.push({ res: sel.res, namespace: o.metadata.namespace, name: o.metadata.name ?? '' });
      }
    }
    if (targets.length === 0) {
      // delete reports an empty selection on stdout, without the namespace (unlike get)
      c.out('No resources found\n');
      return 0;
    }
  }
  let failed = 0;
  for (const t of targets) {
    try {
      client.delete(t.res, t.namespace, t.name, opts);
      const kind = t.res.group ? `${t.res.kind.toLowerCase()}.${t.res.group}` : t.res.kind.toLowerCase();
      c.out(`${kind} "${t.name}" deleted\n`);
    } catch (e) {
      // --ignore-not-found drops what is already gone, silently (the builder ignores NotFound).
      if (ignoreNotFound && isStatusError(e) && e.status.reason === 'NotFound') continue;
      failed++;
      c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** deleteCommand is `kubectl delete`. */
export const deleteCommand: CommandDef = {
  name: 'delete',
  group: 'Basic Commands (Intermediate)',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'containing the resource to delete.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  ],
  run,
};
