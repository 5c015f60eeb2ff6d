import type { Runtime } from '../../base/runtime.ts';
import { parseQuantity } from '../../base/quantity.ts';
import type { ApiClient } from '../../client/client.ts';
import { refOf } from '../../client/client.ts';

/** POD_METRICS is the PodMetrics resource (metrics.k8s.io/v1beta1 pods). */
export const POD_METRICS = refOf('metrics.k8s.io/v1beta1', 'pods', true);

interface PodMetrics {
  metadata: { name?: string };
  containers?: { usage?: { cpu?: string; memory?: string } }[];
}

/**
 * metricsApiSource is the resource metrics client of the HPA controller: it
 * lists PodMetrics of a namespace through the apiserver (what its role allows)
 * and sums each pod's containers (millicores, bytes). Without the API every
 * pod is without metrics, as when metrics-server is not installed.
 */
export function metricsApiSource(client: ApiClient, runtime: Runtime): { usage(namespace: string, pod: string): { cpu?: number; memory?: number } | undefined } {
  let cache: { at: number; ns: string; byName: Map<string, { cpu: number; memory: number }> } | undefined;
  function load(ns: string): Map<string, { cpu: number; memory: number }> {
    if (cache && cache.at === runtime.now && cache.ns === ns) return cache.byName;
    const byName = new Map<string, { cpu: number; memory: number }>();
    try {
      for (const m of client.list(POD_METRICS, ns).items as unknown as PodMetrics[]) {
        let cpu = 0;
        let memory = 0;
        for (const c of m.containers ?? []) {
          cpu += parseQuantity(c.usage?.cpu ?? '0').milliValue();
          memory += parseQuantity(c.usage?.memory ?? '0').value();
        }
        byName.set(m.metadata.name ?? '', { cpu, memory });
      }
    } catch {
      // not served (no metrics-server) or refused: no metrics
    }
    cache = { at: runtime.now, ns, byName };
    return byName;
  }
  return { usage: (ns, pod) => load(ns).get(pod) };
}
