import type { RunContext } from '../../cli/command.ts';
import { UsageError } from '../../cli/command.ts';
import { CHANGE_CAUSE, RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, printResult } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets } from '../create/targets.ts';
import { parseLabels } from '../run/pod.ts';

type Subject = { kind: string; apiGroup?: string; name: string; namespace?: string };

async function runSubject(c: RunContext): Promise<number> {
  const d = dryRun(c);
  checkOutput(c);
  const users = c.flag<string[]>('user');
  const groups = c.flag<string[]>('group');
  const sas = c.flag<string[]>('serviceaccount');
  if (!users.length && !groups.length && !sas.length) throw new WrappedError('you must specify at least one value of user, group or serviceaccount');
  const add: Subject[] = [];
  for (const sa of sas) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[1]) throw new WrappedError(`serviceaccount must be <namespace>:<name>`);
    add.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] || c.f.namespace() });
  }
  for (const u of users) add.push({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: u });
  for (const g of groups) add.push({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: g });
  if (!c.args.length && !c.flag<string[]>('filename').length) throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  for (const t of await resolveTargets(c, c.args, { local: c.flag<boolean>('local'), allowAll: true })) {
    if (t.obj.kind !== 'RoleBinding' && t.obj.kind !== 'ClusterRoleBinding') throw new WrappedError(`setting subjects is only supported for RoleBinding/ClusterRoleBinding`);
    const cur = ((t.obj as { subjects?: Subject[] }).subjects ?? []).slice();
    for (const s of add) if (!cur.some((x) => x.kind === s.kind && x.name === s.name && (x.namespace ?? '') === (s.namespace ?? ''))) cur.push(s);
    const updated = { ...t.obj, subjects: cur };
    if (d === 'client' || c.flag<boolean>('local')) {
      printResult(c, updated, 'subjects updated', d, { fromServer: true });
      continue;
    }
    const after = c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'merge', { subjects: cur }, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') });
    printResult(c, { ...after, kind: t.obj.kind }, 'subjects updated', d, { fromServer: true });
  }
  return 0;
}

async function runSelector(c: RunContext): Promise<number> {
  const d = dryRun(c);
  checkOutput(c);
  const files = c.flag<string[]>('filename');
  const args = [...c.args];
  if (args.length < (files.length ? 1 : 2)) throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const expr = args.pop()!;
  const selector = parseLabels(expr);
  for (const t of await resolveTargets(c, args, { local: c.flag<boolean>('local'), allowAll: true })) {
    if (t.obj.kind !== 'Service') throw new WrappedError('setting a selector is only supported for Services');
    const spec = { ...((t.obj.spec ?? {}) as Record<string, unknown>), selector };
    const recorded = recordChangeCause(c, { ...t.obj, spec });
    if (d === 'client' || c.flag<boolean>('local')) {
      printResult(c, recorded, 'selector updated', d, { fromServer: true });
      continue;
    }
    const ops: unknown[] = [{ op: 'replace', path: '/spec/selector', value: selector }];
    const cause = recorded.metadata.annotations?.[CHANGE_CAUSE];
    if (cause !== undefined) {
      if (t.obj.metadata.annotations) ops.push({ op: 'add', path: `/metadata/annotations/${CHANGE_CAUSE.replace('/', '~1')}`, value: cause });
      else ops.push({ op: 'add', path: '/metadata/annotations', value: { [CHANGE_CAUSE]: cause } });
    }
    const after = c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'json', ops, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') });
    printResult(c, { ...after, kind: t.obj.kind }, 'selector updated', d, { fromServer: true });
  }
  return 0;
}

export const setSubjectCommand = commandFromHelp('set subject', { run: runSubject, tweaks: { user: { type: 'stringArray' }, group: { type: 'stringArray' }, serviceaccount: { type: 'stringArray' } } });
export const setSelectorCommand = commandFromHelp('set selector', { run: runSelector, hiddenFlags: [RECORD_FLAG] });
