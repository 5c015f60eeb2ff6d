import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { parseQuantity, type Quantity } from '../../../../base/quantity.ts';
import { goSort } from '../../printers/gosort.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { TOP_HELP, TOP_NODE_HELP, TOP_POD_HELP } from './help.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- metrics are read loosely */
type Any = any;

const NODE_METRICS = { group: 'metrics.k8s.io', version: 'v1beta1', plural: 'nodes', namespaced: false };
const POD_METRICS = { group: 'metrics.k8s.io', version: 'v1beta1', plural: 'pods', namespaced: true };
const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };

/** metricsAvailable tells whether the server serves metrics.k8s.io (kubectl top needs it). */
function metricsAvailable(c: RunContext): boolean {
  return c.f.discovery().groups().includes('metrics.k8s.io');
}

function q(v: unknown): Quantity {
  return parseQuantity(String(v ?? '0'));
}

const cores = (x: Quantity) => `${x.milliValue()}m`;
const mib = (x: Quantity) => `${Math.trunc(x.value() / (1024 * 1024))}Mi`;

/** sortByFlag is --sort-by, checked as kubectl's Validate does. */
function sortByFlag(c: RunContext): '' | 'cpu' | 'memory' {
  const v = c.flag<string>('sort-by') ?? '';
  if (v !== '' && v !== 'cpu' && v !== 'memory') throw new UsageError('--sort-by accepts only cpu or memory', 'none');
  return v;
}

/**
 * sortMetrics is kubectl's metrics sorters under Go's sort.Sort: by CPU or
 * memory, largest first, else by namespace (with -A) and name.
 */
function sortMetrics<T>(items: T[], by: '' | 'cpu' | 'memory', usage: (x: T) => { cpu: Quantity; memory: Quantity }, key: (x: T) => string[]): void {
  const u = items.map(usage);
  const less = (i: number, j: number): boolean => {
    if (by === 'cpu') return u[i]!.cpu.milliValue() > u[j]!.cpu.milliValue();
    if (by === 'memory') return u[i]!.memory.value() > u[j]!.memory.value();
    const a = key(items[i]!);
    const b = key(items[j]!);
    const k = a.findIndex((x, n) => x !== b[n]);
    return k >= 0 && a[k]! < b[k]!;
  };
  goSort(items.length, less, (i, j) => {
    [items[i], items[j]] = [items[j]!, items[i]!];
    [u[i], u[j]] = [u[j]!, u[i]!];
  });
}

async function runNode(c: RunContext): Promise<number> {
  const by = sortByFlag(c);
  if (!metricsAvailable(c)) throw new UsageError('Metrics API not available', 'none');
  const client = c.f.client();
  const selector = c.flag<string>('selector');
  const metrics: Any[] = c.args.length ? c.args.map((n) => client.get(NODE_METRICS, undefined, n)) : client.list(NODE_METRICS, undefined, selector ? { labelSelector: selector } : {}).items;
  sortMetrics(metrics, by, (m) => ({ cpu: q(m.usage?.cpu), memory: q(m.usage?.memory) }), (m) => [m.metadata.name]);
  const nodes = new Map<string, Any>(client.list(NODES).items.map((n: Any) => [n.metadata.name, n]));
  // metricsutil prints every value followed by a tab, so the last column is padded too
  const tw = new TabWriter();
  if (!c.flag<boolean>('no-headers')) tw.writeRow(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)', '']);
  for (const m of metrics) {
    const n = nodes.get(m.metadata.name);
    const avail = (c.flag<boolean>('show-capacity') ? n?.status?.capacity : n?.status?.allocatable) ?? {};
    const cpu = q(m.usage?.cpu);
    const mem = q(m.usage?.memory);
    const cpuPct = q(avail.cpu).milliValue() ? Math.trunc((cpu.milliValue() * 100) / q(avail.cpu).milliValue()) : 0;
    const memPct = q(avail.memory).value() ? Math.trunc((mem.value() * 100) / q(avail.memory).value()) : 0;
    tw.writeRow([m.metadata.name, cores(cpu), `${cpuPct}%`, mib(mem), `${memPct}%`, '']);
  }
  c.out(tw.flush());
  return 0;
}

async function runPod(c: RunContext): Promise<number> {
  const by = sortByFlag(c);
  if (!metricsAvailable(c)) throw new UsageError('Metrics API not available', 'none');
  const client = c.f.client();
  const allNs = c.flag<boolean>('all-namespaces');
  const ns = allNs ? undefined : c.f.namespace();
  const opts = { labelSelector: c.flag<string>('selector') || undefined, fieldSelector: c.flag<string>('field-selector') || undefined };
  const metrics: Any[] = c.args.length ? c.args.map((n) => client.get(POD_METRICS, ns, n)) : client.list(POD_METRICS, ns, opts).items;
  if (metrics.length === 0) {
    c.err(allNs ? 'No resources found\n' : `No resources found in ${c.f.namespace()} namespace.\n`);
    return 0;
  }
  const podUsage = (m: Any) => {
    let cpu = q(0);
    let memory = q(0);
    for (const ct of m.containers ?? []) {
      cpu = cpu.add(q(ct.usage?.cpu));
      memory = memory.add(q(ct.usage?.memory));
    }
    return { cpu, memory };
  };
  sortMetrics(metrics, by, podUsage, (m) => (allNs ? [m.metadata.namespace, m.metadata.name] : [m.metadata.name]));
  const tw = new TabWriter();
  const containers = c.flag<boolean>('containers');
  if (!c.flag<boolean>('no-headers')) tw.writeRow([...(allNs ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)', '']);
  for (const m of metrics) {
    const lead = allNs ? [m.metadata.namespace] : [];
    if (containers) {
      const cts: Any[] = [...(m.containers ?? [])];
      sortMetrics(cts, by, (ct) => ({ cpu: q(ct.usage?.cpu), memory: q(ct.usage?.memory) }), (ct) => [ct.name]);
      for (const ct of cts) tw.writeRow([...lead, m.metadata.name, ct.name, cores(q(ct.usage?.cpu)), mib(q(ct.usage?.memory)), '']);
      continue;
    }
    const { cpu, memory } = podUsage(m);
    tw.writeRow([...lead, m.metadata.name, cores(cpu), mib(memory), '']);
  }
  c.out(tw.flush());
  return 0;
}

/** topCommand is `kubectl top` with `node` and `pod`; without metrics.k8s.io it answers "Metrics API not available". */
export const topCommand: CommandDef = {
  ...TOP_HELP,
  name: 'top',
  group: 'Cluster Management Commands',
  subcommands: [
    { ...TOP_NODE_HELP, name: 'node', run: runNode },
    { ...TOP_POD_HELP, name: 'pod', run: runPod },
  ],
};
