import { fieldErr } from '../../../base/errors.ts';
import { isSet, num, rec, str } from '../../validation/util.ts';
import { defineResource, metaFields } from '../common.ts';
import { EVENT_COLUMNS, eventRow } from '../core/event.ts';

/** events.k8s.io/v1 Event: the same objects as core/v1 events under new field names, printed the same way. */
export const eventsV1Def = defineResource({
  group: 'events.k8s.io',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  shortNames: ['ev'],
  namespaced: true,
  storagePrefix: '/registry/events',
  columns: EVENT_COLUMNS,
  row(obj, ctx) {
    const reg = rec(obj.regarding);
    const series = isSet(obj.series) ? { count: num(rec(obj.series).count), lastObservedTime: rec(obj.series).lastObservedTime } : undefined;
    return eventRow(
      {
        name: obj.metadata.name ?? '',
        firstTimestamp: obj.deprecatedFirstTimestamp,
        lastTimestamp: obj.deprecatedLastTimestamp,
        eventTime: obj.eventTime,
        count: num(obj.deprecatedCount),
        series,
        kind: str(reg.kind),
        objName: str(reg.name),
        fieldPath: str(reg.fieldPath),
        type: str(obj.type),
        reason: str(obj.reason),
        message: str(obj.note),
        component: str(rec(obj.deprecatedSource).component) || str(obj.reportingController),
        host: str(rec(obj.deprecatedSource).host) || str(obj.reportingInstance),
      },
      ctx,
    );
  },
  fields(obj) {
    const reg = rec(obj.regarding);
    return {
      ...metaFields(obj, true),
      'regarding.kind': str(reg.kind),
      'regarding.namespace': str(reg.namespace),
      'regarding.name': str(reg.name),
      'regarding.uid': str(reg.uid),
      'regarding.apiVersion': str(reg.apiVersion),
      'regarding.resourceVersion': str(reg.resourceVersion),
      'regarding.fieldPath': str(reg.fieldPath),
      reason: str(obj.reason),
      reportingController: str(obj.reportingController),
      type: str(obj.type),
    };
  },
  validateSpec(obj) {
    const errs = [];
    if (!isSet(obj.eventTime)) errs.push(fieldErr.required('eventTime', ''));
    if (!str(obj.reportingController)) errs.push(fieldErr.required('reportingController', ''));
    if (!str(obj.reportingInstance)) errs.push(fieldErr.required('reportingInstance', ''));
    if (!str(obj.action)) errs.push(fieldErr.required('action', ''));
    const t = str(obj.type);
    if (t !== 'Normal' && t !== 'Warning') errs.push(fieldErr.invalid('type', t, 'has invalid value: ' + t));
    return errs;
  },
});
