/**
 * The correlator client-go's legacy event recorder (tools/record) runs before
 * writing a core/v1 Event, with its defaults:
 *
 * - aggregation: the 10th distinct message within 10 minutes for the same
 *   source, object, type and reason becomes one event "(combined from
 *   similar events): <latest message>" whose count grows from then on;
 * - de-duplication: an event seen before (same source, object, field path,
 *   type, reason and message) is a PATCH of the first one's count,
 *   lastTimestamp and message;
 * - spam filter: a source may write 25 events about one object, then one
 *   every 5 minutes (a token bucket per source and object). A filtered event is
 *   still counted, so the next write that passes carries the whole count
 *   (`Back-off restarting failed container (x40 over 20m)`).
 *
 * Its caches are LRUs of 4096 entries, as in client-go.
 */

const CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/** The fields of an event the correlator keys on. */
export interface CorrelatorInput {
  /** source is component and host; object is kind, namespace, name, uid and apiVersion of the involved object. */
  source: string;
  object: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
}

/** What to write: nothing, a new event, or a patch of the event already written under name. */
export type Correlation =
  | { skip: true }
  | { skip: false; aggregate: boolean; message: string; count: number; firstSeen: number; name: string };

/** Lru is a Map kept in recency order, dropping the least recently used entry past its size. */
class Lru<V> {
  private map = new Map<string, V>();
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > CACHE_ENTRIES) this.map.delete(this.map.keys().next().value!);
  }
}

interface AggregateRecord {
  messages: Set<string>;
  last: number;
}

interface Observation {
  count: number;
  firstSeen: number;
  name: string;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class EventCorrelator {
  private aggregates = new Lru<AggregateRecord>();
  private observations = new Lru<Observation>();
  private buckets = new Lru<Bucket>();

  /**
   * correlate decides how the event is written at simulated time now; a first
   * occurrence takes the name freshName gives (a filtered one too: a later
   * repeat that passes creates it under that name, as client-go does).
   */
  correlate(e: CorrelatorInput, now: number, freshName: () => string): Correlation {
    const aggregateKey = `${e.source}\u0000${e.object}\u0000${e.type}\u0000${e.reason}`;
    let record = this.aggregates.get(aggregateKey);
    if (!record || now - record.last > AGGREGATE_INTERVAL_MS) record = { messages: new Set(), last: now };
    record.messages.add(e.message);
    record.last = now;
    this.aggregates.set(aggregateKey, record);
    let key = `${e.source}\u0000${e.object}\u0000${e.fieldPath}\u0000${e.type}\u0000${e.reason}\u0000${e.message}`;
    let message = e.message;
    const aggregate = record.messages.size >= AGGREGATE_MAX_EVENTS;
    if (aggregate) {
      // the set stays at its maximum: one message (the oldest) makes room for the next
      record.messages.delete(record.messages.values().next().value!);
      key = aggregateKey;
      message = `(combined from similar events): ${e.message}`;
    }
    const seen = this.observations.get(key);
    const count = seen ? seen.count + 1 : 1;
    const firstSeen = seen ? seen.firstSeen : now;
    const name = seen ? seen.name : freshName();
    this.observations.set(key, { count, firstSeen, name });
    if (!this.accept(`${e.source}\u0000${e.object}`, now)) return { skip: true };
    return { skip: false, aggregate, message, count, firstSeen, name };
  }

  /** accept takes a token from the source and object's bucket, refilled at one per 5 minutes up to the burst. */
  private accept(key: string, now: number): boolean {
    let b = this.buckets.get(key);
    if (!b) b = { tokens: SPAM_BURST, at: now };
    b.tokens = Math.min(SPAM_BURST, b.tokens + (now - b.at) / SPAM_REFILL_MS);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
