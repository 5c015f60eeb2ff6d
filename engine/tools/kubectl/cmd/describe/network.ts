import type { KObject } from '../../../../api/types.ts';
import { describeEvents } from './events.ts';
import { endpointsFor } from './service.ts';
import type { DescribeContext } from './types.ts';
import { selectorString } from './workloads.ts';
import { PrefixWriter, printAnnotations, printLabels } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

const SERVICES = { group: '', version: 'v1', plural: 'services', namespaced: true };
const SLICES = { group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices', namespaced: true };

/** describeBackend is "svc:port (endpoints)" for an ingress backend. */
function describeBackend(d: DescribeContext, ns: string, b: Any): string {
  if (b?.service) {
    const port = b.service.port?.number ? String(b.service.port.number) : (b.service.port?.name ?? '');
    const sb = `${b.service.name}:${port}`;
    let svc: Any;
    try {
      svc = d.client.get(SERVICES, ns, b.service.name);
    } catch (e) {
      return `${sb} (<error: ${(e as Error).message}>)`;
    }
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? '';
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name;
    }
    let slices: Any[] = [];
    try {
      slices = d.client.list(SLICES, ns, { labelSelector: `kubernetes.io/service-name=${b.service.name}` }).items as Any[];
    } catch {
      slices = [];
    }
    return `${sb} (${endpointsFor(slices, spName)})`;
  }
  if (b?.resource) return `APIGroup: ${b.resource.apiGroup ?? ''}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

/** describeIngress is IngressDescriber (networking.k8s.io/v1). */
export function describeIngress(o: KObject, d: DescribeContext): string {
  const ing = o as Any;
  const spec = ing.spec ?? {};
  const ns = o.metadata.namespace ?? '';
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  const lb: Any[] = ing.status?.loadBalancer?.ingress ?? [];
  w.write(0, `Address:\t${lb.map((i) => i.ip || i.hostname).join(',')}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  w.write(0, `Default backend:\t${spec.defaultBackend ? describeBackend(d, ns, spec.defaultBackend) : '<default>'}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls) {
      if (!t.secretName) w.write(1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
      else w.write(1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const r of spec.rules ?? []) {
    if (!r.http) continue;
    count++;
    w.write(1, `${r.host || '*'}\t\n`);
    for (const p of r.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(d, ns, p.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${spec.defaultBackend ? describeBackend(d, ns, spec.defaultBackend) : ''}\n`);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  if (d.showEvents) describeEvents(w, d.events(o, 'Ingress'), d.now);
  return w.text();
}

function fmtSelector(s: Any): string {
  return selectorString(s) || '<none>';
}

function peers(w: PrefixWriter, indent: string, label: 'From' | 'To', list: Any[] | undefined, none: string): void {
  if (!list?.length) {
    w.write(0, `${indent}${label}: <any> (traffic not restricted by ${none})\n`);
    return;
  }
  // one heading per peer: peers of a list are ORed, the selectors inside one peer ANDed
  for (const p of list) {
    w.write(0, `${indent}${label}:\n`);
    if (p.podSelector && p.namespaceSelector) {
      w.write(1, `${indent}NamespaceSelector: ${fmtSelector(p.namespaceSelector)}\n`);
      w.write(1, `${indent}PodSelector: ${fmtSelector(p.podSelector)}\n`);
    } else if (p.podSelector) w.write(1, `${indent}PodSelector: ${fmtSelector(p.podSelector)}\n`);
    else if (p.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${fmtSelector(p.namespaceSelector)}\n`);
    else if (p.ipBlock) {
      w.write(1, `${indent}IPBlock:\n`);
      w.write(2, `${indent}CIDR: ${p.ipBlock.cidr}\n`);
      w.write(2, `${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

function rules(w: PrefixWriter, indent: string, rs: Any[] | undefined, dir: 'ingress' | 'egress'): void {
  if (!rs?.length) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${dir} connectivity)\n`);
    return;
  }
  rs.forEach((r, i) => {
    if (!r.ports?.length) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    else
      for (const p of r.ports) {
        const proto = p.protocol ?? 'TCP';
        if (p.port === undefined || p.port === null) w.write(0, `${indent}To Port: <any>/${proto}\n`);
        else if (p.endPort === undefined || p.endPort === null) w.write(0, `${indent}To Port: ${p.port}/${proto}\n`);
        else w.write(0, `${indent}To Port Range: ${p.port}-${p.endPort}/${proto}\n`);
      }
    if (dir === 'ingress') peers(w, indent, 'From', r.from, 'source');
    else peers(w, indent, 'To', r.to, 'destination');
    if (i !== rs.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** goTimeString is Go's time.Time.String() in UTC ("2006-01-02 15:04:05 +0000 UTC"). */
function goTimeString(iso: string | null | undefined): string {
  if (!iso) return '0001-01-01 00:00:00 +0000 UTC';
  return `${iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '')} +0000 UTC`;
}

/** describeNetworkPolicy is NetworkPolicyDescriber. */
export function describeNetworkPolicy(o: KObject): string {
  const np = o as Any;
  const spec = np.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, `Created on:\t${goTimeString(o.metadata.creationTimestamp)}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const ps = spec.podSelector ?? {};
  if (!Object.keys(ps.matchLabels ?? {}).length && !(ps.matchExpressions ?? []).length) w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else w.write(2, `${selectorString(ps)}\n`);
  const types: string[] = spec.policyTypes ?? [];
  const ingress = types.length ? types.includes('Ingress') : true;
  const egress = types.length ? types.includes('Egress') : (spec.egress ?? []).length > 0;
  if (ingress) {
    w.write(1, 'Allowing ingress traffic:\n');
    rules(w, '    ', spec.ingress, 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (egress) {
    w.write(1, 'Allowing egress traffic:\n');
    rules(w, '    ', spec.egress, 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ')}\n`);
  return w.text();
}

/** describeEndpointSlice is EndpointSliceDescriber (discovery.k8s.io/v1). */
export function describeEndpointSlice(o: KObject, d: DescribeContext): string {
  const eps = o as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`);
  const ports: Any[] = eps.ports ?? [];
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
  }
  const endpoints: Any[] = eps.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined || e.conditions?.ready === null ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'EndpointSlice'), d.now);
  return w.text();
}

/** describeIngressClass is IngressClassDescriber (networking.k8s.io/v1). */
export function describeIngressClass(o: KObject, d: DescribeContext): string {
  const spec = ((o as Any).spec ?? {}) as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, `Controller:\t${spec.controller ?? ''}\n`);
  const params = spec.parameters;
  if (params) {
    w.write(0, 'Parameters:\n');
    if (params.apiGroup !== undefined && params.apiGroup !== null) w.write(1, `APIGroup:\t${params.apiGroup}\n`);
    w.write(1, `Kind:\t${params.kind ?? ''}\n`);
    w.write(1, `Name:\t${params.name ?? ''}\n`);
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'IngressClass'), d.now);
  return w.text();
}
