import type { KObject } from '../../../../api/types.ts';
import { formatLabels } from '../../printers/table.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, printAnnotations, printLabels } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

const SLICES = { group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', namespaced: true };

/**
 * endpointsFor is formatEndpointSlices: up to three ip:port of ready endpoints
 * for a service port; "<none>" only when the service has no EndpointSlice at
 * all, and an empty string when its slices hold no ready endpoint.
 */
export function endpointsFor(slices: Any[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  for (const s of slices) {
    for (const p of s.ports ?? []) {
      if ((p.name ?? '') !== portName) continue;
      for (const ep of s.endpoints ?? []) {
        if (ep.conditions?.ready === false) continue;
        for (const a of ep.addresses ?? []) list.push(`${a}:${p.port}`);
      }
    }
  }
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** describeService is ServiceDescriber. */
export function describeService(o: KObject, d: DescribeContext): string {
  const svc = o as Any;
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.loadBalancerClass) w.write(0, `LoadBalancer Class:\t${spec.loadBalancerClass}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  // each address with its ipMode in brackets, as buildIngressString writes them
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i: Any) => `${i.ip || i.hostname}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}\n`);
  if (spec.type === 'ExternalName') w.write(0, `External Name:\t${spec.externalName ?? ''}\n`);
  let slices: Any[] = [];
  try {
    slices = d.client.list(SLICES, o.metadata.namespace, { labelSelector: `kubernetes.io/service-name=${o.metadata.name}` }).items;
  } catch {
    slices = [];
  }
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${endpointsFor(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  if (d.showEvents) describeEvents(w, d.events(o, 'Service'), d.now);
  return w.text();
}
