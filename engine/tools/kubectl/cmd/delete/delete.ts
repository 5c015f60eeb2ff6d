import { isStatusError } from '../../../../base/errors.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { parseDuration } from '../../cli/flags.ts';
import type { ApiResource } from '../../discovery.ts';
import { errorText } from '../../errors.ts';
import { nameOf } from '../../printers/objects.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { commandFromHelp } from '../create/help.ts';
import { dryRun, type DryRun } from '../create/common.ts';
import { manifestsOf, sourceError } from '../create/create.ts';
import { runRaw } from '../get/raw.ts';
import { waitOne } from '../wait/wait.ts';
import { cascadeOf } from './cascade.ts';
import { confirmDeletion } from './interactive.ts';
import { deletedLine } from './deleted-line.ts';
import { listSelected } from '../../resource/list-error.ts';

/** Target is one object the command deletes, with where it was named (a file, for messages). */
interface Target {
  res: ApiResource;
  namespace: string | undefined;
  name: string;
  source?: string;
}

/** A week: what kubectl waits for when --timeout is 0 ("wait forever"). */
const FOREVER_MS = 168 * 3600_000;

/**
 * gracePeriodOf is DeleteOptions.Complete: --now is a grace period of 1,
 * --grace-period=0 without --force is turned into 1 (to avoid accidental
 * data loss), --force alone means 0.
 */
function gracePeriodOf(c: RunContext): number {
  let grace = c.flag<number>('grace-period');
  const force = c.flag<boolean>('force');
  if (c.flag<boolean>('now')) {
    if (grace !== -1) throw new Error('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace;
}

/** targetsOf is the resource builder of kubectl delete: -f/-k objects, or TYPE NAME…, TYPE/NAME…, TYPE with -l, --field-selector or --all. */
async function targetsOf(c: RunContext): Promise<Target[]> {
  const d = c.f.discovery();
  const ns = c.f.namespace();
  const selector = c.flag<string>('selector');
  const fieldSelector = c.flag<string>('field-selector');
  const all = c.flag<boolean>('all');
  const allNs = c.flag<boolean>('all-namespaces');
  const fromFiles = c.flag<string[]>('filename').length > 0 || !!c.flag<string>('kustomize');
  if (fromFiles) {
    if (c.args.length) throw new UsageError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well', 'none');
    const out: Target[] = [];
    for (const m of await manifestsOf(c)) {
      const res = d.byKind(m.obj.apiVersion, m.obj.kind);
      if (!res) continue;
      out.push({ res, namespace: res.namespaced ? (m.obj.metadata.namespace ?? ns) : undefined, name: m.obj.metadata.name ?? '', source: m.source });
    }
    return out;
  }
  if (c.args.length === 0) {
    throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  }
  if (all && (selector || fieldSelector)) throw new UsageError("setting 'all' parameter but found a non empty selector. ", 'none');
  const out: Target[] = [];
  for (const sel of parseResourceArgs(c.args, d)) {
    const namespace = sel.res.namespaced ? (allNs ? undefined : ns) : undefined;
    if (sel.names.length) {
      if (all) throw new UsageError('selectors and the all flag cannot be used when passing resource/name arguments', 'none');
      if (selector || fieldSelector) throw new UsageError('name cannot be provided when a selector is specified', 'none');
      for (const name of sel.names) out.push({ res: sel.res, namespace, name });
      continue;
    }
    if (!all && !selector && !fieldSelector) throw new UsageError('resource(s) were provided, but no name was specified', 'none');
    const opts = { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined };
    const list = listSelected(() => c.f.client().list(sel.res, namespace, opts), sel.res, opts);
    for (const o of list.items) out.push({ res: sel.res, namespace: o.metadata.namespace, name: o.metadata.name ?? '' });
  }
  return out;
}

/** printDeleted is DeleteOptions.PrintObj: the deletion line, or resource/name with -o name. */
function printDeleted(c: RunContext, t: Target, grace: number, d: DryRun, output: string): void {
  if (output === 'name') {
    c.out(`${nameOf(t.res.kind, t.res.group, t.name)}\n`);
    return;
  }
  c.out(deletedLine(t.res, t.name, t.namespace, grace, d));
}

async function run(c: RunContext): Promise<number> {
  const cascade = cascadeOf(c);
  const grace = gracePeriodOf(c);
  const d = dryRun(c);
  if (c.changed('raw')) return runRaw(c, 'DELETE');
  const targets = await targetsOf(c);
  const output = c.flag<string>('output');
  if (output && output !== 'name') throw new Error(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const force = c.flag<boolean>('force');
  if (force && grace === 0) c.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  if (force && grace > 0) throw new Error('--force and --grace-period greater than 0 cannot be specified together');
  if (c.flag<boolean>('interactive') && !(await confirmDeletion(c, targets.map((t) => nameOf(t.res.kind, t.res.group, t.name))))) {
    c.out('deletion is cancelled\n');
    return 0;
  }
  // --all, -l and --field-selector ignore what is already gone unless --ignore-not-found says otherwise.
  const selecting = c.flag<boolean>('all') || !!c.flag<string>('selector') || !!c.flag<string>('field-selector');
  const ignoreNotFound = c.changed('ignore-not-found') ? c.flag<boolean>('ignore-not-found') : selecting;
  // Only -n makes kubectl warn about cluster-scoped objects (a context's namespace does not).
  let warnClusterScope = c.f.namespaceExplicit() && !c.flag<boolean>('all-namespaces');
  const client = c.f.client();
  const deleted: { target: Target; uid?: string }[] = [];
  let found = 0;
  let failed = 0;
  for (const t of targets) {
    found++;
    if (warnClusterScope && !t.res.namespaced) {
      c.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (d === 'client') {
      printDeleted(c, t, grace, d, output);
      continue;
    }
    try {
      const answer = client.delete(t.res, t.namespace, t.name, { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), propagationPolicy: cascade, dryRun: d === 'server' }) as
        | { metadata?: { uid?: string }; details?: { uid?: string } }
        | undefined;
      printDeleted(c, t, grace, d, output);
      deleted.push({ target: t, uid: answer?.details?.uid ?? answer?.metadata?.uid });
    } catch (e) {
      // kubectl counted the object before deleting it: one already gone is passed over, not "No resources found"
      if (ignoreNotFound && isStatusError(e) && e.status.reason === 'NotFound') continue;
      failed++;
      const err = t.source ? sourceError('deleting', t.source, e) : e;
      c.err(`${errorText(err, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    }
  }
  if (found === 0 && failed === 0) {
    c.out('No resources found\n');
    return 0;
  }
  if (failed) return 1;
  if (!c.flag<boolean>('wait') || d !== 'none') return 0;
  // kubectl waits until every deleted object is gone (its finalizers and graceful termination done).
  const timeoutMs = parseDuration(c.flag<string>('timeout')) || FOREVER_MS;
  for (const { target, uid } of deleted) {
    const gone = await waitOne(c, { res: target.res, ns: target.namespace, name: target.name, uid }, { kind: 'delete' }, timeoutMs);
    if (!gone) {
      c.err(`error: timed out waiting for the condition on ${target.res.plural}/${target.name}\n`);
      return 1;
    }
  }
  return 0;
}

/** deleteCommand is `kubectl delete`. */
export const deleteCommand: CommandDef = commandFromHelp('delete', {
  group: 'Basic Commands (Intermediate)',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  tweaks: { cascade: { noOptDefault: 'background' } },
  run,
});
