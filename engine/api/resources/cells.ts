import { fromLabelSelector, selectorString, type LabelSelector } from '../../base/labels.ts';
import { list, rec, str } from '../validation/util.ts';

/** Cell formatting shared by several printers (layoutContainerCells, FormatLabels, FormatLabelSelector…). */

/** containerCells is layoutContainerCells: names and images joined by commas. */
export function containerCells(containers: unknown): [string, string] {
  const cs = list(containers);
  return [cs.map((c) => str(c.name)).join(','), cs.map((c) => str(c.image)).join(',')];
}

/** formatLabels is labels.FormatLabels: sorted k=v pairs, "<none>" when empty. */
export function formatLabels(m: unknown): string {
  const r = rec(m);
  const keys = Object.keys(r).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${str(r[k])}`).join(',');
}

/** selectorText is LabelSelectorAsSelector(sel).String(): "" for a missing or empty selector. */
export function selectorText(sel: unknown): string {
  if (sel === undefined || sel === null) return '';
  return selectorString(fromLabelSelector(rec(sel) as LabelSelector));
}

/** formatLabelSelector is metav1.FormatLabelSelector: "<none>" when it selects nothing or everything. */
export function formatLabelSelector(sel: unknown): string {
  return selectorText(sel) || '<none>';
}

const MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** accessModes is GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order. */
export function accessModes(modes: unknown): string {
  const have = new Set(Array.isArray(modes) ? modes.map(String) : []);
  return MODES.filter(([m]) => have.has(m))
    .map(([, s]) => s)
    .join(',');
}

/** lbIngress is (ingress)LoadBalancerStatusStringer, wide: sorted unique IPs or hostnames. */
export function lbIngress(status: unknown): string {
  const set = new Set<string>();
  for (const i of list(rec(status).ingress)) {
    if (str(i.ip)) set.add(str(i.ip));
    else if (str(i.hostname)) set.add(str(i.hostname));
  }
  return [...set].sort().join(',');
}

/** listWithMore is listWithMoreString: up to max items, then " + N more...", "<unset>" when empty. */
export function listWithMore(items: string[], max = 3): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : '<unset>';
}
