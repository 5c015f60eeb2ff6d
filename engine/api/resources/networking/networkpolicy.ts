import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { isValidPortName, isValidPortNum, each } from '../../validation/names.ts';
import { PROTOCOLS } from '../../validation/ports.ts';
import { validateLabelSelector } from '../../validation/selector.ts';
import { isSet, list, rec, str, strs, type Obj } from '../../validation/util.ts';
import { formatLabelSelector } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { generationStrategy } from '../strategy.ts';

/** NetworkPolicy: POD-SELECTOR column; policyTypes defaulted from the rules present. */

const CIDR = /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)\/(3[0-2]|[12]?\d)$|^[0-9a-fA-F:]+\/\d{1,3}$/;

function validatePeers(peers: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(peers).forEach((p, i) => {
    const pp = `${path}[${i}]`;
    const n = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((k) => isSet(p[k])).length;
    if (n === 0) errs.push(fieldErr.required(pp, 'must specify a peer'));
    else if (isSet(p.ipBlock) && n > 1) errs.push(fieldErr.forbidden(pp, 'may not specify both ipBlock and another peer'));
    if (isSet(p.podSelector)) errs.push(...validateLabelSelector(p.podSelector, `${pp}.podSelector`));
    if (isSet(p.namespaceSelector)) errs.push(...validateLabelSelector(p.namespaceSelector, `${pp}.namespaceSelector`));
    if (isSet(p.ipBlock)) {
      const b = rec(p.ipBlock);
      const cidr = str(b.cidr);
      if (!cidr) errs.push(fieldErr.required(`${pp}.ipBlock.cidr`, ''));
      else if (!CIDR.test(cidr)) errs.push(fieldErr.invalid(`${pp}.ipBlock.cidr`, cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      strs(b.except).forEach((e, j) => {
        if (!CIDR.test(e)) errs.push(fieldErr.invalid(`${pp}.ipBlock.except[${j}]`, e, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
      });
    }
  });
  return errs;
}

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(ports).forEach((p: Obj, i) => {
    const pp = `${path}[${i}]`;
    const proto = str(p.protocol);
    if (proto && !PROTOCOLS.includes(proto)) errs.push(fieldErr.notSupported(`${pp}.protocol`, proto, PROTOCOLS));
    if (typeof p.port === 'number') errs.push(...each(`${pp}.port`, p.port, isValidPortNum(p.port)));
    else if (typeof p.port === 'string') {
      errs.push(...each(`${pp}.port`, p.port, isValidPortName(p.port)));
      if (isSet(p.endPort)) errs.push(fieldErr.forbidden(`${pp}.endPort`, 'may not be specified when `port` is non-numeric'));
    }
    if (isSet(p.endPort) && typeof p.port === 'number' && Number(p.endPort) < p.port) {
      errs.push(fieldErr.invalid(`${pp}.endPort`, p.endPort, 'must be greater than or equal to `port`'));
    }
    if (isSet(p.endPort) && !isSet(p.port)) errs.push(fieldErr.required(`${pp}.port`, 'must be specified when `endPort` is specified'));
  });
  return errs;
}

function validateNP(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs = validateLabelSelector(spec.podSelector ?? {}, 'spec.podSelector');
  list(spec.ingress).forEach((r, i) => {
    errs.push(...validatePorts(r.ports, `spec.ingress[${i}].ports`));
    errs.push(...validatePeers(r.from, `spec.ingress[${i}].from`));
  });
  list(spec.egress).forEach((r, i) => {
    errs.push(...validatePorts(r.ports, `spec.egress[${i}].ports`));
    errs.push(...validatePeers(r.to, `spec.egress[${i}].to`));
  });
  const types = strs(spec.policyTypes);
  if (types.length > 2) errs.push(fieldErr.invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
  for (const t of types) if (t !== 'Ingress' && t !== 'Egress') errs.push(fieldErr.notSupported('spec.policyTypes', t, ['Ingress', 'Egress']));
  return errs;
}

export const networkPolicyDef = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  shortNames: ['netpol'],
  namespaced: true,
  columns: [NAME_COLUMN, col('Pod-Selector', 'string', 'NetworkPolicySpec.podSelector'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', formatLabelSelector(rec(obj.spec).podSelector ?? {}), age(obj, ctx)],
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.podSelector ??= {};
    for (const r of [...list(spec.ingress), ...list(spec.egress)]) for (const p of list(r.ports)) p.protocol ??= 'TCP';
    if (strs(spec.policyTypes).length === 0) spec.policyTypes = list(spec.egress).length ? ['Ingress', 'Egress'] : ['Ingress'];
  },
  validateSpec: validateNP,
  ...generationStrategy(),
});
