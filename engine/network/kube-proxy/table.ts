import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

/** Endpoint is one backend address of a service port. */
export interface Endpoint {
  ip: string;
  port: number;
  /** the node the backend pod runs on (for externalTrafficPolicy/internalTrafficPolicy Local) */
  nodeName?: string;
}

/** ServicePortEntry is what kube-proxy programs for one port of one Service. */
export interface ServicePortEntry {
  /** namespace/name:portName, as kube-proxy names its chains' comments */
  id: string;
  namespace: string;
  name: string;
  portName: string;
  protocol: string;
  clusterIPs: string[];
  port: number;
  nodePort?: number;
  /** externalIPs and load-balancer ingress IPs, which route like the cluster IP */
  externalIPs: string[];
  endpoints: Endpoint[];
  affinity: { timeoutSeconds: number } | undefined;
  /** externalTrafficPolicy Local: NodePort traffic only reaches pods on the receiving node */
  externalLocal: boolean;
  internalLocal: boolean;
}

/** serviceKey is namespace/name. */
export function serviceKey(ns: string | undefined, name: string | undefined): string {
  return `${ns ?? ''}/${name ?? ''}`;
}

/**
 * buildEntries turns a Service and its EndpointSlices into port entries the
 * way kube-proxy's service and endpoints change trackers do: only ready
 * endpoints are used (serving-but-terminating ones only when nothing is ready),
 * matched to the service port by port name and protocol.
 */
export function buildEntries(svc: Service, slices: EndpointSlice[], lbIPs: string[] = []): ServicePortEntry[] {
  const spec = svc.spec ?? {};
  const ns = svc.metadata?.namespace ?? 'default';
  const name = svc.metadata?.name ?? '';
  if (spec.type === 'ExternalName') return [];
  const clusterIPs = (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).filter((ip) => ip && ip !== 'None');
  const affinity = spec.sessionAffinity === 'ClientIP' ? { timeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800 } : undefined;
  const nodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  const externalIPs = [...(spec.externalIPs ?? []), ...lbIPs, ...((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((x): x is string => !!x))];
  return (spec.ports ?? []).map((p) => {
    const portName = p.name ?? '';
    const protocol = p.protocol ?? 'TCP';
    const ready: Endpoint[] = [];
    const terminating: Endpoint[] = [];
    for (const s of slices) {
      if (s.addressType && s.addressType !== 'IPv4') continue;
      const sp = (s.ports ?? []).find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === protocol);
      if (!sp || sp.port === undefined || sp.port === null) continue;
      for (const ep of s.endpoints ?? []) {
        const c = ep.conditions ?? {};
        for (const ip of ep.addresses ?? []) {
          const e = { ip, port: sp.port, nodeName: ep.nodeName ?? undefined };
          if (c.ready !== false) ready.push(e);
          else if (c.serving === true && c.terminating === true) terminating.push(e);
        }
      }
    }
    const uniq = new Map<string, Endpoint>();
    for (const e of ready.length > 0 ? ready : terminating) uniq.set(`${e.ip}:${e.port}`, e);
    return {
      id: `${ns}/${name}${portName ? `:${portName}` : ''}`,
      namespace: ns,
      name,
      portName,
      protocol,
      clusterIPs,
      port: p.port,
      nodePort: nodePorts ? (p.nodePort ?? undefined) : undefined,
      externalIPs,
      endpoints: [...uniq.values()].sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port)),
      affinity,
      externalLocal: spec.externalTrafficPolicy === 'Local',
      internalLocal: spec.internalTrafficPolicy === 'Local',
    };
  });
}
