import type { Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import type { Runtime } from '../../base/runtime.ts';
import type { ApiClient } from '../../client/client.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import { intToIp, ipToInt } from '../ip.ts';

/** LoadBalancerOptions starts the lab's load-balancer provider. */
export interface LoadBalancerOptions {
  runtime: Runtime;
  client: ApiClient;
  /** first and last address of the pool, e.g. 192.168.100.200 – 192.168.100.250 */
  first: string;
  last: string;
}

/**
 * startLoadBalancer gives LoadBalancer Services an external IP from a pool,
 * the way a bare-metal provider (MetalLB's layer-2 mode) does: it writes
 * status.loadBalancer.ingress, and kube-proxy routes that address like the
 * cluster IP. Services of another loadBalancerClass are left alone.
 */
export function startLoadBalancer(opts: LoadBalancerOptions): { stop(): void } {
  const { runtime, client } = opts;
  const services = new Informer(client, R.services, runtime);
  const lo = ipToInt(opts.first) ?? 0;
  const hi = ipToInt(opts.last) ?? lo;
  const reconcile = () => {
    const all = services.list() as unknown as Service[];
    const used = new Set(all.flatMap((s) => (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '')));
    for (const s of all) {
      if (s.spec?.type !== 'LoadBalancer' || s.spec.loadBalancerClass) continue;
      if ((s.status?.loadBalancer?.ingress ?? []).length > 0) continue;
      const wanted = s.spec.loadBalancerIP;
      let ip: string | undefined = wanted && !used.has(wanted) ? wanted : undefined;
      for (let n = lo; !ip && n <= hi; n++) if (!used.has(intToIp(n))) ip = intToIp(n);
      if (!ip) continue;
      used.add(ip);
      try {
        client.updateStatus(R.services, { ...(s as unknown as KObject), status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } } as KObject);
      } catch {
        // a conflict: the next event brings the newer object
      }
    }
  };
  const later = () => void runtime.after(0, reconcile, 'lb-allocate');
  services.on({ add: later, update: later });
  services.start();
  return { stop: () => services.stop() };
}
