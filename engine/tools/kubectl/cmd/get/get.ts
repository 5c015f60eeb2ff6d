import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { pathFor } from '../../../../client/client.ts';
import { ExitError, UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { errorText, klogError } from '../../errors.ts';
import { SortError } from '../../printers/sort.ts';
import { parseOutput, OutputError, type OutputSpec } from '../../printers/output.ts';
import type { ServerTable } from '../../printers/table.ts';
import { GET_HELP } from './help.ts';
import { GET_FLAGS } from './flags.ts';
import { printObjects } from './objects.ts';
import { printTables, type FetchedTable } from './tables.ts';
import { targetsFor, type Target } from './targets.ts';
import { runRaw } from './raw.ts';
import { runWatch } from './watch.ts';
import { enhanceListError } from '../../resource/list-error.ts';
import { logStatus } from '../../cli/verbose.ts';
import { listInChunks } from '../../resource/chunks.ts';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** withTypeMeta fills apiVersion and kind on list items (the server leaves them out). */
export function withTypeMeta(o: KObject, t: Target): KObject {
  return { ...o, apiVersion: o.apiVersion ?? (t.res.group ? `${t.res.group}/${t.res.version}` : t.res.version), kind: o.kind ?? t.res.kind };
}

async function runGet(c: RunContext): Promise<number> {
  if (c.changed('raw')) return runRaw(c);
  let spec: OutputSpec;
  try {
    spec = parseOutput(c.flag<string>('output'), c.flag<string>('template'), c.flag<boolean>('allow-missing-template-keys'), (p) => c.f.proc.fs.readFile(c.f.abs(p)));
  } catch (e) {
    if (e instanceof OutputError || e instanceof Error) throw new UsageError(e.message, 'none');
    throw e;
  }
  if (c.args.length === 0 && (c.flag<string[]>('filename') ?? []).length === 0 && !c.flag<string>('kustomize')) {
    c.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new UsageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
  }
  const { targets, multiType, named } = await targetsFor(c);
  if (c.flag<boolean>('watch') || c.flag<boolean>('watch-only')) return runWatch(c, spec, targets, multiType);
  const query: Record<string, string> = {};
  if (c.flag<string>('selector')) query.labelSelector = c.flag<string>('selector');
  if (c.flag<string>('field-selector')) query.fieldSelector = c.flag<string>('field-selector');
  const client = c.f.client();
  const ignoreNotFound = c.flag<boolean>('ignore-not-found');
  // kubectl gathers every answer first and reports what failed after printing the rest (the builder continues on error)
  const failures: unknown[] = [];
  const fail = (e: unknown, t: Target) => {
    if (ignoreNotFound && isStatusError(e) && e.status.reason === 'NotFound') return;
    if (c.f.globals.verbosity >= 6 && isStatusError(e)) logStatus(c.proc, e.status as unknown as Record<string, unknown>);
    failures.push(t.name ? e : enhanceListError(e, t.res, query));
  };
  // --sort-by needs the whole list at once: kubectl asks for it in one piece
  const chunkSize = c.flag<string>('sort-by') ? 0 : c.flag<number>('chunk-size');
  let printed = false;
  if (spec.kind === 'table') {
    const fetched: FetchedTable[] = [];
    const tq = c.flag<string>('sort-by') ? { ...query, includeObject: 'Object' } : query;
    for (const t of targets) {
      try {
        if (t.name) {
          const table = client.call<ServerTable>({ method: 'GET', path: pathFor(t.res, t.namespace, t.name), query: c.flag<string>('sort-by') ? { includeObject: 'Object' } : {}, headers: { accept: TABLE_ACCEPT } });
          fetched.push({ target: t, table });
        } else {
          const pages = listInChunks(chunkSize, (q) => client.call<ServerTable>({ method: 'GET', path: pathFor(t.res, t.namespace), query: { ...tq, ...q }, headers: { accept: TABLE_ACCEPT } }));
          for (const table of pages) fetched.push({ target: t, table });
        }
      } catch (e) {
        fail(e, t);
      }
    }
    printed = printTables(c, fetched, spec.wide, multiType);
  } else {
    const objs: { target: Target; obj: KObject }[] = [];
    for (const t of targets) {
      try {
        if (t.name) objs.push({ target: t, obj: withTypeMeta(client.get(t.res, t.namespace, t.name), t) });
        else {
          const pages = listInChunks(chunkSize, (q) => client.call<{ items: KObject[]; metadata?: { continue?: string } }>({ method: 'GET', path: pathFor(t.res, t.namespace), query: { ...query, ...q } }));
          for (const list of pages) for (const o of list.items) objs.push({ target: t, obj: withTypeMeta(o, t) });
        }
      } catch (e) {
        fail(e, t);
      }
    }
    const single = targets.length === 1 && !!targets[0]!.name;
    printed = printObjects(c, spec, objs, single, named);
  }
  const errors = failures.length;
  for (const e of failures) c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
  if (!printed && errors === 0 && !named) {
    const anyNamespaced = targets.some((t) => t.res.namespaced);
    const allNs = c.flag<boolean>('all-namespaces');
    c.err(anyNamespaced && !allNs ? `No resources found in ${c.f.namespace()} namespace.\n` : 'No resources found\n');
  }
  return errors ? 1 : 0;
}

/** run is `kubectl get`, ending as kubectl does on a --sort-by value it cannot compare: klog's F line, then exit 1. */
async function run(c: RunContext): Promise<number> {
  try {
    return await runGet(c);
  } catch (e) {
    if (!(e instanceof SortError)) throw e;
    c.err(`F${klogError(c.proc.sys.runtime.now, 1000 + (c.proc.argv.length % 97), e.where, e.message).slice(1)}\n`);
    throw new ExitError(1);
  }
}

/** getCommand is `kubectl get`. */
export const getCommand: CommandDef = { ...GET_HELP, name: 'get', group: 'Basic Commands (Intermediate)', flags: GET_FLAGS, run };
