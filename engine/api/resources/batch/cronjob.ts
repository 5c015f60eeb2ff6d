import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { maxLenError } from '../../validation/names.ts';
import { nonNegative } from '../../validation/meta.ts';
import { isSet, list, rec, str } from '../../validation/util.ts';
import { containerCells, selectorText } from '../cells.ts';
import { age, col, defineResource, timeSince, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from '../core/pod-defaults.ts';
import { specStatusStrategy } from '../strategy.ts';
import { cronScheduleError } from './cron.ts';
import { validateJobSpec } from './job-spec.ts';

/** CronJob: SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE. */

const POLICIES = ['Allow', 'Forbid', 'Replace'];

function validateCronJob(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs: FieldError[] = [];
  const name = obj.metadata.name ?? '';
  if (name.length > 52) errs.push(fieldErr.invalid('metadata.name', name, maxLenError(52)));
  const schedule = str(spec.schedule);
  if (!schedule) errs.push(fieldErr.required('spec.schedule', ''));
  else if (/(^|\s)(CRON_)?TZ=/.test(schedule)) {
    errs.push(fieldErr.invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  } else {
    const msg = cronScheduleError(schedule);
    if (msg) errs.push(fieldErr.invalid('spec.schedule', schedule, msg));
  }
  const cp = str(spec.concurrencyPolicy);
  if (!POLICIES.includes(cp)) errs.push(fieldErr.notSupported('spec.concurrencyPolicy', cp, POLICIES));
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  const tz = spec.timeZone;
  if (isSet(tz) && !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(str(tz)) && str(tz) !== 'UTC') {
    errs.push(fieldErr.invalid('spec.timeZone', str(tz), `unknown time zone ${str(tz)}`));
  }
  errs.push(...validateJobSpec(rec(spec.jobTemplate).spec, 'spec.jobTemplate.spec', false));
  return errs;
}

export const cronJobDef = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  plural: 'cronjobs',
  shortNames: ['cj'],
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Schedule', 'string', 'CronJobSpec.schedule'),
    col('Timezone', 'string', 'CronJobSpec.timeZone'),
    col('Suspend', 'boolean', 'CronJobSpec.suspend'),
    col('Active', 'integer', 'CronJobStatus.active'),
    col('Last Schedule', 'string', 'CronJobStatus.lastScheduleTime'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'JobSpec.selector', 1),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const js = rec(rec(spec.jobTemplate).spec);
    const [names, images] = containerCells(rec(rec(js.template).spec).containers);
    return [
      obj.metadata.name ?? '',
      str(spec.schedule),
      isSet(spec.timeZone) ? str(spec.timeZone) : '<none>',
      // printBoolPtr: "<unset>" for nil, else True or False.
      isSet(spec.suspend) ? (spec.suspend === true ? 'True' : 'False') : '<unset>',
      list(status.active).length,
      isSet(status.lastScheduleTime) ? timeSince(status.lastScheduleTime, ctx) : '<none>',
      age(obj, ctx),
      names,
      images,
      selectorText(js.selector),
    ];
  },
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.concurrencyPolicy ??= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    setPodTemplateDefaults(rec(rec(spec.jobTemplate).spec).template, obj);
  },
  validateSpec: validateCronJob,
  ...specStatusStrategy(() => ({})),
});
