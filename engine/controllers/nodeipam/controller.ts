import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';

/** NODE_CIDR_MASK is --node-cidr-mask-size for IPv4 (each node gets a /24). */
const NODE_CIDR_MASK = 24;

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/**
 * subnets lists the node-sized subnets of --cluster-cidr in order
 * (10.244.0.0/16 → 10.244.0.0/24, 10.244.1.0/24, …).
 */
export function nodeSubnets(clusterCidr: string, mask = NODE_CIDR_MASK): string[] {
  const [addr, bits] = clusterCidr.split('/');
  const prefix = Number(bits);
  if (!addr || !Number.isInteger(prefix) || prefix > mask) return [];
  const base = ipToInt(addr) - (ipToInt(addr) % 2 ** (32 - prefix));
  const count = Math.min(2 ** (mask - prefix), 4096);
  return Array.from({ length: count }, (_, i) => `${intToIp(base + i * 2 ** (32 - mask))}/${mask}`);
}

/**
 * startNodeIpamController runs pkg/controller/nodeipam with the range
 * allocator (kube-controller-manager --allocate-node-cidrs --cluster-cidr):
 * a node without spec.podCIDR gets the first free node-sized subnet of the
 * cluster CIDR, in spec.podCIDR and spec.podCIDRs; a deleted node's subnet
 * becomes free again. Without a cluster CIDR it does nothing.
 */
export function startNodeIpamController(ctx: ControllerContext): Controller {
  const cidr = ctx.options.clusterCidr;
  if (!cidr) return { stop() {} };
  const subnets = nodeSubnets(cidr);
  const nodeInf = ctx.informers.informer(R.nodes);
  // What this allocator handed out and its informer may not show yet (the cidr set of the range allocator).
  const assigned = new Map<string, string>();
  const used = () => new Set([...nodeInf.list().map((n) => (n.spec as { podCIDR?: string } | undefined)?.podCIDR).filter((c): c is string => !!c), ...assigned.values()]);
  const allocate = (n: KObject) => {
    if ((n.spec as { podCIDR?: string } | undefined)?.podCIDR || assigned.has(n.metadata.name!)) return;
    const taken = used();
    const free = subnets.find((s) => !taken.has(s));
    if (!free) {
      ctx.recorder('cidrAllocator').event(n, 'Normal', 'CIDRNotAvailable', `Node ${n.metadata.name} status is now: CIDRNotAvailable`);
      return;
    }
    try {
      ctx.client.patch(R.nodes, undefined, n.metadata.name!, 'merge', { spec: { podCIDR: free, podCIDRs: [free] } });
      assigned.set(n.metadata.name!, free);
      ctx.recorder('cidrAllocator').event(n, 'Normal', 'CIDRAssignmentSucceeded', `Node ${n.metadata.name} status is now: CIDRAssignmentSucceeded`);
    } catch (err) {
      if (!isNotFound(err)) ctx.runtime.onError(err, 'node ipam');
    }
  };
  nodeInf.on({ add: allocate, update: (_o, n) => allocate(n), delete: (n) => void assigned.delete(n.metadata.name!) });
  // A failed patch is retried on the next pass, as the allocator's work queue would.
  const timer = ctx.runtime.every(5000, () => {
    for (const n of nodeInf.list()) allocate(n);
  }, 'node-ipam resync');
  return { stop: () => timer.cancel() };
}
