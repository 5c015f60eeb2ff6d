import type { KObject } from '../../../../api/types.ts';
import { typedEvent, typedEventList } from './typed.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { ResourceTypeError } from '../../discovery.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { parseOutput, runJsonPath, runTemplate, OutputError } from '../../printers/output.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { goSortedBy } from '../../printers/gosort.ts';
import { since } from '../describe/writer.ts';
import { EVENTS_HELP } from './help.ts';
import { listPagesInChunks } from '../../resource/chunks.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- events are read loosely */
type Any = any;

const EVENTS = { group: '', version: 'v1', plural: 'events', namespaced: true };

/** interval is the LAST SEEN cell: "3h", or "30m (x2 over 3h)" for repeated events. */
export function interval(e: Any, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function lastSeen(e: Any): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
  return t ? Date.parse(t) : 0;
}

async function run(c: RunContext): Promise<number> {
  const types = (c.flag<string[]>('types') ?? []).map((t) => t.trim());
  for (const t of types) if (t !== 'Normal' && t !== 'Warning') throw new UsageError('valid --types are Normal or Warning', 'none');
  const allNs = c.flag<boolean>('all-namespaces');
  const ns = c.f.namespace();
  const output = c.flag<string>('output');
  let spec;
  try {
    spec = parseOutput(output, c.flag<string>('template'), c.flag<boolean>('allow-missing-template-keys'), (p) => c.f.proc.fs.readFile(c.f.abs(p)));
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError(e.message, 'none');
    throw e;
  }
  let fieldSelector = '';
  const forArg = c.flag<string>('for');
  if (forArg) {
    const [typed, name] = forArg.includes('/') ? [forArg.slice(0, forArg.indexOf('/')), forArg.slice(forArg.indexOf('/') + 1)] : [forArg, ''];
    let kind: string;
    let apiVersion: string;
    try {
      const res = c.f.discovery().resolve(typed);
      kind = res.kind;
      apiVersion = res.group ? `${res.group}/${res.version}` : res.version;
    } catch (e) {
      if (e instanceof ResourceTypeError) {
        c.err(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    fieldSelector = `involvedObject.kind=${kind},involvedObject.apiVersion=${apiVersion},involvedObject.name=${name}`;
  }
  const client = c.f.client();
  // kubectl events always lists in chunks of 500: its --chunk-size flag is read but not used
  const pages = listPagesInChunks(client, EVENTS, allNs ? undefined : ns, fieldSelector ? { fieldSelector } : {}, 500);
  const list = { items: pages.flatMap((p) => p.items), metadata: pages[pages.length - 1]!.metadata };
  const filter = (e: Any) => types.length === 0 || types.includes(e.type);
  // sort.Sort(SortableEvents): not stable, so equal times end where Go's pdqsort leaves them
  const sorted = goSortedBy(list.items.filter(filter), lastSeen) as KObject[];
  const tw = new TabWriter();
  const printRows = (es: Any[], header: boolean) => {
    if (header && !c.flag<boolean>('no-headers')) tw.writeRow([...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    const now = c.proc.sys.runtime.now;
    for (const e of es) tw.writeRow([...(allNs ? [e.metadata.namespace ?? ''] : []), interval(e, now), e.type ?? '', e.reason ?? '', `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`, (e.message ?? '').trim()]);
    c.out(tw.flush());
  };
  // nothing to show is said on stderr whatever the output format
  if (sorted.length === 0 && !c.flag<boolean>('watch')) {
    c.err(allNs ? 'No events found.\n' : `No events found in ${ns} namespace.\n`);
    return 0;
  }
  if (spec.kind === 'table') {
    printRows(sorted, true);
  } else {
    const data = typedEventList(sorted as unknown as Record<string, unknown>[]);
    if (spec.kind === 'json') c.out(printJson(data, false));
    else if (spec.kind === 'yaml') c.out(printYaml(data));
    else if (spec.kind === 'jsonpath') c.out(runJsonPath(spec, data));
    else if (spec.kind === 'template') c.out(runTemplate(spec, data));
  }
  if (!c.flag<boolean>('watch')) return 0;
  let headerDone = sorted.length > 0;
  return new Promise<number>((resolve) => {
    const stream = client.watch(
      EVENTS,
      allNs ? undefined : ns,
      { fieldSelector: fieldSelector || undefined, resourceVersion: list.metadata?.resourceVersion ?? '' },
      (ev) => {
        if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED') return;
        const e = ev.object as Any;
        if (!filter(e)) return;
        if (spec.kind === 'table') {
          printRows([e], !headerDone);
          headerDone = true;
        } else if (spec.kind === 'json') c.out(printJson(typedEvent(e), false));
        else if (spec.kind === 'yaml') c.out(printYaml(typedEvent(e)));
      },
      () => resolve(0),
    );
    const off = c.proc.signal.onInterrupt(() => {
      stream.stop();
      off();
      resolve(130);
    });
  });
}

/** eventsCommand is `kubectl events`. */
export const eventsCommand: CommandDef = { ...EVENTS_HELP, name: 'events', group: 'Troubleshooting and Debugging Commands', run };
