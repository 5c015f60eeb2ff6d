import { fieldErr } from '../../../base/errors.ts';
import { isSet, list, num, str, strs } from '../../validation/util.ts';
import { listWithMore } from '../cells.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';
import { generationStrategy } from '../strategy.ts';

/** EndpointSlice: ADDRESSTYPE, PORTS, ENDPOINTS (three at most, then " + N more..."). */

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

export const endpointSliceDef = defineResource({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  columns: [
    NAME_COLUMN,
    col('AddressType', 'string', 'EndpointSlice.addressType'),
    col('Ports', 'string', 'EndpointSlice.ports'),
    col('Endpoints', 'string', 'EndpointSlice.endpoints'),
    AGE_COLUMN,
  ],
  row(obj, ctx) {
    const ports = list(obj.ports).map((p) => (isSet(p.port) ? String(num(p.port)) : isSet(p.name) ? str(p.name) : '*'));
    const addrs = list(obj.endpoints).flatMap((e) => strs(e.addresses));
    return [obj.metadata.name ?? '', str(obj.addressType), listWithMore(ports), listWithMore(addrs), age(obj, ctx)];
  },
  defaults(obj) {
    for (const p of list(obj.ports)) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validateSpec(obj) {
    const t = str(obj.addressType);
    const errs = ADDRESS_TYPES.includes(t) ? [] : [fieldErr.notSupported('addressType', t, ADDRESS_TYPES)];
    list(obj.endpoints).forEach((e, i) => {
      if (strs(e.addresses).length === 0) errs.push(fieldErr.required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
    });
    return errs;
  },
  ...generationStrategy([]),
});
