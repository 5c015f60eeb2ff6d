import type { KObject } from '../../../../api/types.ts';
import type { ApiClient } from '../../../../client/client.ts';
import { goSortedBy } from '../../printers/gosort.ts';
import { listItemsInChunks } from '../../resource/chunks.ts';
import { since, type PrefixWriter } from './writer.ts';

/** Event is the part of a core/v1 Event describe prints. */
interface Event extends KObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  reportingComponent?: string;
}

const EVENTS = { group: '', version: 'v1', plural: 'events', namespaced: true };

/** searchEvents lists the events about one object, as describe does (by involvedObject fields). */
export function searchEvents(client: ApiClient, obj: KObject, kind: string, chunkSize: number): Event[] {
  const m = obj.metadata;
  const sel = [`involvedObject.kind=${kind}`, `involvedObject.name=${m.name}`, `involvedObject.namespace=${m.namespace ?? ''}`, `involvedObject.uid=${m.uid ?? ''}`].join(',');
  try {
    return listItemsInChunks(client, EVENTS, m.namespace || undefined, { fieldSelector: sel }, chunkSize) as Event[];
  } catch {
    return [];
  }
}

/** lastTime is what SortableEvents compares: lastTimestamp alone (an event without one sorts first). */
function lastTime(e: Event): number {
  return e.lastTimestamp ? Date.parse(e.lastTimestamp) : 0;
}

/** describeEvents is DescribeEvents: the Events table (flushed apart from the lines above it). */
export function describeEvents(w: PrefixWriter, events: Event[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // sort.Sort over the server's order: stable only while it is an insertion sort (up to 12 events)
  const sorted = goSortedBy(events, lastTime);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
