/**
 * kubectl events prints the EventList it decoded into Go's typed structs, not
 * the server's JSON: the encoder writes fields in struct order, keeps the ones
 * without omitempty (reportingComponent, reportingInstance, source) and
 * writes an unset metav1.Time as null (firstTimestamp, lastTimestamp,
 * eventTime). YAML output sorts the keys again but keeps those nulls.
 */

type Obj = Record<string, unknown>;

/** pick copies the listed keys in order, leaving out the ones Go's omitempty drops (absent, "", 0, empty map or list). */
function pick(from: Obj | undefined, keys: string[]): Obj {
  const out: Obj = {};
  for (const k of keys) {
    const v = from?.[k];
    if (v === undefined || v === null || v === '' || v === 0) continue;
    if (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as Obj).length === 0) continue;
    out[k] = v;
  }
  return out;
}

const OBJECT_META = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];
const OBJECT_REFERENCE = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

/** typedEvent is one corev1.Event as Go encodes it. */
export function typedEvent(e: Obj): Obj {
  const related = e.related as Obj | undefined;
  const series = e.series as Obj | undefined;
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: pick(e.metadata as Obj, OBJECT_META),
    involvedObject: pick(e.involvedObject as Obj, OBJECT_REFERENCE),
    ...pick(e, ['reason', 'message']),
    source: pick(e.source as Obj, ['component', 'host']),
    firstTimestamp: e.firstTimestamp ?? null,
    lastTimestamp: e.lastTimestamp ?? null,
    ...pick(e, ['count', 'type']),
    eventTime: e.eventTime ?? null,
    ...(series ? { series: { ...pick(series, ['count']), lastObservedTime: series.lastObservedTime ?? null } } : {}),
    ...pick(e, ['action']),
    ...(related ? { related: pick(related, OBJECT_REFERENCE) } : {}),
    reportingComponent: e.reportingComponent ?? '',
    reportingInstance: e.reportingInstance ?? '',
  };
}

/** typedEventList is the corev1.EventList kubectl events prints with -o json|yaml|jsonpath|go-template. */
export function typedEventList(events: Obj[]): Obj {
  return { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map(typedEvent) };
}
