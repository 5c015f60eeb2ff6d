import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../api/types.ts';
import type { Informer } from '../client/informer.ts';
import type { Cache } from './cache/cache.ts';
import { Action, type ClusterEvent, type EventResource } from './framework/events.ts';
import { nodeChangeEvents, podChangeEvents } from './queue/cluster-events.ts';
import type { SchedulingQueue } from './queue/scheduling-queue.ts';
import type { VerdictRecorder } from './recorder/verdicts.ts';

/** HandlerDeps are what the informer handlers update. */
export interface HandlerDeps {
  cache: Cache;
  queue: SchedulingQueue;
  verdicts: VerdictRecorder;
  /** responsible tells whether one of our profiles schedules the pod. */
  responsible(pod: Pod): boolean;
}

const ev = (resource: EventResource, action: number, label: string): ClusterEvent => ({ resource, action, label });
const ASSIGNED_POD_ADD = ev('AssignedPod', Action.Add, 'AssignedPodAdd');
const ASSIGNED_POD_DELETE = ev('AssignedPod', Action.Delete, 'AssignedPodDelete');
const UNSCHEDULED_POD_DELETE = ev('UnscheduledPod', Action.Delete, 'UnscheduledPodDelete');
const NODE_ADD = ev('Node', Action.Add, 'NodeAdd');
const NODE_DELETE = ev('Node', Action.Delete, 'NodeDelete');

const asPod = (o: KObject) => o as unknown as Pod;
const asNode = (o: KObject) => o as unknown as Node;

/**
 * podHandlers are the scheduler's two pod informers in one: assigned pods
 * feed the cache (and may make waiting pods schedulable), unassigned pods
 * for our profiles feed the queue; pods of other schedulers stay untouched.
 */
export function podHandlers(d: HandlerDeps) {
  const assignedAdd = (p: Pod) => {
    d.cache.addPod(p);
    d.queue.moveAllToActiveOrBackoffQueue(ASSIGNED_POD_ADD, undefined, p);
  };
  return {
    add(o: KObject) {
      const p = asPod(o);
      if (p.spec?.nodeName) assignedAdd(p);
      else if (d.responsible(p)) d.queue.add(p);
    },
    update(oldO: KObject, newO: KObject) {
      const oldP = asPod(oldO);
      const p = asPod(newO);
      const uid = p.metadata?.uid ?? '';
      if (p.spec?.nodeName) {
        if (!oldP.spec?.nodeName) {
          d.queue.delete(uid);
          d.verdicts.forget(uid);
          assignedAdd(p);
          return;
        }
        d.cache.updatePod(p);
        for (const e of podChangeEvents(p, oldP)) d.queue.moveAllToActiveOrBackoffQueue(e, oldP, p);
        return;
      }
      if (!d.responsible(p) || d.cache.isAssumed(uid)) return;
      if (oldP.metadata?.resourceVersion === p.metadata?.resourceVersion) return;
      d.queue.update(oldP, p);
    },
    delete(o: KObject) {
      const p = asPod(o);
      const uid = p.metadata?.uid ?? '';
      if (p.spec?.nodeName || d.cache.isAssumed(uid)) {
        d.cache.removePod(uid);
        d.queue.moveAllToActiveOrBackoffQueue(ASSIGNED_POD_DELETE, p, undefined);
        return;
      }
      if (!d.responsible(p)) return;
      d.queue.delete(uid);
      d.verdicts.forget(uid);
      d.queue.moveAllToActiveOrBackoffQueue(UNSCHEDULED_POD_DELETE, p, undefined);
    },
  };
}

/** nodeHandlers keep the cache's nodes and requeue pods a node change may help. */
export function nodeHandlers(d: HandlerDeps) {
  return {
    add(o: KObject) {
      d.cache.addOrUpdateNode(asNode(o));
      d.queue.moveAllToActiveOrBackoffQueue(NODE_ADD, undefined, asNode(o));
    },
    update(oldO: KObject, newO: KObject) {
      const n = asNode(newO);
      d.cache.addOrUpdateNode(n);
      for (const e of nodeChangeEvents(n, asNode(oldO))) d.queue.moveAllToActiveOrBackoffQueue(e, asNode(oldO), n);
    },
    delete(o: KObject) {
      d.cache.removeNode(o.metadata.name ?? '');
      d.queue.moveAllToActiveOrBackoffQueue(NODE_DELETE, asNode(o), undefined);
    },
  };
}

/** requeueOn turns a storage informer's changes into cluster events (PV, PVC, StorageClass, CSINode). */
export function requeueOn(inf: Informer, resource: EventResource, d: HandlerDeps): void {
  inf.on({
    add: (o) => d.queue.moveAllToActiveOrBackoffQueue(ev(resource, Action.Add, `${resource}Add`), undefined, o),
    update: (o, n) => d.queue.moveAllToActiveOrBackoffQueue(ev(resource, Action.Update, `${resource}Update`), o, n),
    delete: (o) => d.queue.moveAllToActiveOrBackoffQueue(ev(resource, Action.Delete, `${resource}Delete`), o, undefined),
  });
}
