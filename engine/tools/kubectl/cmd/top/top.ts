import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { parseQuantity, type Quantity } from '../../../../base/quantity.ts';
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

async function runNode(c: RunContext): Promise<number> {
  if (!metricsAvailable(c)) throw new UsageError('Metrics API not available', 'none');
  const client = c.f.client();
  const selector = c.flag<string>('selector');
  const metrics: Any[] = c.args.length ? c.args.map((n) => client.get(NODE_METRICS, undefined, n)) : client.list(NODE_METRICS, undefined, selector ? { labelSelector: selector } : {}).items;
  const nodes = new Map<string, Any>(client.list(NODES).items.map((n: Any) => [n.metadata.name, n]));
  const tw = new TabWriter();
  if (!c.flag<boolean>('no-headers')) tw.writeRow(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  for (const m of metrics) {
    const n = nodes.get(m.metadata.name);
    const avail = (c.flag<boolean>('show-capacity') ? n?.status?.capacity : n?.status?.allocatable) ?? {};
    const cpu = q(m.usage?.cpu);
    const mem = q(m.usage?.memory);
    const cpuPct = q(avail.cpu).milliValue() ? Math.trunc((cpu.milliValue() * 100) / q(avail.cpu).milliValue()) : 0;
    const memPct = q(avail.memory).value() ? Math.trunc((mem.value() * 100) / q(avail.memory).value()) : 0;
    tw.writeRow([m.metadata.name, cores(cpu), `${cpuPct}%`, mib(mem), `${memPct}%`]);
  }
  c.out(tw.flush());
  return 0;
}

async function runPod(c: RunContext): Promise<number> {
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
  const tw = new TabWriter();
  const containers = c.flag<boolean>('containers');
  if (!c.flag<boolean>('no-headers')) tw.writeRow([...(allNs ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)']);
  for (const m of metrics) {
    const lead = allNs ? [m.metadata.namespace] : [];
    if (containers) {
      for (const ct of m.containers ?? []) tw.writeRow([...lead, m.metadata.name, ct.name, cores(q(ct.usage?.cpu)), mib(q(ct.usage?.memory))]);
      continue;
    }
    let cpu = q(0);
    let mem = q(0);
    for (const ct of m.containers ?? []) {
      cpu = cpu.add(q(ct.usage?.cpu));
      mem = mem.add(q(ct.usage?.memory));
    }
    tw.writeRow([...lead, m.metadata.name, cores(cpu), mib(mem)]);
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
