import { fieldErr, type FieldError } from '../../../base/errors.ts';
import { list, num, str } from '../../validation/util.ts';
import { age, col, defineResource, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** formatEndpoints is printers.go's formatEndpoints: up to three ip:port pairs, then " + N more...". */
export function formatEndpoints(subsets: unknown): string {
  const ss = list(subsets);
  if (ss.length === 0) return '<none>';
  const out: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of ss) {
    const addrs = list(s.addresses);
    const ports = list(s.ports);
    if (ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) {
        if (out.length === max) {
          more = true;
          break;
        }
        out.push(str(a.ip));
      }
      continue;
    }
    for (const p of ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (out.length === max) {
          more = true;
          break;
        }
        const ip = str(a.ip);
        out.push(ip.includes(':') ? `[${ip}]:${num(p.port)}` : `${ip}:${num(p.port)}`);
      }
    }
  }
  const text = out.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function validateSubsets(subsets: unknown): FieldError[] {
  const errs: FieldError[] = [];
  list(subsets).forEach((s, i) => {
    const sp = `subsets[${i}]`;
    if (list(s.addresses).length === 0 && list(s.notReadyAddresses).length === 0) {
      errs.push(fieldErr.required(sp, 'must specify `addresses` or `notReadyAddresses`'));
    }
    list(s.addresses).forEach((a, j) => {
      if (!str(a.ip)) errs.push(fieldErr.required(`${sp}.addresses[${j}].ip`, ''));
    });
  });
  return errs;
}

/** Endpoints: stored beside services under /registry/services/endpoints. */
export const endpointsDef = defineResource({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  storagePrefix: '/registry/services/endpoints',
  deprecated: { since: [1, 33], replacement: 'discovery.k8s.io/v1 EndpointSlice' },
  columns: [NAME_COLUMN, col('Endpoints', 'string', 'Endpoints.subsets'), AGE_COLUMN],
  row: (obj, ctx) => [obj.metadata.name ?? '', formatEndpoints(obj.subsets), age(obj, ctx)],
  defaults(obj) {
    for (const s of list(obj.subsets)) for (const p of list(s.ports)) p.protocol ??= 'TCP';
  },
  validateSpec: (obj) => validateSubsets(obj.subsets),
});
