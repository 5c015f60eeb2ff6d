import type { KObject } from '../../../../api/types.ts';
import { PrefixWriter, printAnnotations, printLabels } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const v = (xs: string[]) => `[${xs.join(' ')}]`;
/** ruleString is PolicyRule.String(), the key kubectl sorts rules by. */
const ruleString = (r: Rule) => `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;

/** compactRules is rbac.BreakdownRule + CompactRules + SortableRuleSlice: one row per group/resource/name with its verbs merged. */
function compactRules(rules: Any[]): Rule[] {
  const broken: Rule[] = [];
  for (const r of rules) {
    for (const g of r.apiGroups ?? [])
      for (const res of r.resources ?? [])
        for (const verb of r.verbs ?? []) {
          if (r.resourceNames?.length) for (const n of r.resourceNames) broken.push({ verbs: [verb], apiGroups: [g], resources: [res], resourceNames: [n], nonResourceURLs: [] });
          else broken.push({ verbs: [verb], apiGroups: [g], resources: [res], resourceNames: [], nonResourceURLs: [] });
        }
    for (const u of r.nonResourceURLs ?? []) for (const verb of r.verbs ?? []) broken.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [u] });
  }
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of broken) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = `${r.apiGroups[0]}|${r.resources[0]}|${r.resourceNames[0] ?? ''}|${r.resourceNames.length}`;
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...r.verbs);
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  compacted.push(...simple.values());
  const keyed = compacted.map((r) => ({ r, k: ruleString(r) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.r);
}

/** combineResourceGroup is "resource.group/subresource". */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0]!.split(/\/(.*)/s);
  let out = res!;
  if (groups.length && groups[0]) out += `.${groups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

/** describeRole is RoleDescriber / ClusterRoleDescriber. */
export function describeRole(o: KObject): string {
  const role = o as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of compactRules(role.rules ?? [])) w.write(1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${v(r.nonResourceURLs)}\t${v(r.resourceNames)}\t${v(r.verbs)}\n`);
  return w.text();
}

/** describeRoleBinding is RoleBindingDescriber / ClusterRoleBindingDescriber. */
export function describeRoleBinding(o: KObject): string {
  const b = o as Any;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  printLabels(w, 'Labels', o.metadata.labels);
  printAnnotations(w, 'Annotations', o.metadata.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
  w.write(1, `Name:\t${b.roleRef?.name ?? ''}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of b.subjects ?? []) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.text();
}
