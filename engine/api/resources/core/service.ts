import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { validateLabels } from '../../validation/meta.ts';
import { each, isDns1123Label, isValidPortNum, nameIsDns1035Label } from '../../validation/names.ts';
import { PROTOCOLS, validatePortNumOrName } from '../../validation/ports.ts';
import { isSet, list, num, rec, str, strMap, strs, type Obj } from '../../validation/util.ts';
import { lbIngress, formatLabels } from '../cells.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN, NO_COLLECTION_DELETE } from '../common.ts';
import { statusOnlyStrategy } from '../strategy.ts';

/** Service: type, cluster IP, ports and the EXTERNAL-IP rules of printService. */

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];

/** serviceExternalIP is getServiceExternalIP (wide, as the server prints it). */
export function serviceExternalIP(spec: Obj, status: Obj): string {
  const external = strs(spec.externalIPs);
  switch (str(spec.type)) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = lbIngress(status.loadBalancer);
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
  }
  return '<unknown>';
}

/** servicePorts is makePortString: 80/TCP or 80:30080/TCP, comma-joined. */
export function servicePorts(ports: unknown): string {
  return list(ports)
    .map((p) => (num(p.nodePort) > 0 ? `${num(p.port)}:${num(p.nodePort)}/${str(p.protocol)}` : `${num(p.port)}/${str(p.protocol)}`))
    .join(',');
}

function validatePorts(spec: Obj, errs: FieldError[]): void {
  const ports = list(spec.ports);
  const type = str(spec.type);
  const headless = str(spec.clusterIP) === 'None';
  if (ports.length === 0 && type !== 'ExternalName' && !headless) errs.push(fieldErr.required('spec.ports', ''));
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const ip = `spec.ports[${i}]`;
    const name = str(p.name);
    if (ports.length > 1 && !name) errs.push(fieldErr.required(`${ip}.name`, ''));
    else if (name) {
      // Service port names are DNS-1123 labels ("80-8080" is valid), unlike container port names
      const msgs = isDns1123Label(name);
      if (msgs.length) errs.push(...each(`${ip}.name`, name, msgs));
      else if (names.has(name)) errs.push(fieldErr.duplicate(`${ip}.name`, name));
      else names.add(name);
    }
    errs.push(...each(`${ip}.port`, num(p.port), isValidPortNum(num(p.port))));
    const proto = str(p.protocol);
    if (!proto) errs.push(fieldErr.required(`${ip}.protocol`, ''));
    else if (!PROTOCOLS.includes(proto)) errs.push(fieldErr.notSupported(`${ip}.protocol`, proto, PROTOCOLS));
    if (isSet(p.targetPort)) errs.push(...validatePortNumOrName(p.targetPort, `${ip}.targetPort`));
    if (num(p.nodePort) !== 0 && (type === 'ClusterIP' || type === 'ExternalName')) {
      errs.push(fieldErr.forbidden(`${ip}.nodePort`, `may not be used when \`type\` is '${type}'`));
    }
    const key = `${num(p.port)}/${proto}`;
    if (seen.has(key)) errs.push(fieldErr.duplicate(ip, { port: num(p.port), protocol: proto }));
    seen.add(key);
  });
}

function validateService(obj: KObject, old: KObject | undefined): FieldError[] {
  const spec = rec(obj.spec);
  const errs: FieldError[] = [];
  const type = str(spec.type);
  if (!TYPES.includes(type)) errs.push(fieldErr.notSupported('spec.type', type, TYPES));
  if (type === 'ExternalName') {
    if (!str(spec.externalName)) errs.push(fieldErr.required('spec.externalName', ''));
  }
  validatePorts(spec, errs);
  errs.push(...validateLabels(strMap(spec.selector), 'spec.selector'));
  const aff = str(spec.sessionAffinity);
  if (!aff) errs.push(fieldErr.required('spec.sessionAffinity', ''));
  else if (!AFFINITIES.includes(aff)) errs.push(fieldErr.notSupported('spec.sessionAffinity', aff, AFFINITIES));
  if (old) {
    const o = rec(old.spec);
    const oldIP = str(o.clusterIP);
    if (str(o.type) !== 'ExternalName' && type !== 'ExternalName' && oldIP && str(spec.clusterIP) !== oldIP) {
      errs.push(fieldErr.invalid('spec.clusterIPs[0]', strs(spec.clusterIPs).length ? strs(spec.clusterIPs) : [str(spec.clusterIP)], 'may not change once set'));
    }
  }
  return errs;
}

