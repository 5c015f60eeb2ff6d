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

/** UNKNOWN is what metricsutil prints for a value it cannot know (a node without metrics, swap without capacity). */
const UNKNOWN = '<unknown>';

async function runNode(c: RunContext): Promise<number> {
  const by = sortByFlag(c);
  if (!metricsAvailable(c)) throw new UsageError('Metrics API not available', 'none');
  const client = c.f.client();
  const selector = c.flag<string>('selector');
  const swap = c.flag<boolean>('show-swap');
  const metrics: Any[] = c.args.length ? c.args.map((n) => client.get(NODE_METRICS, undefined, n)) : client.list(NODE_METRICS, undefined, selector ? { labelSelector: selector } : {}).items;
  sortMetrics(metrics, by, (m) => ({ cpu: q(m.usage?.cpu), memory: q(m.usage?.memory) }), (m) => [m.metadata.name]);
  const nodeList: Any[] = c.args.length ? c.args.map((n) => client.get(NODES, undefined, n)) : client.list(NODES, undefined, selector ? { labelSelector: selector } : {}).items;
  const nodes = new Map<string, Any>(nodeList.map((n: Any) => [n.metadata.name, n]));
  // metricsutil prints every value followed by a tab, so the last column is padded too
  const tw = new TabWriter();
  if (!c.flag<boolean>('no-headers')) tw.writeRow(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)', ...(swap ? ['SWAP(bytes)', 'SWAP(%)'] : []), '']);
  const pct = (used: number, of: number) => `${of ? Math.trunc((used * 100) / of) : 0}%`;
  for (const m of metrics) {
    const n = nodes.get(m.metadata.name);
    nodes.delete(m.metadata.name);
    const avail = (c.flag<boolean>('show-capacity') ? n?.status?.capacity : n?.status?.allocatable) ?? {};
    const cpu = q(m.usage?.cpu);
    const mem = q(m.usage?.memory);
    const row = [m.metadata.name, cores(cpu), pct(cpu.milliValue(), q(avail.cpu).milliValue()), mib(mem), pct(mem.value(), q(avail.memory).value())];
    if (swap) {
      // swap is known only on nodes that report a swap capacity (status.nodeInfo.swap)
      const capacity = n?.status?.nodeInfo?.swap?.capacity;
      const used = q(m.usage?.swap);
      row.push(...(capacity === undefined || capacity === null ? [UNKNOWN, UNKNOWN] : [mib(used), pct(used.value(), Number(capacity))]));
    }
    tw.writeRow([...row, '']);
  }
  // nodes the metrics API has nothing for (a node down) are listed with unknown values, after the others
  for (const name of [...nodes.keys()].sort()) tw.writeRow([name, ...Array<string>(swap ? 6 : 4).fill(UNKNOWN), '']);
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
  const swap = c.flag<boolean>('show-swap');
  const podUsage = (m: Any) => {
    let cpu = q(0);
    let memory = q(0);
    let swapped = q(0);
    for (const ct of m.containers ?? []) {
      cpu = cpu.add(q(ct.usage?.cpu));
      memory = memory.add(q(ct.usage?.memory));
      swapped = swapped.add(q(ct.usage?.swap));
    }
    return { cpu, memory, swap: swapped };
  };
  const usageCells = (u: { cpu: Quantity; memory: Quantity; swap: Quantity }) => [cores(u.cpu), mib(u.memory), ...(swap ? [mib(u.swap)] : [])];
  sortMetrics(metrics, by, podUsage, (m) => (allNs ? [m.metadata.namespace, m.metadata.name] : [m.metadata.name]));
  const tw = new TabWriter();
  const containers = c.flag<boolean>('containers');
  const noHeaders = c.flag<boolean>('no-headers');
  if (!noHeaders) tw.writeRow([...(allNs ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)', ...(swap ? ['SWAP(bytes)'] : []), '']);
  for (const m of metrics) {
    const lead = allNs ? [m.metadata.namespace] : [];
    if (containers) {
      const cts: Any[] = [...(m.containers ?? [])];
      sortMetrics(cts, by, (ct) => ({ cpu: q(ct.usage?.cpu), memory: q(ct.usage?.memory) }), (ct) => [ct.name]);
      for (const ct of cts) tw.writeRow([...lead, m.metadata.name, ct.name, ...usageCells({ cpu: q(ct.usage?.cpu), memory: q(ct.usage?.memory), swap: q(ct.usage?.swap) }), '']);
      continue;
    }
    tw.writeRow([...lead, m.metadata.name, ...usageCells(podUsage(m)), '']);
  }
  if (c.flag<boolean>('sum')) {
    // printPodResourcesSum: the width counts the NAMESPACE and POD columns only when headers print (kubectl's own quirk)
    const width = (swap ? 4 : 3) + (noHeaders ? 0 : (allNs ? 1 : 0) + (containers ? 1 : 0));
    const total = metrics.map(podUsage).reduce((a, u) => ({ cpu: a.cpu.add(u.cpu), memory: a.memory.add(u.memory), swap: a.swap.add(u.swap) }), { cpu: q(0), memory: q(0), swap: q(0) });
    tw.writeRow([...Array<string>(Math.max(0, width - 2)).fill(''), '________', '________', '']);
    tw.writeRow([...Array<string>(Math.max(0, width - 3)).fill(''), '', ...usageCells(total), '']);
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
