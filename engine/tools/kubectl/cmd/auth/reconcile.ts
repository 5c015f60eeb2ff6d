import type { KObject } from '../../../../api/types.ts';
import { isStatusError } from '../../../../base/errors.ts';
import { refOf } from '../../../../client/client.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { readManifests } from '../../resource/manifests.ts';
import { authReconcileHelp } from './texts.ts';

const PLURAL: Record<string, [string, boolean]> = { Role: ['roles', true], ClusterRole: ['clusterroles', false], RoleBinding: ['rolebindings', true], ClusterRoleBinding: ['clusterrolebindings', false] };

/** union adds the entries of extra missing from base (compared as JSON). */
function union<T>(base: T[], extra: T[]): T[] {
  const seen = new Set(base.map((x) => JSON.stringify(x)));
  return [...base, ...extra.filter((x) => !seen.has(JSON.stringify(x)))];
}

async function run(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename') ?? [];
  if (files.length === 0) throw new UsageError('must specify one of -f and -k', 'none');
  const client = c.f.client();
  const dry = c.flag<string>('dry-run') !== 'none';
  for (const { obj } of await readManifests(c.f, files, c.flag<boolean>('recursive'))) {
    const p = PLURAL[obj.kind ?? ''];
    if (!p || !(obj.apiVersion ?? '').startsWith('rbac.authorization.k8s.io/')) continue;
    const ref = refOf('rbac.authorization.k8s.io/v1', p[0], p[1]);
    const ns = p[1] ? (obj.metadata?.namespace ?? c.f.namespace()) : undefined;
    const name = obj.metadata?.name ?? '';
    let existing: KObject | undefined;
    try {
      existing = client.get(ref, ns, name);
    } catch (e) {
      if (!isStatusError(e) || e.status.code !== 404) throw e;
    }
    if (!dry) {
      if (!existing) client.create(ref, ns, { ...obj, metadata: { ...obj.metadata, namespace: ns } });
      else {
        const next: KObject = { ...existing };
        const o = obj as KObject & { rules?: unknown[]; subjects?: unknown[] };
        if (o.rules) (next as { rules?: unknown[] }).rules = union(((existing as { rules?: unknown[] }).rules ?? []), o.rules);
        if (o.subjects) (next as { subjects?: unknown[] }).subjects = union(((existing as { subjects?: unknown[] }).subjects ?? []), o.subjects);
        if (c.flag<boolean>('remove-extra-permissions') && o.rules) (next as { rules?: unknown[] }).rules = o.rules;
        if (c.flag<boolean>('remove-extra-subjects') && o.subjects) (next as { subjects?: unknown[] }).subjects = o.subjects;
        client.update(ref, next);
      }
    }
    c.out(`${(obj.kind ?? '').toLowerCase()}.rbac.authorization.k8s.io/${name} reconciled${dry ? ' (dry run)' : ''}\n`);
    if (!existing) c.out('\treconciliation required create\n');
  }
  return 0;
}

/** authReconcileCommand is `kubectl auth reconcile`: roles and bindings made to contain what the files name. */
export const authReconcileCommand: CommandDef = { name: 'reconcile', ...authReconcileHelp, run };
