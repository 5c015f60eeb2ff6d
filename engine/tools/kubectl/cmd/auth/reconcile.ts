import type { KObject } from '../../../../api/types.ts';
import { isStatusError } from '../../../../base/errors.ts';
import { refOf } from '../../../../client/client.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { readManifests } from '../../resource/manifests.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { goRule, uncovered, type Rule } from './covers.ts';
import { authReconcileHelp } from './texts.ts';

/** AUTOUPDATE set to "false" on a live object keeps reconcile from changing it. */
const AUTOUPDATE = 'rbac.authorization.kubernetes.io/autoupdate';

const PLURAL: Record<string, [string, boolean]> = { Role: ['roles', true], ClusterRole: ['clusterroles', false], RoleBinding: ['rolebindings', true], ClusterRoleBinding: ['clusterrolebindings', false] };

interface Subject { kind?: string; apiGroup?: string; name?: string; namespace?: string }
type Rbac = KObject & { rules?: Rule[]; subjects?: Subject[]; roleRef?: Record<string, string> };

const sameSubject = (a: Subject, b: Subject) => a.kind === b.kind && (a.apiGroup ?? '') === (b.apiGroup ?? '') && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
const goSubject = (s: Subject) => `{Kind:${s.kind ?? ''} APIGroup:${s.apiGroup ?? ''} Name:${s.name ?? ''} Namespace:${s.namespace ?? ''}}`;
const sameMap = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/** Reconciliation is what kubectl works out for one object: the operation, the object to write, and what it reports. */
interface Reconciliation {
  op: 'none' | 'create' | 'update' | 'recreate';
  obj: Rbac;
  protected: boolean;
  notes: [string, string[]][];
}

/** withMetadata merges labels and annotations as reconcile does (the live values win), reporting a change as an update. */
function withMetadata(expected: Rbac, existing: Rbac): { obj: Rbac; changed: boolean } {
  const labels = { ...(expected.metadata.labels ?? {}), ...(existing.metadata.labels ?? {}) };
  const annotations = { ...(expected.metadata.annotations ?? {}), ...(existing.metadata.annotations ?? {}) };
  const meta = { ...existing.metadata };
  if (Object.keys(labels).length) meta.labels = labels;
  if (Object.keys(annotations).length) meta.annotations = annotations;
  return { obj: { ...existing, metadata: meta }, changed: !sameMap(labels, existing.metadata.labels) || !sameMap(annotations, existing.metadata.annotations) };
}

/** reconcileRole is computeReconciledRole: missing rules added (or, removing extras, the expected rules put back). */
function reconcileRole(expected: Rbac, existing: Rbac, removeExtra: boolean): Reconciliation {
  const { obj, changed } = withMetadata(expected, existing);
  const missing = uncovered(existing.rules ?? [], expected.rules ?? []);
  const extra = uncovered(expected.rules ?? [], existing.rules ?? []);
  let op: Reconciliation['op'] = changed ? 'update' : 'none';
  if (!removeExtra && missing.length) {
    obj.rules = [...(existing.rules ?? []), ...missing];
    op = 'update';
  } else if (removeExtra && (missing.length || extra.length)) {
    obj.rules = expected.rules ?? [];
    op = 'update';
  }
  const notes: Reconciliation['notes'] = [['missing rules added', missing.map(goRule)]];
  if (removeExtra) notes.push(['extra rules removed', extra.map(goRule)]);
  return { op, obj, protected: false, notes };
}

