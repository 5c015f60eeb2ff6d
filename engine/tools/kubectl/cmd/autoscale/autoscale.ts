import { UsageError, type RunContext } from '../../cli/command.ts';
import { RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, maybeSaveConfig, printResult } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { make } from '../create/meta.ts';
import { resolveTargets } from '../create/targets.ts';
import type { FlagDef } from '../../cli/flags.ts';
import { parseResourceInput, type MetricTarget } from './targets.ts';

/** CPU_PERCENT_FLAG is --cpu-percent, deprecated in kubectl 1.34 for --cpu (hidden from --help, a notice when set). */
const CPU_PERCENT_FLAG: FlagDef = {
  name: 'cpu-percent',
  type: 'int',
  default: -1,
  defaultText: '-1',
  usage: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.",
  deprecated: "Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).",
};

/** targetOf reads --cpu or --memory, turning kubectl's parse errors into its error lines. */
function targetOf(value: string, resource: 'cpu' | 'memory'): MetricTarget {
  try {
    return parseResourceInput(value, resource);
  } catch (e) {
    throw new WrappedError((e as Error).message);
  }
}

/** resourceMetric is one Resource metric of an autoscaling/v2 HPA. */
function resourceMetric(name: 'cpu' | 'memory', target: MetricTarget): Record<string, unknown> {
  return { type: 'Resource', resource: { name, target } };
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length === 0 && c.flag<string[]>('filename').length === 0) {
    throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  }
  if (!c.changed('max')) throw new UsageError('required flag(s) "max" not set', 'none');
  const max = c.flag<number>('max');
  const min = c.flag<number>('min');
  const cpuPercent = c.flag<number>('cpu-percent');
  const cpu = c.flag<string>('cpu');
  const memory = c.flag<string>('memory');
  if (max < 1) throw new WrappedError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new WrappedError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (cpuPercent > 0 && cpu !== '') throw new WrappedError('--cpu-percent and --cpu are mutually exclusive');
  const metrics: Record<string, unknown>[] = [];
  if (cpuPercent > 0) metrics.push(resourceMetric('cpu', { type: 'Utilization', averageUtilization: cpuPercent }));
  if (cpu !== '') metrics.push(resourceMetric('cpu', targetOf(cpu, 'cpu')));
  if (memory !== '') metrics.push(resourceMetric('memory', targetOf(memory, 'memory')));
  const d = dryRun(c);
  checkOutput(c);
  for (const t of await resolveTargets(c, c.args)) {
    if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.obj.kind ?? '')) throw new WrappedError(`cannot autoscale a ${t.obj.kind}: ${t.obj.kind} cannot be scaled`);
    const name = c.flag<string>('name') || (t.obj.metadata.name ?? '');
    const spec: Record<string, unknown> = { scaleTargetRef: { kind: t.obj.kind, name: t.obj.metadata.name, apiVersion: t.obj.apiVersion } };
    if (min >= 1) spec.minReplicas = min;
    spec.maxReplicas = max;
    if (metrics.length) spec.metrics = metrics;
    const meta: Record<string, unknown> = { name };
    if (c.f.namespaceExplicit()) meta.namespace = c.f.namespace();
    // recorded before --save-config, so the saved configuration carries the change-cause too
    const hpa = maybeSaveConfig(c, recordChangeCause(c, make('autoscaling/v2', 'HorizontalPodAutoscaler', { metadata: meta, spec, status: { desiredReplicas: 0, currentMetrics: null } })));
    if (d === 'client') {
      printResult(c, hpa, 'autoscaled', d, { fromServer: false });
      continue;
    }
    const res = c.f.discovery().resolve('horizontalpodautoscalers.autoscaling');
    const made = c.f.client().create(res, t.obj.metadata.namespace, hpa, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') });
    printResult(c, { ...made, kind: 'HorizontalPodAutoscaler' }, 'autoscaled', d, { fromServer: true });
  }
  return 0;
}

/** autoscaleCommand is `kubectl autoscale`. */
export const autoscaleCommand = commandFromHelp('autoscale', { run, hiddenFlags: [RECORD_FLAG, CPU_PERCENT_FLAG], group: 'Deploy Commands', short: 'Auto-scale a deployment, replica set, stateful set, or replication controller' });
