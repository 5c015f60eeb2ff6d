import type { RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { nameOf } from '../../printers/objects.ts';
import { dryRunSuffix, type DryRun } from '../create/common.ts';
import { LAST_APPLIED } from './last-applied.ts';

/**
 * pruneUnlisted is apply --prune: objects of the applied types (or of the
 * default allowlist), in the namespaces visited, carrying the last-applied
 * annotation and matching -l, that the manifests no longer name, are deleted.
 */
export function pruneUnlisted(c: RunContext, visited: { res: ApiResource; ns?: string; name: string }[], d: DryRun): void {
  const selector = c.flag<string>('selector');
  const seen = new Set(visited.map((v) => `${v.res.group}/${v.res.plural}/${v.ns ?? ''}/${v.name}`));
  const types = new Map<string, ApiResource>();
  const allow = c.flag<string[]>('prune-allowlist');
  const disc = c.f.discovery();
  if (allow.length) {
    for (const a of allow) {
      const [group, version, kind] = a.split('/');
      const r = disc.byKind(group === 'core' ? version! : `${group}/${version}`, kind ?? '');
      if (r) types.set(`${r.group}/${r.plural}`, r);
    }
  } else {
    for (const v of visited) types.set(`${v.res.group}/${v.res.plural}`, v.res);
  }
  const namespaces = new Set(visited.map((v) => v.ns).filter((n): n is string => !!n));
  if (namespaces.size === 0) namespaces.add(c.f.namespace());
  for (const res of types.values()) {
    for (const ns of res.namespaced ? [...namespaces] : [undefined]) {
      const list = c.f.client().list(res, ns, { labelSelector: selector || undefined });
      for (const item of list.items) {
        const key = `${res.group}/${res.plural}/${item.metadata.namespace ?? ''}/${item.metadata.name}`;
        if (seen.has(key) || !item.metadata.annotations?.[LAST_APPLIED]) continue;
        if (d !== 'client') c.f.client().delete(res, item.metadata.namespace, item.metadata.name ?? '', { dryRun: d === 'server' });
        c.out(`${nameOf(res.kind, res.group, item.metadata.name ?? '')} pruned${dryRunSuffix(d)}\n`);
      }
    }
  }
}
