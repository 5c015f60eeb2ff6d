import type { KObject } from '../../../../api/types.ts';
import { listInChunks } from '../../resource/chunks.ts';
import { pathFor } from '../../../../client/client.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { requestTimeoutMs } from '../../cli/request-timeout.ts';
import { nameOf, printJson, printYaml } from '../../printers/objects.ts';
import { runJsonPath, runTemplate, type OutputSpec } from '../../printers/output.ts';
import { headerRow, tableRows, type ServerTable, type TableOptions } from '../../printers/table.ts';
import { sortTableRows, TableSortError } from '../../printers/sort.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { kindPrefix } from './tables.ts';
import type { Target } from './targets.ts';
import { withTypeMeta } from './get.ts';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/**
 * runWatch is `kubectl get -w` / `--watch-only`: the current state (unless
 * watch-only), then one line per change, columns kept aligned with the lines
 * before (the tab writer remembers widths), until the user interrupts.
 */
export async function runWatch(c: RunContext, spec: OutputSpec, targets: Target[], multiType: boolean): Promise<number> {
  if (new Set(targets.map((t) => t.res)).size > 1) throw new UsageError('watch is only supported on individual resources and resource collections, but 2 resources were found', 'none');
  const sortBy = c.flag<string>('sort-by');
  if (sortBy) c.err(c.flag<boolean>('watch') ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n' : 'warning: --watch-only requested, --sort-by will be ignored\n');
  const t = targets[0]!;
  const names = targets.map((x) => x.name).filter((n): n is string => !!n);
  const query: Record<string, string> = {};
  if (c.flag<string>('selector')) query.labelSelector = c.flag<string>('selector');
  if (c.flag<string>('field-selector')) query.fieldSelector = c.flag<string>('field-selector');
  if (names.length === 1) query.fieldSelector = `metadata.name=${names[0]}`;
  const client = c.f.client();
  const watchOnly = c.flag<boolean>('watch-only');
  const events = c.flag<boolean>('output-watch-events');
  const tw = new TabWriter();
  const opts: TableOptions = {
    wide: spec.kind === 'table' && spec.wide,
    noHeaders: c.flag<boolean>('no-headers'),
    withNamespace: c.flag<boolean>('all-namespaces') && t.res.namespaced,
    kindPrefix: multiType ? kindPrefix(t) : undefined,
    showLabels: c.flag<boolean>('show-labels'),
    labelColumns: c.flag<string[]>('label-columns') ?? [],
  };
  let headerDone = opts.noHeaders;
  // the EVENT column is as wide as its widest value (MODIFIED) from the first line on
  const ev = (s: string) => s.padEnd(8);
  const printTable = (table: ServerTable, event?: string) => {
    if (!headerDone) {
      tw.writeRow(events ? [ev('EVENT'), ...headerRow(table, opts)] : headerRow(table, opts));
      headerDone = true;
    }
    for (const r of tableRows(table, opts)) tw.writeRow(events && event ? [ev(event), ...r.cells] : r);
    c.out(tw.flush());
  };
  let first = true;
  const printObject = (o: KObject, event: string) => {
    const obj = withTypeMeta(o, t);
    const value = events ? { type: event, object: obj } : obj;
    switch (spec.kind) {
      case 'name':
        c.out(events ? `${event} ${nameOf(t.res.kind, t.res.group, obj.metadata.name ?? '')}\n` : `${nameOf(t.res.kind, t.res.group, obj.metadata.name ?? '')}\n`);
        break;
      case 'json':
        c.out(printJson(value, true));
        break;
      case 'yaml':
        c.out((first ? '' : '---\n') + printYaml(value));
        break;
      case 'jsonpath':
        c.out(runJsonPath(spec, value));
        break;
      case 'template':
        c.out(runTemplate(spec, value));
        break;
      default:
        break;
    }
    first = false;
  };
  // the list gives the starting resourceVersion (and, without --watch-only, the first lines)
  const path = pathFor(t.res, t.namespace);
  let rv: string;
  const chunkSize = c.flag<number>('chunk-size');
  if (spec.kind === 'table') {
    // sorting needs each row's object
    const tableQuery = sortBy ? { ...query, includeObject: 'Object' } : query;
    const pages = listInChunks(chunkSize, (q) => client.call<ServerTable>({ method: 'GET', path, query: { ...tableQuery, ...q }, headers: { accept: TABLE_ACCEPT } }));
    const table: ServerTable = { ...pages[0]!, rows: pages.flatMap((p) => p.rows) };
    rv = pages[pages.length - 1]!.metadata?.resourceVersion ?? '';
    if (!watchOnly && table.rows.length) printTable(sortBy ? sortedFirstTable(table, sortBy) : table, 'ADDED');
  } else {
    const pages = listInChunks(chunkSize, (q) => client.call<{ items: KObject[]; metadata: { resourceVersion?: string; continue?: string } }>({ method: 'GET', path, query: { ...query, ...q } }));
    rv = pages[pages.length - 1]!.metadata.resourceVersion ?? '';
    if (!watchOnly) for (const list of pages) for (const o of list.items) printObject(o, 'ADDED');
  }
  return new Promise<number>((resolve) => {
    let stream: { stop(): void } | undefined;
    // --request-timeout bounds the watch request: when it passes, the server ends the watch and kubectl exits 0
    const timeoutMs = requestTimeoutMs(c.f.globals.requestTimeout);
    const timer = timeoutMs > 0 ? c.proc.sys.runtime.after(timeoutMs, () => end(0), 'kubectl-get-watch-timeout') : undefined;
    const end = (code: number) => {
      timer?.cancel();
      stream?.stop();
      off();
      resolve(code);
    };
    const off = c.proc.signal.onInterrupt(() => end(130));
    const wc = spec.kind === 'table' ? client.withHeaders({ accept: TABLE_ACCEPT }) : client;
    stream = wc.watch(
      t.res,
      t.namespace,
      { labelSelector: query.labelSelector, fieldSelector: query.fieldSelector, resourceVersion: rv },
      (e) => {
        if (e.type === 'ERROR' || e.type === 'BOOKMARK') return;
        if (spec.kind === 'table') printTable(e.object as ServerTable, e.type);
        else printObject(e.object as KObject, e.type);
      },
      () => end(0),
    );
  });
}

/** sortedFirstTable sorts the rows -w starts with (the events after come one row at a time, unsorted), as kubectl's printer does. */
function sortedFirstTable(table: ServerTable, sortBy: string): ServerTable {
  try {
    return { ...table, rows: sortTableRows([...table.rows], sortBy, (r) => r.object) };
  } catch (e) {
    if (e instanceof TableSortError) throw new Error(`unable to output the provided object: ${e.message}`);
    throw e;
  }
}