function defaultService(obj: KObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP' && !isSet(spec.sessionAffinityConfig)) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  for (const p of list(spec.ports)) {
    p.protocol ??= 'TCP';
    if (!isSet(p.targetPort) || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const type = str(spec.type);
  if ((type === 'NodePort' || type === 'LoadBalancer') && !isSet(spec.externalTrafficPolicy)) spec.externalTrafficPolicy = 'Cluster';
  if (type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (type !== 'ExternalName' && !isSet(spec.ipFamilyPolicy)) {
    // A headless Service without a selector asks for every family the cluster has.
    const headlessNoSelector = str(spec.clusterIP) === 'None' && Object.keys(rec(spec.selector)).length === 0;
    spec.ipFamilyPolicy = headlessNoSelector ? 'RequireDualStack' : 'SingleStack';
    spec.ipFamilies ??= headlessNoSelector ? ['IPv4', 'IPv6'] : ['IPv4'];
  }
  if (type !== 'ExternalName' && str(spec.clusterIP) === 'None') spec.clusterIPs ??= ['None'];
  // SetDefaults_Service: a clusterIP given without clusterIPs becomes its first entry.
  if (str(spec.clusterIP) && strs(spec.clusterIPs).length === 0) spec.clusterIPs = [str(spec.clusterIP)];
  defaultServiceStatus(obj);
}

/** defaultServiceStatus is SetDefaults_Service's status part (LoadBalancerIPMode, on since 1.30): a load balancer's address given without ipMode is a VIP. */
function defaultServiceStatus(obj: KObject): void {
  if (str(rec(obj.spec).type) !== 'LoadBalancer') return;
  for (const ing of list(rec(rec(obj.status).loadBalancer).ingress)) if (str(ing.ip) && !isSet(ing.ipMode)) ing.ipMode = 'VIP';
}

export const serviceDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  shortNames: ['svc'],
  namespaced: true,
  categories: ['all'],
  verbs: NO_COLLECTION_DELETE,
  storagePrefix: '/registry/services/specs',
  subresources: ['proxy', 'status'],
  meta: { nameFn: nameIsDns1035Label },
  columns: [
    NAME_COLUMN,
    col('Type', 'string', 'ServiceSpec.type'),
    col('Cluster-IP', 'string', 'ServiceSpec.clusterIP'),
    col('External-IP', 'string', 'ServiceSpec.externalIPs'),
    col('Port(s)', 'string', 'ServiceSpec.ports'),
    AGE_COLUMN,
    col('Selector', 'string', 'ServiceSpec.selector', 1),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    const ips = strs(spec.clusterIPs);
    return [
      obj.metadata.name ?? '',
      str(spec.type),
      ips.length ? ips[0]! : '<none>',
      serviceExternalIP(spec, rec(obj.status)),
      servicePorts(spec.ports) || '<none>',
      age(obj, ctx),
      formatLabels(spec.selector),
    ];
  },
  fields: (obj) => ({ ...metaFields(obj, true), 'spec.clusterIP': str(rec(obj.spec).clusterIP), 'spec.type': str(rec(obj.spec).type) }),
  defaults: defaultService,
  defaultStatus: defaultServiceStatus,
  validateSpec: validateService,
  ...statusOnlyStrategy(() => ({ loadBalancer: {} })),
  prepareForUpdate: keepAllocated,
});

/**
 * keepAllocated is the REST layer's patchAllocatedValues: an update that
 * leaves out the allocated cluster IPs or node ports keeps the old ones.
 */
function keepAllocated(obj: KObject, old: KObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  const o = rec(old.spec);
  if (str(spec.type) === 'ExternalName') return;
  if (!str(spec.clusterIP) && str(o.clusterIP)) {
    spec.clusterIP = o.clusterIP;
    spec.clusterIPs ??= o.clusterIPs;
  }
  if (str(spec.type) === 'NodePort' || str(spec.type) === 'LoadBalancer') {
    const oldPorts = list(o.ports);
    for (const p of list(spec.ports)) {
      if (num(p.nodePort) !== 0) continue;
      const match = oldPorts.find((x) => (str(x.name) && str(x.name) === str(p.name)) || (num(x.port) === num(p.port) && str(x.protocol) === str(p.protocol)));
      if (match && num(match.nodePort)) p.nodePort = match.nodePort;
    }
  }
}
