import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { each, isDns1123Subdomain, isValidPortName, isValidPortNum, regexError } from '../../validation/names.ts';
import { isSet, list, num, rec, str, type Obj } from '../../validation/util.ts';
import { lbIngress } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { specStatusStrategy } from '../strategy.ts';

/** Ingress (networking.k8s.io/v1): CLASS, HOSTS, ADDRESS, PORTS; stored under /registry/ingress. */

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

/** ingressHosts is formatHosts: up to three hosts, "*" when none. */
export function ingressHosts(rules: unknown): string {
  const rs = list(rules);
  const hosts: string[] = [];
  let more = false;
  for (const r of rs) {
    if (hosts.length === 3) more = true;
    if (!more && str(r.host)) hosts.push(str(r.host));
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rs.length - 3} more...` : hosts.join(',');
}

function validateBackend(b: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasSvc = isSet(b.service);
  const hasRes = isSet(b.resource);
  if (hasSvc && hasRes) return [fieldErr.invalid(path, '', 'cannot set both resource and service backends')];
  if (!hasSvc && !hasRes) return [fieldErr.invalid(path, '', 'resource or service backend is required')];
  if (hasSvc) {
    const s = rec(b.service);
    const name = str(s.name);
    if (!name) errs.push(fieldErr.required(`${path}.service.name`, ''));
    else errs.push(...each(`${path}.service.name`, name, isDns1123Subdomain(name)));
    const port = rec(s.port);
    const hasName = !!str(port.name);
    const hasNumber = num(port.number) !== 0;
    if (hasName && hasNumber) errs.push(fieldErr.invalid(`${path}.service.port`, port, 'cannot set both port name & port number'));
    else if (hasName) errs.push(...each(`${path}.service.port.name`, str(port.name), isValidPortName(str(port.name))));
    else if (hasNumber) errs.push(...each(`${path}.service.port.number`, num(port.number), isValidPortNum(num(port.number))));
    else errs.push(fieldErr.required(`${path}.service.port`, 'port name or number is required'));
  }
  return errs;
}

function validateHost(host: string, path: string): FieldError[] {
  if (host.startsWith('*.')) {
    const rest = host.slice(2);
    if (isDns1123Subdomain(rest).length) {
      return [
        fieldErr.invalid(
          path,
          host,
          regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*', '*.example.com'),
        ),
      ];
    }
    return [];
  }
  return each(path, host, isDns1123Subdomain(host));
}

function validateIngress(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs: FieldError[] = [];
  const rules = list(spec.rules);
  if (rules.length === 0 && !isSet(spec.defaultBackend)) {
    errs.push(fieldErr.invalid('spec', '', 'either `defaultBackend` or `rules` must be specified'));
  }
  if (isSet(spec.defaultBackend)) errs.push(...validateBackend(rec(spec.defaultBackend), 'spec.defaultBackend'));
  if (isSet(spec.ingressClassName)) {
    const c = str(spec.ingressClassName);
    errs.push(...each('spec.ingressClassName', c, isDns1123Subdomain(c)));
  }
  rules.forEach((r, i) => {
    const rp = `spec.rules[${i}]`;
    if (str(r.host)) errs.push(...validateHost(str(r.host), `${rp}.host`));
    if (!isSet(r.http)) return;
    const paths = list(rec(r.http).paths);
    if (paths.length === 0) errs.push(fieldErr.required(`${rp}.http.paths`, ''));
    paths.forEach((p, j) => {
      const pp = `${rp}.http.paths[${j}]`;
      const type = str(p.pathType);
      if (!type) errs.push(fieldErr.required(`${pp}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(type)) errs.push(fieldErr.notSupported(`${pp}.pathType`, type, PATH_TYPES));
      const path = str(p.path);
      if ((type === 'Exact' || type === 'Prefix') && !path.startsWith('/')) errs.push(fieldErr.invalid(`${pp}.path`, path, 'must be an absolute path'));
      if (type === 'ImplementationSpecific' && path && !path.startsWith('/')) errs.push(fieldErr.invalid(`${pp}.path`, path, 'must be an absolute path'));
      errs.push(...validateBackend(rec(p.backend), `${pp}.backend`));
    });
  });
  list(spec.tls).forEach((t, i) => {
    (Array.isArray(t.hosts) ? t.hosts : []).forEach((h, j) => errs.push(...validateHost(String(h), `spec.tls[${i}].hosts[${j}]`)));
  });
  return errs;
}

export const ingressDef = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  shortNames: ['ing'],
  namespaced: true,
  storagePrefix: '/registry/ingress',
  subresources: ['status'],
  columns: [
    NAME_COLUMN,
    col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    return [
      obj.metadata.name ?? '',
      isSet(spec.ingressClassName) ? str(spec.ingressClassName) : '<none>',
      ingressHosts(spec.rules),
      lbIngress(rec(obj.status).loadBalancer),
      list(spec.tls).length ? '80, 443' : '80',
      age(obj, ctx),
    ];
  },
  validateSpec: validateIngress,
  ...specStatusStrategy(() => ({ loadBalancer: {} })),
});
