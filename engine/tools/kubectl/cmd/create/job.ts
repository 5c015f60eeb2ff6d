import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { commandArgs, enforcedNamespace, make, nameArg, objectMeta, requireFlag } from './meta.ts';

function container(name: string, image: string, command: string[]): Record<string, unknown> {
  const ct: Record<string, unknown> = { name, image };
  if (command.length) ct.command = command;
  ct.resources = {};
  return ct;
}

/** jobFromCronJob is createJobFromCronJob: the cronjob's job template, owned by it, marked manual. */
export function jobFromCronJob(name: string, namespace: string | undefined, cj: KObject): KObject {
  const tmpl = ((cj.spec as Record<string, unknown>)?.jobTemplate ?? {}) as { metadata?: KObject['metadata']; spec?: unknown };
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) };
  const meta: Record<string, unknown> = { name };
  if (namespace) meta.namespace = namespace;
  if (tmpl.metadata?.labels) meta.labels = tmpl.metadata.labels;
  meta.annotations = Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : 1)));
  meta.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }];
  const spec = { ...((tmpl.spec ?? {}) as Record<string, unknown>) };
  // the typed round trip gives the template an ObjectMeta (empty, from kubectl 1.34: a zero creationTimestamp is omitted)
  const template = { ...((spec.template ?? {}) as Record<string, unknown>) };
  template.metadata = { ...((template.metadata ?? {}) as Record<string, unknown>) };
  spec.template = template;
  return make('batch/v1', 'Job', { metadata: meta, spec, status: {} });
}

async function runJob(c: RunContext): Promise<number> {
  const name = nameArg(c);
  const image = c.flag<string>('image');
  const from = c.flag<string>('from');
  const command = commandArgs(c);
  if (!image && !from) throw new WrappedError('either --image or --from must be specified');
  if (from && command.length) throw new WrappedError('cannot specify --from and command');
  const res = c.f.discovery().resolve('jobs.batch');
  if (image) {
    const obj = make('batch/v1', 'Job', {
      metadata: objectMeta(name, enforcedNamespace(c)),
      spec: { template: { metadata: {}, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } },
      status: {},
    });
    return submitCreate(c, res, obj, 'failed to create job: ');
  }
  // --from is read as the builder reads TYPE/NAME arguments: a bare type names nothing
  const [sel] = parseResourceArgs([from], c.f.discovery());
  if (!sel || sel.names.length === 0) throw new UsageError('resource(s) were provided, but no name was specified', 'none');
  const cj = c.f.client().get(sel.res, c.f.namespace(), sel.names[0]!);
  if (cj.kind !== 'CronJob') throw new WrappedError(`unknown object type *v1.${cj.kind}`);
  return submitCreate(c, res, jobFromCronJob(name, enforcedNamespace(c), cj), 'failed to create job: ');
}

async function runCronJob(c: RunContext): Promise<number> {
  const name = nameArg(c);
  requireFlag(c, 'image', 'schedule');
  const restart = c.flag<string>('restart') || 'OnFailure';
  const obj = make('batch/v1', 'CronJob', {
    metadata: objectMeta(name, enforcedNamespace(c)),
    spec: {
      schedule: c.flag<string>('schedule'),
      jobTemplate: {
        metadata: { name },
        spec: { template: { metadata: {}, spec: { containers: [container(name, c.flag<string>('image'), commandArgs(c))], restartPolicy: restart } } },
      },
    },
    status: {},
  });
  return submitCreate(c, c.f.discovery().resolve('cronjobs.batch'), obj, 'failed to create cronjob: ');
}

export const createJobCommand = commandFromHelp('create job', { run: runJob });
export const createCronJobCommand = commandFromHelp('create cronjob', { run: runCronJob });