/** reconcileBinding is computeReconciledRoleBinding: a new roleRef recreates the binding, else missing subjects are added. */
function reconcileBinding(expected: Rbac, existing: Rbac, removeExtra: boolean): Reconciliation {
  if (JSON.stringify(expected.roleRef) !== JSON.stringify(existing.roleRef)) return { op: 'recreate', obj: expected, protected: false, notes: [] };
  const { obj, changed } = withMetadata(expected, existing);
  const want = expected.subjects ?? [];
  const have = existing.subjects ?? [];
  const missing = want.filter((s) => !have.some((h) => sameSubject(s, h)));
  const extra = have.filter((h) => !want.some((s) => sameSubject(s, h)));
  let op: Reconciliation['op'] = changed ? 'update' : 'none';
  if (!removeExtra && missing.length) {
    obj.subjects = [...have, ...missing];
    op = 'update';
  } else if (removeExtra && (missing.length || extra.length)) {
    obj.subjects = want;
    op = 'update';
  }
  const notes: Reconciliation['notes'] = [['missing subjects added', missing.map(goSubject)]];
  if (removeExtra) notes.push(['extra subjects removed', extra.map(goSubject)]);
  return { op, obj, protected: false, notes };
}

async function run(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename') ?? [];
  if (files.length === 0) throw new UsageError('must specify one of -f and -k', 'none');
  const client = c.f.client();
  const dry = c.flag<string>('dry-run') !== 'none';
  const output = c.flag<string>('output');
  for (const { obj: raw } of await readManifests(c.f, files, c.flag<boolean>('recursive'))) {
    const p = PLURAL[raw.kind ?? ''];
    if (!p || !(raw.apiVersion ?? '').startsWith('rbac.authorization.k8s.io/')) continue;
    const ref = refOf('rbac.authorization.k8s.io/v1', p[0], p[1]);
    const ns = p[1] ? (raw.metadata?.namespace ?? c.f.namespace()) : undefined;
    const expected = { ...raw, metadata: { ...raw.metadata, ...(ns ? { namespace: ns } : {}) } } as Rbac;
    const name = expected.metadata.name ?? '';
    const isRole = raw.kind === 'Role' || raw.kind === 'ClusterRole';
    let existing: Rbac | undefined;
    try {
      existing = client.get(ref, ns, name) as Rbac;
    } catch (e) {
      if (!isStatusError(e) || e.status.code !== 404) throw e;
    }
    let r: Reconciliation;
    if (!existing) r = { op: 'create', obj: expected, protected: false, notes: [[isRole ? 'missing rules added' : 'missing subjects added', isRole ? (expected.rules ?? []).map(goRule) : (expected.subjects ?? []).map(goSubject)]] };
    else {
      r = isRole ? reconcileRole(expected, existing, c.flag<boolean>('remove-extra-permissions')) : reconcileBinding(expected, existing, c.flag<boolean>('remove-extra-subjects'));
      r.protected = existing.metadata.annotations?.[AUTOUPDATE] === 'false';
    }
    let shown: KObject = r.obj;
    if (!dry) {
      if (r.op === 'create') shown = client.create(ref, ns, r.obj);
      else if (r.op === 'recreate') {
        client.delete(ref, ns, name);
        shown = client.create(ref, ns, r.obj);
      } else if (r.op === 'update' && !r.protected) shown = client.update(ref, r.obj);
    }
    if (output === 'yaml') c.out(printYaml(shown));
    else if (output === 'json') c.out(printJson(shown, true));
    else if (output === 'name') c.out(`${(raw.kind ?? '').toLowerCase()}.rbac.authorization.k8s.io/${name}\n`);
    else c.out(`${(raw.kind ?? '').toLowerCase()}.rbac.authorization.k8s.io/${name} reconciled${dry ? ' (dry run)' : ''}\n`);
    if (r.op === 'none') continue;
    // kubectl reports the reconciliation on stderr.
    c.err(`\treconciliation required ${r.op}${r.protected ? ', but object opted out (rbac.authorization.kubernetes.io/autoupdate: false)' : ''}\n`);
    for (const [title, lines] of r.notes) if (lines.length) c.err(`\t${title}:\n${lines.map((l) => `\t\t${l}\n`).join('')}`);
  }
  return 0;
}

/** authReconcileCommand is `kubectl auth reconcile`: roles and bindings made to contain what the files name. */
export const authReconcileCommand: CommandDef = { name: 'reconcile', ...authReconcileHelp, run };
