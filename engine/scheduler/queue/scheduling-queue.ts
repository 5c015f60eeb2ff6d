import type { Pod } from 'kubernetes-types/core/v1';
import { UNSCHEDULABLE_TIMEOUT, type ClusterEvent } from '../framework/events.ts';
import { alignToWindow, backoffDuration, hintSaysQueue } from './backoff.ts';
import type { QueuedPodInfo } from '../framework/interfaces.ts';
import { PodInfo } from '../framework/pod-info.ts';
import { Heap } from './heap.ts';
import { Nominator } from './nominator.ts';
import { isPodUpdated, podChangeEvents } from './cluster-events.ts';
import type { QueueOptions } from './options.ts';

export type { QueueOptions };

/**
 * SchedulingQueue is the PriorityQueue of pkg/scheduler/backend/queue:
 * activeQ (by priority, then arrival), backoffQ (pods waiting out their
 * back-off, 1s doubling to 10s), and the unschedulable pods, which move back
 * only on a cluster event one of their rejecting plugins cares about, or
 * after five minutes.
 */
export class SchedulingQueue {
  private activeQ: Heap<QueuedPodInfo>;
  private backoffQ: Heap<QueuedPodInfo>;
  /** errorBackoffQ holds pods that failed on an error; they are never popped before their back-off ends. */
  private errorBackoffQ: Heap<QueuedPodInfo>;
  private unschedulable = new Map<string, QueuedPodInfo>();
  private inFlight = new Map<string, { event: ClusterEvent; oldObj: unknown; newObj: unknown }[]>();
  readonly nominator: Nominator;
  private seq = 0;

  constructor(private readonly o: QueueOptions) {
    const key = (q: QueuedPodInfo) => q.podInfo.uid;
    this.activeQ = new Heap(key, (a, b) => o.less(a, b));
    const byExpiry = (a: QueuedPodInfo, b: QueuedPodInfo) => {
      const ea = this.backoffTime(a);
      const eb = this.backoffTime(b);
      if (ea !== eb) return ea < eb;
      return o.less(a, b);
    };
    this.backoffQ = new Heap(key, byExpiry);
    this.errorBackoffQ = new Heap(key, byExpiry);
    this.nominator = new Nominator((p) => o.liveNodeName(p));
  }

  private newQueued(pod: Pod): QueuedPodInfo {
    return { podInfo: new PodInfo(pod), timestamp: this.o.now(), seq: ++this.seq, attempts: 0, unschedulableCount: 0, consecutiveErrorsCount: 0, unschedulablePlugins: new Set(), pendingPlugins: new Set(), gatingPlugin: '', backoffExpiration: 0 };
  }

  /** backoffDuration is calculateBackoffDuration (see backoff.ts). */
  backoffDuration(q: QueuedPodInfo): number {
    return backoffDuration(q, this.o.initialBackoffMs, this.o.maxBackoffMs);
  }

  /** backoffTime is when the pod's back-off ends, rounded up to the 1s ordering window when popping from backoffQ. */
  backoffTime(q: QueuedPodInfo): number {
    if (q.backoffExpiration === 0) q.backoffExpiration = alignToWindow(q.timestamp + this.backoffDuration(q), this.o.popFromBackoffQ);
    return q.backoffExpiration;
  }

  private isBackingOff(q: QueuedPodInfo): boolean {
    return this.backoffTime(q) > this.o.now();
  }

  /** moveToActive runs PreEnqueue: a gated pod waits among the unschedulable ones. */
  private moveToActive(q: QueuedPodInfo): 'activeQ' | 'unschedulable' {
    const s = this.o.preEnqueue(q.podInfo.pod);
    q.gatingPlugin = s ? s.plugin : '';
    if (s) {
      this.unschedulable.set(q.podInfo.uid, q);
      return 'unschedulable';
    }
    this.unschedulable.delete(q.podInfo.uid);
    this.backoffQ.delete(q.podInfo.uid);
    this.errorBackoffQ.delete(q.podInfo.uid);
    this.activeQ.addOrUpdate(q);
    this.o.onActive();
    return 'activeQ';
  }

  private toBackoff(q: QueuedPodInfo): void {
    this.unschedulable.delete(q.podInfo.uid);
    if (q.consecutiveErrorsCount > 0) this.errorBackoffQ.addOrUpdate(q);
    else {
      this.backoffQ.addOrUpdate(q);
      if (this.o.popFromBackoffQ) this.o.onActive();
    }
  }

  private requeue(q: QueuedPodInfo): void {
    if (this.isBackingOff(q)) this.toBackoff(q);
    else this.moveToActive(q);
  }

  /** add takes a new pending pod. */
  add(pod: Pod): void {
    const q = this.newQueued(pod);
    this.moveToActive(q);
    this.nominator.add(q.podInfo, null);
  }

  private find(uid: string): QueuedPodInfo | undefined {
    return this.activeQ.get(uid) ?? this.backoffQ.get(uid) ?? this.errorBackoffQ.get(uid) ?? this.unschedulable.get(uid);
  }

  /** has tells whether the pod is queued (or being scheduled). */
  has(uid: string): boolean {
    return this.find(uid) !== undefined || this.inFlight.has(uid);
  }

