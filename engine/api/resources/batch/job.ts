import { humanDuration } from '../../../base/age.ts';
import { parseTime } from '../../../base/clock.ts';
import type { FieldError } from '../../../base/errors.ts';
import type { KObject, PrintContext } from '../../types.ts';
import { immutable } from '../../validation/meta.ts';
import { isSet, list, num, rec, str } from '../../validation/util.ts';
import { containerCells, selectorText } from '../cells.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { setPodTemplateDefaults } from '../core/pod-defaults.ts';
import { specStatusStrategy } from '../strategy.ts';
import { validateJobSpec } from './job-spec.ts';

/** Job: STATUS (1.31+), COMPLETIONS, DURATION; the apiserver generates the selector from the uid. */

function hasCondition(obj: KObject, type: string): boolean {
  const c = list(rec(obj.status).conditions).find((x) => str(x.type) === type);
  return !!c && str(c.status) === 'True';
}

/** jobStatus is printJob's STATUS cell. */
export function jobStatus(obj: KObject): string {
  if (hasCondition(obj, 'Complete')) return 'Complete';
  if (hasCondition(obj, 'Failed')) return 'Failed';
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(obj, 'Suspended')) return 'Suspended';
  if (hasCondition(obj, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** jobCompletions is printJob's COMPLETIONS cell: 1/3, or 0/1 of 3 for parallel work queues. */
export function jobCompletions(obj: KObject): string {
  const spec = rec(obj.spec);
  const succeeded = num(rec(obj.status).succeeded);
  if (isSet(spec.completions)) return `${succeeded}/${num(spec.completions)}`;
  const par = num(spec.parallelism);
  return par > 1 ? `${succeeded}/1 of ${par}` : `${succeeded}/1`;
}

/** jobDuration is printJob's DURATION cell. */
export function jobDuration(obj: KObject, ctx: PrintContext): string {
  const status = rec(obj.status);
  const start = parseTime(status.startTime);
  if (start === undefined) return '';
  const end = parseTime(status.completionTime);
  return humanDuration((end ?? ctx.now) - start);
}

function prepareJob(obj: KObject): void {
  const spec = (obj.spec ??= {}) as Record<string, unknown>;
  const uid = obj.metadata.uid ?? '';
  const name = obj.metadata.name ?? '';
  if (spec.manualSelector !== true) {
    // generateSelector: the uid labels select this job's pods, and only them.
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    const tpl = (spec.template ??= {}) as Record<string, unknown>;
    const meta = (tpl.metadata ??= {}) as Record<string, unknown>;
    const labels = (meta.labels ??= {}) as Record<string, string>;
    labels['batch.kubernetes.io/controller-uid'] = uid;
    labels['batch.kubernetes.io/job-name'] = name;
    labels['controller-uid'] = uid;
    labels['job-name'] = name;
  }
  // Defaulting on the way back from storage copies the template labels onto an unlabelled Job.
  const tplLabels = rec(rec(rec(spec.template).metadata).labels) as Record<string, string>;
  if (Object.keys(obj.metadata.labels ?? {}).length === 0 && Object.keys(tplLabels).length) obj.metadata.labels = { ...tplLabels };
}

function validateJob(obj: KObject, old: KObject | undefined): FieldError[] {
  const errs = validateJobSpec(obj.spec, 'spec', true);
  if (old) {
    const s = rec(obj.spec);
    const o = rec(old.spec);
    errs.push(...immutable(s.selector, o.selector, 'spec.selector'));
    if (str(s.completionMode) !== 'Indexed') errs.push(...immutable(s.completions, o.completions, 'spec.completions'));
    errs.push(...immutable(s.completionMode, o.completionMode, 'spec.completionMode'));
    if (o.suspend !== true) errs.push(...immutable(s.template, o.template, 'spec.template'));
  }
  return errs;
}

export const jobDef = defineResource({
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  plural: 'jobs',
  namespaced: true,
  categories: ['all'],
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', 'JobStatus.succeeded'),
    col('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.', 1),
    col('Images', 'string', 'Images referenced by each container in the template.', 1),
    col('Selector', 'string', 'JobSpec.selector', 1),
  ],
  row(obj, ctx) {
    const [names, images] = containerCells(rec(rec(rec(obj.spec).template).spec).containers);
    return [obj.metadata.name ?? '', jobStatus(obj), jobCompletions(obj), jobDuration(obj, ctx), age(obj, ctx), names, images, selectorText(rec(obj.spec).selector)];
  },
  fields: (obj) => ({ ...metaFields(obj, true), 'status.successful': String(num(rec(obj.status).succeeded)) }),
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    if (!isSet(spec.completions) && !isSet(spec.parallelism)) {
      spec.completions = 1;
      spec.parallelism = 1;
    }
    spec.parallelism ??= 1;
    spec.backoffLimit ??= isSet(spec.backoffLimitPerIndex) ? 2147483647 : 6;
    const tplLabels = rec(rec(rec(spec.template).metadata).labels) as Record<string, string>;
    if (Object.keys(tplLabels).length && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...tplLabels };
    spec.completionMode ??= 'NonIndexed';
    spec.suspend ??= false;
    spec.podReplacementPolicy ??= isSet(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
    setPodTemplateDefaults(spec.template, obj);
  },
  validateSpec: validateJob,
  ...specStatusStrategy(() => ({})),
});

const jobStrategy = specStatusStrategy(() => ({}));
jobDef.prepareForCreate = (obj) => {
  jobStrategy.prepareForCreate!(obj);
  prepareJob(obj);
};
