import { fieldErr, invalid, OMIT, type FieldError } from '../base/errors.ts';
import type { KObject } from '../api/types.ts';
import type { RestHooks, ServerContext } from '../apiserver/context.ts';
import { cidrContains, intToIp, ipToInt } from './ip.ts';

interface PortSpec {
  nodePort?: number;
}
interface SvcSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: PortSpec[];
}

function specOf(o: KObject): SvcSpec {
  return ((o as { spec?: SvcSpec }).spec ??= {});
}

function usedBy(ctx: ServerContext, except: KObject | undefined): { ips: Set<string>; ports: Set<number> } {
  const def = ctx.registry.all().find((d) => d.group === '' && d.plural === 'services');
  const ips = new Set<string>();
  const ports = new Set<number>();
  if (!def) return { ips, ports };
  for (const s of ctx.storage.store(def).list()) {
    if (except && s.metadata.namespace === except.metadata.namespace && s.metadata.name === except.metadata.name) continue;
    const sp = specOf(s);
    for (const ip of sp.clusterIPs ?? (sp.clusterIP ? [sp.clusterIP] : [])) ips.add(ip);
    for (const p of sp.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

function rangeOf(cidr: string): { first: number; size: number } {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits ?? 32));
  return { first: ipToInt(base ?? '0.0.0.0') ?? 0, size };
}

/**
 * allocate gives a Service its cluster IP and node ports the way the
 * apiserver's allocators do: a requested value must be free and in range; a
 * missing one is drawn at random (cluster IPs from the upper part of the
 * range first, leaving the low addresses for static assignment, as
 * ServiceIPStaticSubrange does).
 */
function allocate(obj: KObject, old: KObject | undefined, ctx: ServerContext): void {
  const spec = specOf(obj);
  const type = spec.type ?? 'ClusterIP';
  const used = usedBy(ctx, old ?? obj);
  const errs: FieldError[] = [];
  const rand = ctx.runtime.rand;
  if (type !== 'ExternalName' && spec.clusterIP !== 'None') {
    const oldIP = old ? specOf(old).clusterIP : undefined;
    const want = spec.clusterIP;
    if (want && want !== oldIP) {
      if (!cidrContains(ctx.serviceCidr, want)) {
        errs.push({ ...fieldErr.invalid('spec.clusterIPs', OMIT, `[]string{"${want}"}: failed to allocate IP ${want}: the provided IP (${want}) is not in the valid range. The range of valid IPs is ${ctx.serviceCidr}`) });
      } else if (used.ips.has(want)) {
        errs.push(fieldErr.invalid('spec.clusterIPs', OMIT, `[]string{"${want}"}: failed to allocate IP ${want}: provided IP is already allocated`));
      }
    } else if (!want) {
      const { first, size } = rangeOf(ctx.serviceCidr);
      const lowBand = Math.min(Math.max(16, Math.floor(size / 16)), 256);
      let ip: string | undefined;
      for (let i = 0; i < 64 && !ip; i++) {
        const n = first + lowBand + rand.int(Math.max(1, size - lowBand - 1));
        const cand = intToIp(n);
        if (!used.ips.has(cand)) ip = cand;
      }
      for (let n = first + 1; !ip && n < first + size - 1; n++) if (!used.ips.has(intToIp(n))) ip = intToIp(n);
      if (ip) {
        spec.clusterIP = ip;
        spec.clusterIPs = [ip];
      }
    }
  }
  if (type === 'NodePort' || type === 'LoadBalancer') {
    const [lo, hi] = ctx.nodePortRange;
    const oldPorts = new Set((old ? specOf(old).ports ?? [] : []).map((p) => p.nodePort).filter((n): n is number => !!n));
    const taken = new Set(used.ports);
    (spec.ports ?? []).forEach((p, i) => {
      if (p.nodePort) {
        if (oldPorts.has(p.nodePort)) {
          taken.add(p.nodePort);
          return;
        }
        if (p.nodePort < lo || p.nodePort > hi) errs.push(fieldErr.invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${lo}-${hi}`));
        else if (taken.has(p.nodePort)) errs.push(fieldErr.invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
        taken.add(p.nodePort);
        return;
      }
      for (let k = 0; k < 200; k++) {
        const n = lo + rand.int(hi - lo + 1);
        if (!taken.has(n)) {
          p.nodePort = n;
          taken.add(n);
          return;
        }
      }
    });
  } else {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (errs.length) throw invalid({ group: '', kind: 'Service' }, obj.metadata.name ?? '', errs);
}

/** serviceAllocationHooks are the apiserver REST hooks that allocate Service cluster IPs and node ports. */
export function serviceAllocationHooks(): Record<string, RestHooks> {
  return {
    services: {
      beforeCreate: (obj, ctx) => allocate(obj, undefined, ctx),
      beforeUpdate: (obj, old, ctx) => allocate(obj, old, ctx),
    },
  };
}
