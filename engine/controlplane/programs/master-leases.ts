import { parseTime, rfc3339 } from '../../base/clock.ts';
import type { KV } from '../../store/types.ts';

/**
 * The apiserver's lease endpoint reconciler (--endpoint-reconciler-type=lease):
 * every apiserver keeps a key /registry/masterleases/<ip> fresh in etcd, and
 * the kubernetes Service's endpoints are the addresses whose key is younger
 * than the lease TTL. With several control-plane nodes, default/kubernetes
 * lists them all; a stopped apiserver drops out once its lease runs out.
 */

const PREFIX = '/registry/masterleases/';
/** TTL_MS is the masterlease TTL (the apiserver's 15 s). */
const TTL_MS = 15_000;

/** masterLeases renews this apiserver's lease and answers the live apiserver addresses, sorted. */
export function masterLeases(kv: KV, ip: string, now: () => number): () => string[] {
  return () => {
    try {
      kv.put(PREFIX + ip, JSON.stringify({ kind: 'Endpoints', apiVersion: 'v1', metadata: { name: ip, creationTimestamp: rfc3339(now()) }, subsets: [{ addresses: [{ ip }] }] }));
      const live: string[] = [];
      for (const e of kv.range(PREFIX, { prefix: true }).kvs) {
        try {
          const o = JSON.parse(e.value) as { metadata?: { name?: string; creationTimestamp?: string } };
          const at = parseTime(o.metadata?.creationTimestamp ?? '');
          if (o.metadata?.name && at !== undefined && now() - at < TTL_MS) live.push(o.metadata.name);
        } catch {
          /* a damaged lease is no apiserver */
        }
      }
      return live.sort();
    } catch {
      return [ip];
    }
  };
}
