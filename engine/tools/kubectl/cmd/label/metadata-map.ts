import { deepEqual } from '../../../../base/deep.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { CHANGE_CAUSE, recording } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, printResult } from '../create/common.ts';
import { aggregateError } from '../create/aggregate.ts';
import { resolveTargets } from '../create/targets.ts';

/**
 * `kubectl label` and `kubectl annotate` share their shape: resources first,
 * then key=value and key- pairs, applied to metadata.labels or
 * metadata.annotations with a JSON merge patch.
 */

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** splitResourcesAndPairs is cmdutil.GetResourcesAndPairs. */
export function splitResourcesAndPairs(args: string[], what: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const a of args) {
    const isPair = a.includes('=') || a.endsWith('-');
    if (isPair) {
      foundPair = true;
      pairs.push(a);
    } else {
      if (foundPair) throw new UsageError(`all resources must be specified before ${what} changes: ${a}`);
      resources.push(a);
    }
  }
  return { resources, pairs };
}

interface Pairs {
  add: Record<string, string>;
  remove: string[];
}

function parseLabelPairs(pairs: string[]): Pairs {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      if (parts.length !== 2) throw new WrappedError(`invalid label spec: ${p}`);
      if (!LABEL_VALUE.test(parts[1]!) || parts[1]!.length > 63) {
        const errs = [];
        if (parts[1]!.length > 63) errs.push('must be no more than 63 characters');
        if (!LABEL_VALUE.test(parts[1]!)) errs.push(LABEL_VALUE_MSG);
        throw new WrappedError(`invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}`);
      }
      add[parts[0]!] = parts[1]!;
    } else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else throw new WrappedError(`unknown label spec: ${p}`);
  }
  for (const r of remove) if (r in add) throw new WrappedError('can not both modify and remove a label in the same command');
  return { add, remove };
}

function parseAnnotationPairs(pairs: string[]): Pairs {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const i = p.indexOf('=');
      if (i === 0) throw new WrappedError(`invalid annotation format: ${p}`);
      add[p.slice(0, i)] = p.slice(i + 1);
    } else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else throw new WrappedError(`invalid annotation format: ${p}`);
  }
  const both = remove.filter((r) => r in add);
  if (both.length) throw new WrappedError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { add, remove };
}

/** runMetadataMap runs label (field "labels") or annotate (field "annotations"). */
export async function runMetadataMap(c: RunContext, field: 'labels' | 'annotations'): Promise<number> {
  const what = field === 'labels' ? 'label' : 'annotation';
  const { resources, pairs } = splitResourcesAndPairs(c.args, what);
  const list = c.flag<boolean>('list');
  const out = c.flags.values.has('output') ? c.flag<string>('output') : '';
  if (list && out) throw new WrappedError('--list and --output may not be specified together');
  const all = c.flag<boolean>('all');
  if (all && c.flag<string>('selector')) throw new WrappedError('cannot set --all and --selector at the same time');
  if (all && c.flags.values.has('field-selector') && c.flag<string>('field-selector')) throw new WrappedError('cannot set --all and --field-selector at the same time');
  const local = c.flag<boolean>('local');
  const d = dryRun(c);
  const files = c.flag<string[]>('filename');
  if (local) {
    if (d === 'server') throw new WrappedError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length) throw new WrappedError(`can only use local files by -f ${field === 'labels' ? 'pod.yaml or --filename=pod.json' : 'rsrc.yaml or --filename=rsrc.json'} when --local=true is set`);
    if (!files.length) throw new WrappedError(`one or more files must be specified as -f ${field === 'labels' ? 'pod.yaml or --filename=pod.json' : 'rsrc.yaml or --filename=rsrc.json'}`);
  } else if (!resources.length && !files.length) {
    throw new WrappedError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (!pairs.length && !list) throw new WrappedError(`at least one ${what} update is required`);
  const parsed = field === 'labels' ? parseLabelPairs(pairs) : parseAnnotationPairs(pairs);
  checkOutput(c);
  const overwrite = c.flag<boolean>('overwrite');
  const rv = c.flag<string>('resource-version');
  const targets = await resolveTargets(c, resources, { local, allowAll: true });
  if (rv && targets.length > 1) throw new WrappedError('--resource-version may only be used with a single resource');
  const errors: string[] = [];
  for (const t of targets) {
    const cur: Record<string, string> = { ...((t.obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
    if (list) {
      const entries = Object.entries(cur).sort(([a], [b]) => (a < b ? -1 : 1));
      const one = targets.length === 1;
      if (!one) c.out(`Listing ${field} for ${t.obj.kind}.${t.res.group}/${t.obj.metadata.name}:\n`);
      for (const [k, v] of entries) c.out(`${one ? '' : ' '}${k}=${v}\n`);
      continue;
    }
    if (!overwrite) {
      const conflicts = Object.entries(parsed.add).filter(([k, v]) => k in cur && cur[k] !== v && k !== 'kubernetes.io/change-cause');
      if (conflicts.length) {
        if (field === 'labels') {
          errors.push(...conflicts.map(([k]) => `'${k}' already has a value (${cur[k]}), and --overwrite is false`));
          continue;
        }
        throw new WrappedError(`--overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${cur[k]})`).join('; ')}`);
      }
    }
    if (!local && d !== 'client' && field === 'labels') for (const r of parsed.remove) if (!(r in cur)) c.out(`label ${JSON.stringify(r)} not found.\n`);
    const server = !local && d !== 'client';
    // --record (not on a client dry run): annotate writes the command line before the user's pairs, which may
    // override it; label (1.33) writes it beside the labels, so it counts in the labeled/unlabeled length test
    const cause = server && recording(c) ? c.changeCause() : undefined;
    const next: Record<string, string> = { ...cur, ...(cause !== undefined && field === 'annotations' ? { [CHANGE_CAUSE]: cause } : {}), ...parsed.add };
    for (const r of parsed.remove) delete next[r];
    const labelCause = cause !== undefined && field === 'labels' && t.obj.metadata.annotations?.[CHANGE_CAUSE] !== cause ? cause : undefined;
    const before = JSON.stringify(t.obj);
    const meta = { ...t.obj.metadata, [field]: Object.keys(next).length ? next : undefined };
    if (!meta[field]) delete meta[field];
    if (labelCause !== undefined) meta.annotations = { ...(t.obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: labelCause };
    if (rv) meta.resourceVersion = rv;
    const updated: KObject = { ...t.obj, metadata: meta };
    const after = JSON.stringify(updated);
    let msg = field === 'labels' ? 'not labeled' : 'annotated';
    if (field === 'labels' && before !== after) msg = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
    let shown = updated;
    if (server) {
      const patchMap: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(next)) if (cur[k] !== v) patchMap[k] = v;
      for (const k of Object.keys(cur)) if (!(k in next)) patchMap[k] = null;
      const patch: Record<string, unknown> = { metadata: { [field]: patchMap } };
      if (labelCause !== undefined) (patch.metadata as Record<string, unknown>).annotations = { [CHANGE_CAUSE]: labelCause };
      const equal = deepEqual(cur, next) && !rv && labelCause === undefined;
      if (rv) (patch.metadata as Record<string, unknown>).resourceVersion = rv;
      shown = equal
        ? t.obj
        : c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'merge', patch, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') });
    }
    printResult(c, out ? shown : updated, msg, d, { fromServer: !local && d !== 'client' });
  }
  if (errors.length) throw aggregateError(errors);
  return 0;
}
