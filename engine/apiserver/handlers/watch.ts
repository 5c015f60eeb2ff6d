import { StatusError } from '../../base/errors.ts';
import type { KObject } from '../../api/types.ts';
import { headerValue, queryValue, type WatchEvent, type WatchStream } from '../../api/transport.ts';
import type { RequestScope, ServerContext } from '../context.ts';
import { buildFilter, filterMatches } from '../selectors.ts';
import type { CacheEvent } from '../storage/resource-store.ts';
import { withTypeMeta } from './read.ts';
import { buildTable, wantsTable } from '../table.ts';

/**
 * watchResource serves a watch from the watch cache: the initial state (when
 * no resourceVersion, or "0", is given) or the recorded events after the given
 * resourceVersion, then live changes. Objects that stop matching a selector
 * are sent as DELETED, objects that start matching as ADDED, as the cacher
 * does. Events are delivered from the runtime's queue, batched, never inside
 * the write that caused them.
 */
export function watchResource(
  ctx: ServerContext,
  s: RequestScope,
  onEvent: (e: WatchEvent) => void,
  onEnd: (reason?: string) => void,
): WatchStream {
  const store = ctx.storage.store(s.def);
  const ns = s.info.namespace || undefined;
  const filter = buildFilter(s.def, queryValue(s.req, 'labelSelector'), queryValue(s.req, 'fieldSelector'), undefined);
  const name = s.info.name;
  const inScope = (o: KObject) => (!ns || o.metadata.namespace === ns) && (!name || o.metadata.name === name) && filterMatches(s.def, filter, o);

  // kubectl get -w asks for each event's object as a one-row Table, as the real apiserver serves it
  const accept = headerValue(s.req, 'accept');
  const asTable = wantsTable(accept)
    ? (e: WatchEvent): WatchEvent => (e.type === 'ERROR' ? e : { type: e.type, object: buildTable(s.def, [e.object as KObject], { accept: accept!, includeObject: queryValue(s.req, 'includeObject'), resourceVersion: (e.object as KObject).metadata.resourceVersion ?? '', now: ctx.runtime.now }) })
    : undefined;
  let queue: WatchEvent[] = [];
  let scheduled = false;
  let stopped = false;
  const flush = () => {
    scheduled = false;
    if (stopped) return;
    const batch = queue;
    queue = [];
    for (const e of batch) {
      if (stopped) return;
      onEvent(asTable ? asTable(e) : e);
    }
  };
  const push = (e: WatchEvent) => {
    queue.push(e);
    if (!scheduled) {
      scheduled = true;
      ctx.runtime.after(0, flush, 'watch-delivery');
    }
  };
  const translate = (e: CacheEvent) => {
    const was = e.prev ? inScope(e.prev) : false;
    const is = e.type !== 'DELETED' && inScope(e.object);
    if (!was && !is) return;
    const object = withTypeMeta(e.object, s.def);
    if (e.type === 'DELETED') push({ type: 'DELETED', object });
    else if (is && was) push({ type: 'MODIFIED', object });
    else if (is) push({ type: 'ADDED', object });
    else push({ type: 'DELETED', object });
  };

  const rvText = queryValue(s.req, 'resourceVersion');
  if (!rvText || rvText === '0') {
    for (const o of store.list(ns)) if (inScope(o)) push({ type: 'ADDED', object: withTypeMeta(o, s.def) });
  } else {
    const rv = Number(rvText);
    if (!Number.isFinite(rv)) throw new StatusError({ reason: 'BadRequest', code: 400, message: `invalid resource version: ${rvText}` });
    const past = store.since(rv);
    if (!past) {
      push({
        type: 'ERROR',
        object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rv} (${store.oldestResumable() + 1})`, reason: 'Expired', code: 410 },
      });
      ctx.runtime.after(0, () => stop('expired'), 'watch-expired');
    } else {
      for (const e of past) translate(e);
    }
  }
  // Events of objects that match the selector's indexed field neither before nor after never reach translate.
  const unsubscribe = store.subscribe(translate, () => ctx.runtime.after(0, () => stop('closed'), 'watch-closed'), store.triggerFor(filter.fields));
  const timeout = Number(queryValue(s.req, 'timeoutSeconds') ?? 0);
  const timer = timeout > 0 ? ctx.runtime.after(timeout * 1000, () => stop('timeout'), 'watch-timeout') : undefined;

  function stop(reason?: string): void {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    timer?.cancel();
    onEnd(reason);
  }
  return { stop: () => stop() };
}
