import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { Cell, KObject, PrintContext } from '../../types.ts';
import { isSet, num, rec, str } from '../../validation/util.ts';
import { col, defineResource, metaFields, timeSince, NAME_COLUMN } from '../common.ts';

/** Events (core/v1 and events.k8s.io/v1 share the printer and the /registry/events keys). */

export const EVENT_COLUMNS = [
  col('Last Seen', 'string', 'Event.lastTimestamp'),
  col('Type', 'string', 'Event.type'),
  col('Reason', 'string', 'Event.reason'),
  col('Object', 'string', 'Event.involvedObject'),
  col('Subobject', 'string', 'ObjectReference.fieldPath', 1),
  col('Source', 'string', 'Event.source', 1),
  col('Message', 'string', 'Event.message'),
  col('First Seen', 'string', 'Event.firstTimestamp', 1),
  col('Count', 'string', 'Event.count', 1),
  { ...NAME_COLUMN, priority: 1 as const },
];

/** CoreEventView is the core/v1 field set printEvent reads (events.k8s.io events are mapped onto it). */
export interface CoreEventView {
  name: string;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series?: { count: number; lastObservedTime: unknown };
  kind: string;
  objName: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
  component: string;
  host: string;
}

/** eventRow is printEvent (wide cells included, as the server always sends them). */
export function eventRow(e: CoreEventView, ctx: PrintContext): Cell[] {
  const first = isSet(e.firstTimestamp) && e.firstTimestamp !== '' ? timeSince(e.firstTimestamp, ctx) : timeSince(e.eventTime, ctx);
  let last = isSet(e.lastTimestamp) && e.lastTimestamp !== '' ? timeSince(e.lastTimestamp, ctx) : first;
  let count = e.count;
  if (e.series) {
    last = timeSince(e.series.lastObservedTime, ctx);
    count = e.series.count;
  } else if (count === 0) count = 1;
  const target = e.objName ? `${e.kind.toLowerCase()}/${e.objName}` : e.kind.toLowerCase();
  const source = e.host ? `${e.component}, ${e.host}` : e.component;
  return [last, e.type, e.reason, target, e.fieldPath, source, e.message.trim(), first, count, e.name];
}

function view(obj: KObject): CoreEventView {
  const io = rec(obj.involvedObject);
  const src = rec(obj.source);
  const series = isSet(obj.series) ? { count: num(rec(obj.series).count), lastObservedTime: rec(obj.series).lastObservedTime } : undefined;
  return {
    name: obj.metadata.name ?? '',
    firstTimestamp: obj.firstTimestamp,
    lastTimestamp: obj.lastTimestamp,
    eventTime: obj.eventTime,
    count: num(obj.count),
    series,
    kind: str(io.kind),
    objName: str(io.name),
    fieldPath: str(io.fieldPath),
    type: str(obj.type),
    reason: str(obj.reason),
    message: str(obj.message),
    component: str(src.component) || str(obj.reportingComponent),
    host: str(src.host) || str(obj.reportingInstance),
  };
}

function validateEvent(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  const io = rec(obj.involvedObject);
  const ns = obj.metadata.namespace ?? '';
  if (str(io.namespace) && str(io.namespace) !== ns && ns !== 'default') {
    errs.push(fieldErr.invalid('involvedObject.namespace', str(io.namespace), 'does not match event.namespace'));
  }
  const type = str(obj.type);
  if (type && type !== 'Normal' && type !== 'Warning') errs.push(fieldErr.notSupported('type', type, ['Normal', 'Warning']));
  return errs;
}

export const eventDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  shortNames: ['ev'],
  namespaced: true,
  columns: EVENT_COLUMNS,
  row: (obj, ctx) => eventRow(view(obj), ctx),
  fields(obj) {
    const io = rec(obj.involvedObject);
    return {
      ...metaFields(obj, true),
      'involvedObject.kind': str(io.kind),
      'involvedObject.namespace': str(io.namespace),
      'involvedObject.name': str(io.name),
      'involvedObject.uid': str(io.uid),
      'involvedObject.apiVersion': str(io.apiVersion),
      'involvedObject.resourceVersion': str(io.resourceVersion),
      'involvedObject.fieldPath': str(io.fieldPath),
      reason: str(obj.reason),
      reportingComponent: str(obj.reportingComponent),
      source: str(rec(obj.source).component),
      type: str(obj.type),
    };
  },
  validateSpec: validateEvent,
});
