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
 * What it remembers is kept per involved object, for the 4096 objects used
 * last (client-go keeps LRUs of 4096 keys).
 */

const CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/** The fields of an event the correlator keys on (the source is the recorder's own). */
export interface CorrelatorInput {
  /** object identifies the involved object: kind, namespace, name, uid and apiVersion. */
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

interface AggregateRecord {
  messages: Set<string>;
  last: number;
}

interface Observation {
  count: number;
  firstSeen: number;
  name: string;
}

/**
 * ObjectRecord is what the correlator knows of one involved object: its spam
 * bucket, its aggregation records by type and reason, and the events it
 * observed (by field path, type, reason and message; an aggregate by type and
 * reason alone).
 */
interface ObjectRecord {
  tokens: number;
  at: number;
  aggregates: Map<string, AggregateRecord>;
  observations: Map<string, Observation>;
}

export class EventCorrelator {
  /** objects in recency order: the least recently used is dropped past CACHE_ENTRIES (client-go's LRU caches). */
  private objects = new Map<string, ObjectRecord>();

  /**
   * correlate decides how the event is written at simulated time now; a first
   * occurrence takes the name freshName gives (a filtered one too: a later
   * repeat that passes creates it under that name, as client-go does).
   */
  correlate(e: CorrelatorInput, now: number, freshName: () => string): Correlation {
    let o = this.objects.get(e.object);
    if (o) this.objects.delete(e.object);
    else o = { tokens: SPAM_BURST, at: now, aggregates: new Map(), observations: new Map() };
    this.objects.set(e.object, o);
    if (this.objects.size > CACHE_ENTRIES) this.objects.delete(this.objects.keys().next().value!);

    const aggregateKey = `${e.type}\u0000${e.reason}`;
    let record = o.aggregates.get(aggregateKey);
    if (!record || now - record.last > AGGREGATE_INTERVAL_MS) o.aggregates.set(aggregateKey, (record = { messages: new Set(), last: now }));
    record.messages.add(e.message);
    record.last = now;
    let key: string;
    let message = e.message;
    const aggregate = record.messages.size >= AGGREGATE_MAX_EVENTS;
    if (aggregate) {
      // the set stays at its maximum: one message (the oldest) makes room for the next
      record.messages.delete(record.messages.values().next().value!);
      key = aggregateKey;
      message = `(combined from similar events): ${e.message}`;
    } else key = `${e.fieldPath}\u0000${aggregateKey}\u0000${e.message}`;

    const seen = o.observations.get(key);
    const count = seen ? seen.count + 1 : 1;
    const firstSeen = seen ? seen.firstSeen : now;
    const name = seen ? seen.name : freshName();
    if (seen) {
      seen.count = count;
    } else o.observations.set(key, { count, firstSeen, name });

    // the token bucket of this source and object: burst 25, one more every five minutes
    o.tokens = Math.min(SPAM_BURST, o.tokens + (now - o.at) / SPAM_REFILL_MS);
    o.at = now;
    if (o.tokens < 1) return { skip: true };
    o.tokens -= 1;
    return { skip: false, aggregate, message, count, firstSeen, name };
  }
}
