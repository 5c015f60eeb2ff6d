import { deepEqual } from '../../../../base/deep.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { parseDuration } from '../../cli/flags.ts';
import { nameOf } from '../../printers/objects.ts';
import { WrappedError, checkOutput, dryRun, printResult } from '../create/common.ts';
import { aggregateError } from '../create/aggregate.ts';
import { PlainError } from '../../errors.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets, type Target } from '../create/targets.ts';
import { historyOf } from './history.ts';
import { rolloutStatus } from './status.ts';
import { HISTORY_KINDS, historyEntries } from './viewer.ts';
import { describePodTemplate } from '../describe/workloads.ts';
import { PrefixWriter } from '../describe/writer.ts';

type Obj = Record<string, unknown>;

/** ROLLBACK_KINDS are the kinds with a rollbacker (polymorphichelpers.RollbackerFor). */
const ROLLBACK_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

async function targets(c: RunContext): Promise<Target[]> {
  if (c.args.length === 0 && c.flag<string[]>('filename').length === 0) throw new UsageError('required resource not specified', 'none');
  void NO_RESOURCES;
  return resolveTargets(c, c.args, { allowAll: true });
}

function label(t: Target): string {
  return nameOf(t.res.kind, t.res.group, t.obj.metadata.name ?? '');
}

/** groupKind is schema.GroupKind's String(): Kind, or Kind.group. */
function groupKind(t: Target): string {
  return `${t.obj.kind}${t.res.group ? `.${t.res.group}` : ''}`;
}

/** VISITED are the kinds kubectl's apps GroupKindElement accepts; any other has no visitor at all. */
const VISITED = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'Pod', 'ReplicationController']);

/** unsupported is why kubectl finds no history viewer or rollbacker (what) for a kind, or undefined when it has one. */
function unsupported(t: Target, what: 'history' | 'rollbacker', supported: Set<string>): string | undefined {
  const kind = t.obj.kind ?? '';
  if (!VISITED.has(kind)) return `error retrieving ${what} for "${groupKind(t)}", no visitor method exists for {${t.res.group} ${kind}}`;
  if (!supported.has(kind)) return `no ${what === 'history' ? 'history viewer' : 'rollbacker'} has been implemented for "${groupKind(t)}"`;
  return undefined;
}

/**
 * objectErrors is how pause, resume and restart report the objects they
 * could not change: each as `error: <resource> "<name>" <why>`, one a line.
 */
function objectErrors(errs: string[]): Error {
  return errs.length === 1 ? new WrappedError(errs[0]!) : new PlainError(errs.map((e) => `error: ${e}`).join('\n'));
}

function resourceName(t: Target): string {
  return `${t.res.plural}${t.res.group ? `.${t.res.group}` : ''} "${t.obj.metadata.name}"`;
}

async function runStatus(c: RunContext): Promise<number> {
  const ts = await targets(c);
  const revision = c.flag<number>('revision');
  const watch = c.flag<boolean>('watch');
  const timeoutMs = parseDuration(c.flag<string>('timeout')) ?? 0;
  for (const t of ts) {
    let last = rolloutStatus(t.obj, revision);
    c.out(last.message);
    if (last.done || !watch) continue;
    const rt = c.proc.sys.runtime;
    const code = await new Promise<number>((resolve) => {
      let finished = false;
      const finish = (n: number) => {
        if (finished) return;
        finished = true;
        stream?.stop();
        offInt();
        timer?.cancel?.();
        resolve(n);
      };
      const offInt = c.proc.signal.onInterrupt(() => finish(130));
      const timer = timeoutMs > 0 ? (rt.after(timeoutMs, () => {
        c.err('error: timed out waiting for the condition\n');
        finish(1);
      }) as { cancel?: () => void } | undefined) : undefined;
      const stream = c.f.client().watch(
        t.res,
        t.obj.metadata.namespace,
        { fieldSelector: `metadata.name=${t.obj.metadata.name}`, resourceVersion: t.obj.metadata.resourceVersion },
        (e) => {
          if (finished) return;
          if (e.type === 'DELETED') {
            c.err(`error: object has been deleted\n`);
            finish(1);
            return;
          }
          if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
          try {
            last = rolloutStatus({ ...(e.object as KObject), kind: t.obj.kind }, revision);
          } catch (err) {
            c.err(`error: ${(err as Error).message}\n`);
            finish(1);
            return;
          }
          c.out(last.message);
          if (last.done) finish(0);
        },
        () => {},
      );
    });
    if (code !== 0) return code;
  }
  return 0;
}

/**
 * historyObjects is `rollout history -o …`: each revision's object (a
 * Deployment's ReplicaSets, a DaemonSet or StatefulSet as of the revision),
 * oldest first, or only --revision's.
 */
function historyObjects(c: RunContext, t: Target): void {
  const revision = c.flag<number>('revision');
  const revs = historyEntries(c, t.obj).filter((r) => revision <= 0 || r.revision === revision);
  if (!revs.length && revision > 0) throw new WrappedError('unable to find the specified revision');
  const yaml = c.flag<string>('output') === 'yaml';
  revs.forEach((r, i) => {
    if (yaml && i > 0) c.out('---\n');
    printResult(c, r.object, '', 'none', { fromServer: true });
  });
}

