import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { ExitError, UsageError, type RunContext } from '../../cli/command.ts';
import { errorText } from '../../errors.ts';
import { printYaml, stripManagedFields } from '../../printers/objects.ts';
import { withLastApplied } from '../apply/last-applied.ts';
import { threeWayPatch } from '../apply/three-way.ts';
import { manifestsOf, mappingError } from '../create/create.ts';
import { commandFromHelp } from '../create/help.ts';
import { unifiedDiff } from './unified.ts';

/** maskSecret replaces secret values as kubectl diff does, so values never show. */
function maskSecret(live: KObject | undefined, merged: KObject | undefined): [KObject | undefined, KObject | undefined] {
  if (live?.kind !== 'Secret' && merged?.kind !== 'Secret') return [live, merged];
  const l = (live?.data ?? {}) as Record<string, string>;
  const m = (merged?.data ?? {}) as Record<string, string>;
  const mask = (own: Record<string, string>, other: Record<string, string>, first: boolean) =>
    Object.fromEntries(Object.entries(own).map(([k, v]) => [k, k in other && other[k] !== v ? (first ? '***' : '*** (before)').replace('*** (before)', first ? '*** (before)' : '*** (after)') : '***']));
  return [live ? { ...live, data: live.data ? mask(l, m, true) : undefined } : undefined, merged ? { ...merged, data: merged.data ? mask(m, l, false) : undefined } : undefined];
}

async function run(c: RunContext): Promise<number> {
  if (!c.flag<string[]>('filename').length && !c.flag<string>('kustomize')) throw new UsageError('must specify one of -f and -k', 'none');
  const disc = c.f.discovery();
  const client = c.f.client();
  const now = c.proc.sys.runtime.now;
  const rand = () => String(100_000_000 + c.proc.sys.runtime.rand.int(4_000_000_000));
  const liveDir = `/tmp/LIVE-${rand()}`;
  const mergedDir = `/tmp/MERGED-${rand()}`;
  const ss = c.flag<boolean>('server-side');
  let out = '';
  try {
    for (const m of await manifestsOf(c)) {
      const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
      if (!res) throw mappingError(m);
      const ns = res.namespaced ? (m.obj.metadata?.namespace ?? c.f.namespace()) : undefined;
      const name = m.obj.metadata?.name ?? '';
      const desired: KObject = res.namespaced ? { ...m.obj, metadata: { ...m.obj.metadata, namespace: ns } } : m.obj;
      let live: KObject | undefined;
      try {
        live = client.get(res, ns, name);
      } catch (e) {
        if (!(isStatusError(e) && e.code === 404)) throw e;
      }
      let merged: KObject;
      if (ss) merged = client.patch(res, ns, name, 'apply', desired, { dryRun: true, fieldManager: 'kubectl', force: c.flag<boolean>('force-conflicts') });
      else if (!live) merged = client.create(res, ns, withLastApplied(desired), { dryRun: true, fieldManager: c.flag<string>('field-manager') });
      else {
        const patch = threeWayPatch(live, withLastApplied(desired), res.group === '' || !res.group.includes('.') || res.group.endsWith('.k8s.io'));
        merged = patch ? client.patch(res, ns, name, 'strategic', patch, { dryRun: true, fieldManager: c.flag<string>('field-manager') }) : live;
      }
      const show = c.flag<boolean>('show-managed-fields');
      let [l, mm] = maskSecret(live, merged);
      if (!show) {
        l = l && stripManagedFields(l);
        mm = mm && stripManagedFields(mm);
      }
      const file = `${res.group ? `${res.group}.` : ''}${res.version}.${res.kind}.${ns ?? ''}.${name}`;
      out += unifiedDiff(`${liveDir}/${file}`, l ? printYaml(l) : '', `${mergedDir}/${file}`, mm ? printYaml(mm) : '', now);
    }
  } catch (e) {
    c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    throw new ExitError(1);
  }
  c.out(out);
  return out ? 1 : 0;
}

/** diffCommand is `kubectl diff`: the live objects against what apply would make of them. */
export const diffCommand = commandFromHelp('diff', { run, group: 'Advanced Commands', short: 'Diff the live version against a would-be applied version' });