  /** update takes a new version of a pending pod; a gated or unschedulable pod moves if the change may help. */
  update(oldPod: Pod, newPod: Pod): void {
    const uid = newPod.metadata?.uid ?? '';
    if (this.inFlight.has(uid)) {
      if (isPodUpdated(oldPod, newPod)) for (const event of podChangeEvents(newPod, oldPod)) this.inFlight.get(uid)!.push({ event, oldObj: oldPod, newObj: newPod });
      return;
    }
    const q = this.find(uid);
    if (!q) {
      this.add(newPod);
      return;
    }
    q.podInfo = new PodInfo(newPod);
    this.nominator.update(oldPod, q.podInfo);
    if (this.activeQ.has(uid)) this.activeQ.addOrUpdate(q);
    else if (this.backoffQ.has(uid)) this.backoffQ.addOrUpdate(q);
    else if (this.errorBackoffQ.has(uid)) this.errorBackoffQ.addOrUpdate(q);
    else if (isPodUpdated(oldPod, newPod)) {
      if (q.gatingPlugin) this.moveToActive(q);
      else if (podChangeEvents(newPod, oldPod).some((e) => this.hintSaysQueue(q, e, oldPod, newPod))) this.requeue(q);
    }
  }

  /** delete forgets a pod that was deleted or bound elsewhere. */
  delete(uid: string): void {
    this.activeQ.delete(uid);
    this.backoffQ.delete(uid);
    this.errorBackoffQ.delete(uid);
    this.unschedulable.delete(uid);
    this.nominator.delete(uid);
  }

  /** pop takes the next pod to schedule (from backoffQ when activeQ is idle and the feature allows). */
  pop(): QueuedPodInfo | undefined {
    const q = this.activeQ.pop() ?? (this.o.popFromBackoffQ ? this.backoffQ.pop() : undefined);
    if (!q) return undefined;
    q.attempts++;
    q.initialAttemptTimestamp ??= this.o.now();
    q.unschedulablePlugins = new Set();
    q.pendingPlugins = new Set();
    this.inFlight.set(q.podInfo.uid, []);
    return q;
  }

  /** done ends a pod's in-flight time (bound, or requeued). */
  done(uid: string): void {
    this.inFlight.delete(uid);
  }

  get activeCount(): number {
    return this.activeQ.size;
  }

  /** counts are the sizes of the three queues (for tests and the UI). */
  counts(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.activeQ.size, backoff: this.backoffQ.size + this.errorBackoffQ.size, unschedulable: this.unschedulable.size };
  }

  /** where tells which queue holds the pod. */
  where(uid: string): 'activeQ' | 'backoffQ' | 'unschedulable' | 'inFlight' | undefined {
    if (this.activeQ.has(uid)) return 'activeQ';
    if (this.backoffQ.has(uid) || this.errorBackoffQ.has(uid)) return 'backoffQ';
    if (this.unschedulable.has(uid)) return 'unschedulable';
    return this.inFlight.has(uid) ? 'inFlight' : undefined;
  }

  private hintSaysQueue(q: QueuedPodInfo, event: ClusterEvent, oldObj: unknown, newObj: unknown): boolean {
    return hintSaysQueue(q, event, oldObj, newObj, this.o.eventsOf);
  }

  /**
   * addUnschedulableIfNotPresent takes back a pod whose attempt failed: it
   * waits among the unschedulable pods, unless an event during its attempt
   * may already have helped (or it failed on an error), then it backs off.
   */
  addUnschedulableIfNotPresent(q: QueuedPodInfo): void {
    const uid = q.podInfo.uid;
    const events = this.inFlight.get(uid) ?? [];
    this.done(uid);
    if (this.find(uid)) return;
    if (q.unschedulablePlugins.size === 0 && q.pendingPlugins.size === 0) q.consecutiveErrorsCount++;
    else {
      q.unschedulableCount++;
      q.consecutiveErrorsCount = 0;
    }
    q.timestamp = this.o.now();
    q.seq = ++this.seq;
    q.backoffExpiration = 0;
    const rejected = q.unschedulablePlugins.size + q.pendingPlugins.size > 0;
    if (!rejected || events.some((e) => this.hintSaysQueue(q, e.event, e.oldObj, e.newObj))) {
      if (this.isBackingOff(q)) this.toBackoff(q);
      else this.moveToActive(q);
    } else this.unschedulable.set(uid, q);
    this.nominator.add(q.podInfo, null);
  }

  /** moveAllToActiveOrBackoffQueue moves the unschedulable pods this event may help (per their rejecting plugins' hints). */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, oldObj: unknown, newObj: unknown, except?: string): void {
    for (const evs of this.inFlight.values()) if (evs.length < 1000) evs.push({ event, oldObj, newObj });
    if (this.unschedulable.size === 0) return;
    for (const q of [...this.unschedulable.values()]) {
      if (q.podInfo.uid === except) continue;
      if (!this.hintSaysQueue(q, event, oldObj, newObj)) continue;
      if (q.gatingPlugin) this.moveToActive(q);
      else this.requeue(q);
    }
  }

  /** flushBackoffQCompleted moves pods whose back-off is over to activeQ (every second). */
  flushBackoffQCompleted(): void {
    const now = this.o.now();
    for (const h of [this.backoffQ, this.errorBackoffQ]) {
      for (;;) {
        const top = h.peek();
        if (!top || this.backoffTime(top) > now) break;
        h.pop();
        this.moveToActive(top);
      }
    }
  }

  /** flushUnschedulableLeftover moves pods that waited longer than maxInUnschedulableMs (every 30 seconds). */
  flushUnschedulableLeftover(): void {
    const now = this.o.now();
    for (const q of [...this.unschedulable.values()]) {
      if (q.gatingPlugin || now - q.timestamp <= this.o.maxInUnschedulableMs) continue;
      if (this.hintSaysQueue(q, UNSCHEDULABLE_TIMEOUT, undefined, undefined)) this.requeue(q);
    }
  }

  /** pendingPods lists every queued pod (kubectl-less introspection for tests and the UI). */
  pendingPods(): QueuedPodInfo[] {
    return [...this.activeQ.list(), ...this.backoffQ.list(), ...this.errorBackoffQ.list(), ...this.unschedulable.values()];
  }
}
