import { rfc3339, rfc3339Micro } from '../base/clock.ts';
import type { Runtime } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { ApiClient } from './client.ts';
import { refOf } from './client.ts';

const EVENTS = refOf('v1', 'events', true);

export interface EventSource {
  /** component is "kubelet", "deployment-controller", "default-scheduler"… */
  component: string;
  /** host is the node for kubelet events */
  host?: string;
  /** style "events.k8s.io" is the newer recorder (eventTime, reportingController), used by the scheduler */
  style?: 'legacy' | 'events.k8s.io';
  reportingInstance?: string;
  action?: string;
}

const SEQUENCES = new WeakMap<Runtime, number>();

// A burst of events shares one simulated millisecond: its nanoseconds are converted to a BigInt once.
let lastMilli = NaN;
let lastNanos = 0n;

/** eventName is the recorder's naming: <object>.<unix nanoseconds in hex>. */
function eventName(obj: KObject, now: number, seq: number): string {
  const milli = Math.floor(now);
  if (milli !== lastMilli) {
    lastNanos = BigInt(milli) * 1_000_000n;
    lastMilli = milli;
  }
  return `${obj.metadata.name}.${(lastNanos + BigInt(seq)).toString(16)}`;
}

/**
 * EventRecorder writes core/v1 Events for a component, aggregating repeats of
 * the same event (same object, reason, message) into one with a count, as the
 * client-go correlator does. Failures to write are dropped, as they are by
 * real components.
 */
export class EventRecorder {
  private seen = new Map<string, { name: string; namespace: string; count: number }>();

  constructor(
    private readonly client: ApiClient,
    private readonly runtime: Runtime,
    readonly source: EventSource,
  ) {}

  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const now = this.runtime.now;
    const namespace = obj.metadata.namespace || 'default';
    const involved: Record<string, unknown> = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: obj.metadata.resourceVersion,
    };
    if (!obj.metadata.namespace) delete involved.namespace;
    if (fieldPath) involved.fieldPath = fieldPath;
    const key = [obj.metadata.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const prev = this.seen.get(key);
    try {
      if (prev) {
        prev.count++;
        this.client.patch(EVENTS, prev.namespace, prev.name, 'merge', { count: prev.count, lastTimestamp: rfc3339(now) });
        return;
      }
      // One sequence per runtime: two components' recorders writing about the same object in the same millisecond must not pick the same name.
      const seq = SEQUENCES.get(this.runtime) ?? 0;
      SEQUENCES.set(this.runtime, (seq + 1) % 1_000_000);
      const name = eventName(obj, now, seq);
      const legacy = this.source.style !== 'events.k8s.io';
      const ev: Record<string, unknown> = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: involved,
        reason,
        message,
        source: legacy ? (this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component }) : {},
        firstTimestamp: legacy ? rfc3339(now) : null,
        lastTimestamp: legacy ? rfc3339(now) : null,
        count: legacy ? 1 : undefined,
        type,
        eventTime: legacy ? null : rfc3339Micro(now),
        reportingComponent: legacy ? this.source.component : this.source.component,
        reportingInstance: this.source.reportingInstance ?? this.source.host ?? '',
      };
      if (!legacy) ev.action = this.source.action ?? reason;
      if (ev.count === undefined) delete ev.count;
      this.client.create(EVENTS, namespace, ev);
      this.seen.set(key, { name, namespace, count: 1 });
      if (this.seen.size > 5000) this.seen.clear();
    } catch {
      // Events are best effort: an unreachable apiserver or a deleted namespace loses them.
    }
  }
}