function historyTable(c: RunContext, t: Target): void {
  const revs = historyEntries(c, t.obj);
  const revision = c.flag<number>('revision');
  if (revs.length === 0) {
    c.out(`${label(t)} ${revision > 0 ? `with revision #${revision}` : ''}\nNo rollout history found.\n`);
    return;
  }
  if (revision > 0) {
    const r = revs.find((x) => x.revision === revision);
    if (!r) throw new WrappedError('unable to find the specified revision');
    // printTemplate: DescribePodTemplate over a plain writer, its tabs left unaligned
    const w = new PrefixWriter(false);
    describePodTemplate(w, r.template);
    c.out(`${label(t)} with revision #${revision}\n${w.text()}\n`);
    return;
  }
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...revs.map((r) => [String(r.revision), r.changeCause || '<none>'])];
  const w = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  c.out(`${label(t)} \n${rows.map((r) => `${r[0]!.padEnd(w)}${r[1]}`).join('\n')}\n\n`);
}

async function runHistory(c: RunContext): Promise<number> {
  // kubectl visits every object and reports their errors together at the end
  const errors: string[] = [];
  for (const t of await targets(c)) {
    try {
      const why = unsupported(t, 'history', HISTORY_KINDS);
      if (why) throw new WrappedError(why);
      if (c.flags.values.has('output') && c.flag<string>('output')) historyObjects(c, t);
      else historyTable(c, t);
    } catch (e) {
      if (!(e instanceof WrappedError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) throw aggregateError(errors);
  return 0;
}

function withoutHash(tmpl: Obj): Obj {
  const meta = { ...((tmpl.metadata ?? {}) as Obj) };
  const labels = { ...((meta.labels ?? {}) as Record<string, string>) };
  delete labels['pod-template-hash'];
  meta.labels = labels;
  return { ...tmpl, metadata: meta };
}

/** ROLLBACK_KEEPS are the Deployment's own annotations a rollback leaves (the rollbacker's annotationsToSkip). */
const ROLLBACK_KEEPS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/**
 * rollbackAnnotations is what a rollback makes of the Deployment's
 * annotations: its bookkeeping ones stay, every other one comes from the
 * ReplicaSet of the revision rolled back to (so a change-cause recorded
 * since is dropped, and that revision's own comes back).
 */
function rollbackAnnotations(deployment: Record<string, string>, rs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment)) if (ROLLBACK_KEEPS.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(rs)) if (!ROLLBACK_KEEPS.has(k)) out[k] = v;
  return out;
}

/**
 * undoFromControllerRevisions is the DaemonSet and StatefulSet rollbacker:
 * the revision to go back to (the one before the newest without
 * --to-revision) is a ControllerRevision whose data is a strategic patch of
 * the pod template, sent as it is.
 */
function undoFromControllerRevisions(c: RunContext, t: Target, to: number, d: ReturnType<typeof dryRun>): void {
  const notFound = () => new WrappedError(`unable to find specified revision ${to} in history`);
  if (to < 0) throw notFound();
  const revs = historyEntries(c, t.obj);
  if (to === 0 && revs.length <= 1) throw new WrappedError('no last revision to roll back to');
  const target = to === 0 ? revs[revs.length - 2] : revs.find((r) => r.revision === to);
  if (!target) throw notFound();
  if (d === 'client' && !c.flag<string>('output')) {
    const w = new PrefixWriter(false);
    describePodTemplate(w, target.template);
    c.out(`${label(t)} will roll back to ${w.text()} (dry run)\n`);
    return;
  }
  // kubectl prints the object as it read it, the rollbacker's answer as the operation
  if (d === 'client') {
    printResult(c, t.obj, 'rolled back', d, { fromServer: true });
    return;
  }
  if (deepEqual((t.obj.spec as Obj | undefined)?.template, target.template)) {
    c.out(`${label(t)} skipped rollback (current template already matches revision ${to})\n`);
    return;
  }
  const patch = { spec: { template: { ...target.template, $patch: 'replace' } } };
  try {
    c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', patch, { dryRun: d === 'server' });
  } catch (e) {
    if (e instanceof Error && 'status' in e) throw new WrappedError(`failed restoring revision ${to}: ${e.message}`);
    throw e;
  }
  printResult(c, t.obj, 'rolled back', d, { fromServer: true });
}

async function runUndo(c: RunContext): Promise<number> {
  const d = dryRun(c);
  checkOutput(c);
  const to = c.flag<number>('to-revision');
  // kubectl visits every object and reports their errors together at the end
  const errors: string[] = [];
  for (const t of await targets(c)) {
    try {
      undoOne(c, t, to, d);
    } catch (e) {
      if (!(e instanceof WrappedError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) throw aggregateError(errors);
  return 0;
}

function undoOne(c: RunContext, t: Target, to: number, d: ReturnType<typeof dryRun>): void {
  const why = unsupported(t, 'rollbacker', ROLLBACK_KINDS);
  if (why) throw new WrappedError(why);
  if (t.obj.kind === 'DaemonSet' || t.obj.kind === 'StatefulSet') {
    undoFromControllerRevisions(c, t, to, d);
    return;
  }
  const spec = (t.obj.spec ?? {}) as Obj;
  if (spec.paused) throw new WrappedError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const revs = historyOf(c, t.obj);
  if (revs.length === 0) throw new WrappedError(`no rollout history found for deployment "${t.obj.metadata.name}"`);
  let target;
  if (to === 0) {
    if (revs.length < 2) throw new WrappedError(`no rollout history found for deployment "${t.obj.metadata.name}"`);
    target = revs[revs.length - 2]!;
  } else {
    target = revs.find((r) => r.revision === to);
    if (!target) throw new WrappedError(`unable to find specified revision ${to} in history`);
  }
  const tmpl = withoutHash((target.rs.spec as Obj).template as Obj);
  const rev = to === 0 ? target.revision : to;
  if (deepEqual(withoutHash(spec.template as Obj), tmpl)) {
    c.out(`${label(t)} skipped rollback (current template already matches revision ${rev})\n`);
    return;
  }
  if (d === 'client' && !c.flag<string>('output')) {
    // The rollbacker's result for a client dry run is the target template described (unaligned tabs), used as the operation.
    const w = new PrefixWriter(false);
    describePodTemplate(w, (target.rs.spec as Obj).template);
    c.out(`${label(t)} ${w.text()} (dry run)\n`);
    return;
  }
  if (d === 'client') {
    printResult(c, { ...t.obj, spec: { ...spec, template: tmpl } }, 'rolled back', d, { fromServer: true });
    return;
  }
  const patch = [
    { op: 'replace', path: '/spec/template', value: tmpl },
    // (a Deployment its controller has seen always has annotations; replace needs them there)
    { op: t.obj.metadata.annotations ? 'replace' : 'add', path: '/metadata/annotations', value: rollbackAnnotations(t.obj.metadata.annotations ?? {}, target.rs.metadata.annotations ?? {}) },
  ];
  c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'json', patch, { dryRun: d === 'server' });
  // kubectl prints the Deployment as it read it before rolling back (-o yaml shows the template being replaced)
  printResult(c, t.obj, 'rolled back', d, { fromServer: true });
}

function pauseResume(pause: boolean) {
  return async (c: RunContext): Promise<number> => {
    checkOutput(c);
    const errs: string[] = [];
    for (const t of await targets(c)) {
      if (t.obj.kind !== 'Deployment') {
        errs.push(`${resourceName(t)} ${pause ? 'pausing' : 'resuming'} is not supported`);
        continue;
      }
      const paused = !!(t.obj.spec as Obj | undefined)?.paused;
      if (paused === pause) {
        errs.push(`${resourceName(t)} is ${pause ? 'already' : 'not'} paused`);
        continue;
      }
      const after = c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', { spec: { paused: pause ? true : null } }, { fieldManager: 'kubectl-rollout' });
      printResult(c, { ...after, kind: t.obj.kind, apiVersion: t.obj.apiVersion }, pause ? 'paused' : 'resumed', 'none', { fromServer: true });
    }
    if (errs.length) throw objectErrors(errs);
    return 0;
  };
}

/** rfc3339 is Go's time.RFC3339 in UTC. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function runRestart(c: RunContext): Promise<number> {
  checkOutput(c);
  const d = dryRun(c);
  const errs: string[] = [];
  for (const t of await targets(c)) {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.obj.kind ?? '')) {
      errs.push(`${resourceName(t)} restarting is not supported`);
      continue;
    }
    if ((t.obj.spec as Obj | undefined)?.paused) {
      errs.push(`${resourceName(t)} can't restart paused deployment (run rollout resume first)`);
      continue;
    }
    const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': rfc3339(c.proc.sys.runtime.now) } } } } };
    if (d === 'client') {
      printResult(c, t.obj, 'restarted', d, { fromServer: true });
      continue;
    }
    const after = c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', patch, { dryRun: d === 'server', fieldManager: 'kubectl-rollout' });
    printResult(c, { ...after, kind: t.obj.kind, apiVersion: t.obj.apiVersion }, 'restarted', d, { fromServer: true });
  }
  if (errs.length) throw objectErrors(errs);
  return 0;
}

/** rolloutCommand is `kubectl rollout` and its subcommands. */
export const rolloutCommand: CommandDef = commandFromHelp('rollout', {
  group: 'Deploy Commands',
  short: 'Manage the rollout of a resource',
  subcommands: [
    commandFromHelp('rollout history', { run: runHistory }),
    commandFromHelp('rollout pause', { run: pauseResume(true) }),
    commandFromHelp('rollout restart', { run: runRestart }),
    commandFromHelp('rollout resume', { run: pauseResume(false) }),
    commandFromHelp('rollout status', { run: runStatus }),
    commandFromHelp('rollout undo', { run: runUndo }),
  ],
});
