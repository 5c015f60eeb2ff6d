import type { KObject } from '../../api/types.ts';
import type { ApiResponse } from '../../api/transport.ts';
import type { Runtime } from '../../base/runtime.ts';
import { rfc3339 } from '../../base/clock.ts';
import { notFound, methodNotSupported } from '../../base/errors.ts';
import type { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { RequestScope, ServerContext } from '../../apiserver/context.ts';
import { buildFilter, filterMatches } from '../../apiserver/selectors.ts';
import { nodeMetricsDef, podMetricsDef } from './resources.ts';
import { containerUsage, nodeOverhead, runningContainers, type Usage } from './usage.ts';

/** METRIC_RESOLUTION_MS is metrics-server's --metric-resolution (how often it scrapes the kubelets). */
export const METRIC_RESOLUTION_MS = 15_000;

const API_VERSION = 'metrics.k8s.io/v1beta1';

/** MetricsServer is a running metrics-server: its last scrape, served as NodeMetrics and PodMetrics. */
export interface MetricsServer {
  stop(): void;
  /** scrape takes a new sample now (the periodic scrape calls it). */
  scrape(): void;
  /** serve answers a get or list of metrics.k8s.io nodes or pods (the apiserver connector). */
  serve(ctx: ServerContext, s: RequestScope): ApiResponse;
  /** podUsage is a pod's summed usage in the last scrape. */
  podUsage(namespace: string, name: string): Usage | undefined;
}

const cpu = (m: number) => `${Math.round(m * 1_000_000)}n`;
const mem = (b: number) => `${Math.round(b / 1024)}Ki`;

/**
 * startMetricsServer runs metrics-server: every resolution period it reads
 * what runs on each node (running containers of bound pods) and keeps the
 * simulated usage; the apiserver serves that sample as metrics.k8s.io.
 * Pods appear after the first scrape that sees them running, as in a real cluster.
 */
export function startMetricsServer(opts: { runtime: Runtime; client: ApiClient; seed?: number }): MetricsServer {
  const { runtime, client } = opts;
  const seed = opts.seed ?? runtime.rand.uint32();
  let nodes: KObject[] = [];
  let pods: KObject[] = [];

  function scrape(): void {
    const at = rfc3339(runtime.now);
    const window = `${METRIC_RESOLUTION_MS / 1000}s`;
    const perNode = new Map<string, Usage>();
    const nextPods: KObject[] = [];
    let podList: KObject[] = [];
    let nodeList: KObject[] = [];
    try {
      podList = client.list(R.pods).items;
      nodeList = client.list(R.nodes).items;
    } catch {
      return; // the apiserver is away: the last sample stays
    }
    for (const pod of podList) {
      const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      if (!node || pod.metadata.deletionTimestamp) continue;
      const running = runningContainers(pod);
      if (running.length === 0) continue;
      const containers = running.map((c) => ({ name: c.name, u: containerUsage(pod, c, seed) }));
      const sum = perNode.get(node) ?? { cpuMilli: 0, memoryBytes: 0 };
      for (const c of containers) (sum.cpuMilli += c.u.cpuMilli), (sum.memoryBytes += c.u.memoryBytes);
      perNode.set(node, sum);
      nextPods.push({
        kind: 'PodMetrics',
        apiVersion: API_VERSION,
        metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: at, labels: pod.metadata.labels },
        timestamp: at,
        window,
        containers: containers.map((c) => ({ name: c.name, usage: { cpu: cpu(c.u.cpuMilli), memory: mem(c.u.memoryBytes) } })),
      } as KObject);
    }
    nodes = nodeList
      .filter((n) => ((n.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'))
      .map((n) => {
        const own = nodeOverhead(n.metadata.name!, seed);
        const p = perNode.get(n.metadata.name!) ?? { cpuMilli: 0, memoryBytes: 0 };
        return {
          kind: 'NodeMetrics',
          apiVersion: API_VERSION,
          metadata: { name: n.metadata.name, creationTimestamp: at, labels: n.metadata.labels },
          timestamp: at,
          window,
          usage: { cpu: cpu(own.cpuMilli + p.cpuMilli), memory: mem(own.memoryBytes + p.memoryBytes) },
        } as KObject;
      });
    pods = nextPods;
  }

  function serve(_ctx: ServerContext, s: RequestScope): ApiResponse {
    const isNodes = s.def.plural === 'nodes';
    const def = isNodes ? nodeMetricsDef : podMetricsDef;
    const gr = { group: 'metrics.k8s.io', resource: isNodes ? 'nodemetrics' : 'podmetrics' };
    const ns = s.info.namespace;
    const pool = (isNodes ? nodes : pods).filter((o) => isNodes || !ns || o.metadata.namespace === ns);
    if (s.info.verb === 'get') {
      const found = pool.find((o) => o.metadata.name === s.info.name);
      if (!found) throw notFound(gr, isNodes ? s.info.name : `${ns}/${s.info.name}`);
      return { status: 200, body: found };
    }
    if (s.info.verb !== 'list') throw methodNotSupported({ group: 'metrics.k8s.io', resource: s.def.plural }, s.info.verb);
    const q = (k: string) => {
      const v = s.req.query?.[k];
      return Array.isArray(v) ? v[0] : v;
    };
    const filter = buildFilter(def, q('labelSelector'), q('fieldSelector'), pool[0]);
    const items = pool.filter((o) => filterMatches(def, filter, o));
    return { status: 200, body: { kind: isNodes ? 'NodeMetricsList' : 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items } };
  }

  const first = runtime.after(0, scrape, 'metrics-server scrape');
  const timer = runtime.every(METRIC_RESOLUTION_MS, scrape, 'metrics-server scrape');
  return {
    stop: () => (first.cancel(), timer.cancel()),
    scrape,
    serve,
    podUsage(namespace, name) {
      const m = pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name) as { containers?: { usage: { cpu: string; memory: string } }[] } | undefined;
      if (!m) return undefined;
      let c = 0;
      let b = 0;
      for (const x of m.containers ?? []) (c += parseInt(x.usage.cpu, 10) / 1_000_000), (b += parseInt(x.usage.memory, 10) * 1024);
      return { cpuMilli: c, memoryBytes: b };
    },
  };
}
