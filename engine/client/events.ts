import { rfc3339, rfc3339Micro } from '../base/clock.ts';
import type { Runtime } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { ApiClient } from './client.ts';
import { refOf } from './client.ts';
import { EventCorrelator } from './event-correlator.ts';
import { StatusError } from '../base/errors.ts';

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
 * EventRecorder writes Events for a component. The legacy recorder
 * (core/v1 Events with source, count, first and last timestamps) runs
 * client-go's correlator: aggregation of similar events, counting of repeats,
 * and the per-object spam filter. The events.k8s.io recorder (the scheduler's)
 * counts exact repeats. Failures to write are dropped, as they are by real
 * components.
 */
export class EventRecorder {
  private seen = new Map<string, { name: string; namespace: string; count: number }>();
  private correlator = new EventCorrelator();

  constructor(
    private readonly client: ApiClient,
    private readonly runtime: Runtime,
    readonly source: EventSource,
  ) {}

  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
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
    try {
      if (this.source.style === 'events.k8s.io') this.seriesEvent(obj, involved, type, reason, message, fieldPath);
      else this.legacyEvent(obj, involved, type, reason, message, fieldPath);
    } catch {
      // Events are best effort: an unreachable apiserver or a deleted namespace loses them.
    }
  }

  private legacyEvent(obj: KObject, involved: Record<string, unknown>, type: string, reason: string, message: string, fieldPath: string | undefined): void {
    const now = this.runtime.now;
    const namespace = obj.metadata.namespace || 'default';
    const { component, host } = this.source;
    const m = obj.metadata;
    const c = this.correlator.correlate(
      { object: `${m.uid}\u0000${obj.kind}\u0000${m.namespace ?? ''}\u0000${m.name}\u0000${obj.apiVersion}`, fieldPath: fieldPath ?? '', type, reason, message },
      now,
      () => this.nextName(obj, now),
    );
    if (c.skip) return;
    if (c.count > 1) {
      try {
        this.client.patch(EVENTS, namespace, c.name, 'strategic', { count: c.count, lastTimestamp: rfc3339(now), message: c.message });
        return;
      } catch (e) {
        // The event may be gone (expired, deleted, or never written past the spam filter): it is created whole.
        if (!(e instanceof StatusError) || e.status.code !== 404) throw e;
      }
    }
    const ev: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: c.name, namespace },
      involvedObject: involved,
      reason,
      message: c.message,
      source: host ? { component, host } : { component },
      firstTimestamp: rfc3339(c.firstSeen),
      lastTimestamp: rfc3339(now),
      count: c.count,
      type,
      eventTime: null,
      // client-go's aggregate event is a fresh object without the reporting fields
      reportingComponent: c.aggregate ? '' : component,
      reportingInstance: c.aggregate ? '' : (host ?? ''),
    };
    this.client.create(EVENTS, namespace, ev);
  }

  private seriesEvent(obj: KObject, involved: Record<string, unknown>, type: string, reason: string, message: string, fieldPath: string | undefined): void {
    const now = this.runtime.now;
    const namespace = obj.metadata.namespace || 'default';
    const key = [obj.metadata.uid, fieldPath ?? '', type, reason, message].join('\u0000');
    const prev = this.seen.get(key);
    if (prev) {
      prev.count++;
      this.client.patch(EVENTS, prev.namespace, prev.name, 'merge', { count: prev.count, lastTimestamp: rfc3339(now) });
      return;
    }
    const name = this.nextName(obj, now);
    const ev: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: rfc3339Micro(now),
      reportingComponent: this.source.component,
      reportingInstance: this.source.reportingInstance ?? this.source.host ?? '',
      action: this.source.action ?? reason,
    };
    this.client.create(EVENTS, namespace, ev);
    this.seen.set(key, { name, namespace, count: 1 });
    if (this.seen.size > 5000) this.seen.clear();
  }

  /** nextName names a new event; one sequence per runtime, so two components' recorders writing about the same object in the same millisecond do not pick the same name. */
  private nextName(obj: KObject, now: number): string {
    const seq = SEQUENCES.get(this.runtime) ?? 0;
    SEQUENCES.set(this.runtime, (seq + 1) % 1_000_000);
    return eventName(obj, now, seq);
  }
}
