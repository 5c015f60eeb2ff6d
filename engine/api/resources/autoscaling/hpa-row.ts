import { quantity } from '../../validation/resources.ts';
import { isSet, list, num, rec, str, type Obj } from '../../validation/util.ts';

/** formatHPAMetrics is printers.go's TARGETS cell ("cpu: 12%/50%", "<unknown>/50%"…), for autoscaling/v2 metrics. */

function q(v: unknown): string {
  return quantity(v)?.toString() ?? '0';
}

function pair(spec: Obj, status: Obj | undefined, key: string, named: boolean): string {
  const s = rec(spec[key]);
  const target = rec(s.target);
  const cur = status ? rec(rec(status[key]).current) : undefined;
  const prefix = named ? `${str(s.name)}: ` : '';
  if (isSet(target.averageValue)) {
    const current = cur && isSet(cur.averageValue) ? q(cur.averageValue) : '<unknown>';
    return `${prefix}${current}/${q(target.averageValue)}${named ? '' : ' (avg)'}`;
  }
  if (named) {
    const current = cur && isSet(cur.averageUtilization) ? `${num(cur.averageUtilization)}%` : '<unknown>';
    const t = isSet(target.averageUtilization) ? `${num(target.averageUtilization)}%` : '<auto>';
    return `${prefix}${current}/${t}`;
  }
  const current = cur && status && isSet(status[key]) ? q(cur.value) : '<unknown>';
  return `${current}/${q(target.value)}`;
}

/** formatHPAMetrics renders up to two metrics, then " + N more...". */
export function formatHPAMetrics(specs: unknown, statuses: unknown): string {
  const ms = list(specs);
  if (ms.length === 0) return '<none>';
  const st = list(statuses);
  const out: string[] = ms.map((m, i) => {
    const s = st[i];
    switch (str(m.type)) {
      case 'External':
        return pair(m, s && isSet(s.external) ? s : undefined, 'external', false);
      case 'Object':
        return pair(m, s && isSet(s.object) ? s : undefined, 'object', false);
      case 'Pods': {
        const cur = s && isSet(s.pods) ? q(rec(rec(s.pods).current).averageValue) : '<unknown>';
        return `${cur}/${q(rec(rec(m.pods).target).averageValue)}`;
      }
      case 'Resource':
        return pair(m, s && isSet(s.resource) ? s : undefined, 'resource', true);
      case 'ContainerResource':
        return pair(m, s && isSet(s.containerResource) ? s : undefined, 'containerResource', true);
      default:
        return '<unknown type>';
    }
  });
  if (out.length > 2) return `${out.slice(0, 2).join(', ')} + ${out.length - 2} more...`;
  return out.join(', ');
}
