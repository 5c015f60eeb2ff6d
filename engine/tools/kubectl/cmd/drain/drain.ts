import type { KObject } from '../../../../api/types.ts';
import { isStatusError } from '../../../../base/errors.ts';
import { pathFor, toStatusError } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import { parseDuration } from '../../cli/flags.ts';
import { ExitError, UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { selectNodes, setUnschedulable } from '../cordon/cordon.ts';
import { dryRun, dryRunSuffix, type DryRun } from '../create/common.ts';
import { goDuration } from './duration.ts';
import { deleteErrors, filterPods, podsToDelete, shouldSkip, warnings, type PodDelete } from './filters.ts';
import { drainHelp } from './texts.ts';
import { listItemsInChunks } from '../../resource/chunks.ts';

interface Drainer {
  c: RunContext;
  dry: DryRun;
  gracePeriod: number;
  /** deadline in simulated ms, Infinity for no --timeout */
  deadline: number;
  timeoutText: string;
  skipSeconds: number;
}

function podsForDeletion(d: Drainer, node: string): { items: PodDelete[]; errors: string[] } {
  const { c } = d;
  const client = c.f.client();
  const pods = listItemsInChunks(client, R.pods, undefined, { fieldSelector: `spec.nodeName=${node}`, labelSelector: c.flag<string>('pod-selector') || undefined }, c.flag<number>('chunk-size'));
  const items = filterPods(pods, {
    force: c.flag<boolean>('force'),
    ignoreDaemonSets: c.flag<boolean>('ignore-daemonsets'),
    deleteEmptyDirData: c.flag<boolean>('delete-emptydir-data') || c.flag<boolean>('delete-local-data'),
    skipWaitForDeleteTimeoutSeconds: d.skipSeconds,
    now: c.proc.sys.runtime.now,
    daemonSetExists: (ns, name) => {
      try {
        client.get(R.daemonsets, ns, name);
        return true;
      } catch (e) {
        if (isStatusError(e)) return { notFound: e.status.code === 404, message: e.status.message ?? '' };
        throw e;
      }
    },
  });
  return { items, errors: deleteErrors(items) };
}

function now(d: Drainer): number {
  return d.c.proc.sys.runtime.now;
}

/** waitGone polls every second until the pod is gone (or replaced), as kubectl's waitForDelete does. */
async function waitGone(d: Drainer, pod: KObject, evicted: boolean): Promise<string | undefined> {
  const { c } = d;
  // The evictions run side by side: let every one start before any reports.
  await Promise.resolve();
  for (;;) {
    let current: KObject | undefined;
    try {
      current = c.f.client().get(R.pods, pod.metadata.namespace, pod.metadata.name!);
    } catch (e) {
      if (!isStatusError(e) || e.status.code !== 404) return (e as Error).message;
    }
    if (!current || current.metadata.uid !== pod.metadata.uid) {
      c.out(`pod/${pod.metadata.name} ${evicted ? 'evicted' : 'deleted'}\n`);
      return undefined;
    }
    if (shouldSkip(current, d.skipSeconds, now(d))) {
      c.out(`Pod ${pod.metadata.name} was deleted more than ${d.skipSeconds} seconds ago, skipping\n`);
      return undefined;
    }
    if (now(d) >= d.deadline) return `global timeout reached: ${d.timeoutText}`;
    await c.proc.sys.sleep(1000);
  }
}

async function evictOne(d: Drainer, pod: KObject): Promise<string | undefined> {
  const { c } = d;
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const body: Record<string, unknown> = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns } };
  if (d.gracePeriod >= 0) body.deleteOptions = { gracePeriodSeconds: d.gracePeriod };
  const query: Record<string, string> = d.dry === 'server' ? { dryRun: 'All' } : {};
  for (;;) {
    c.out(`evicting pod ${ns}/${name}${d.dry === 'server' ? ' (server dry run)' : ''}\n`);
    if (now(d) >= d.deadline) return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: global timeout reached: ${d.timeoutText}`;
    const resp = c.f.client().raw({ method: 'POST', path: pathFor(R.pods, ns, name, 'eviction'), body, query });
    if (resp.status < 300) break;
    if (resp.status === 404) return undefined;
    const err = toStatusError(resp);
    if (resp.status === 429) {
      c.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${err.status.message ?? ''}\n`);
      await c.proc.sys.sleep(5000);
      continue;
    }
    return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${err.status.message ?? ''}`;
  }
  if (d.dry === 'server') return undefined;
  const problem = await waitGone(d, pod, true);
  return problem === undefined ? undefined : `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(ns)} to terminate: ${problem}`;
}

async function deleteAll(d: Drainer, pods: KObject[]): Promise<string | undefined> {
  const client = d.c.f.client();
  for (const p of pods) {
    try {
      client.delete(R.pods, p.metadata.namespace, p.metadata.name!, d.gracePeriod >= 0 ? { gracePeriodSeconds: d.gracePeriod, dryRun: d.dry === 'server' } : { dryRun: d.dry === 'server' });
    } catch (e) {
      if (!isStatusError(e) || e.status.code !== 404) return (e as Error).message;
    }
  }
  if (d.dry === 'server') return undefined;
  for (const p of pods) {
    const problem = await waitGone(d, p, false);
    if (problem) return problem;
  }
  return undefined;
}

/** aggregate is utilerrors.NewAggregate's text: one error as is, several in brackets. */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`;
}

async function drainNode(d: Drainer, node: string): Promise<string | undefined> {
  const { c } = d;
  const { items, errors } = podsForDeletion(d, node);
  if (errors.length) return aggregate(errors);
  const warn = warnings(items);
  if (warn) c.err(`Warning: ${warn}\n`);
  const pods = podsToDelete(items);
  if (d.dry === 'client') {
    for (const p of pods) c.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return undefined;
  }
  if (pods.length === 0) return undefined;
  let problem: string | undefined;
  if (c.flag<boolean>('disable-eviction')) problem = await deleteAll(d, pods);
  else {
    const results = await Promise.all(pods.map((p) => evictOne(d, p)));
    const errs = results.filter((r): r is string => r !== undefined);
    if (errs.length) problem = aggregate(errs);
  }
  if (problem) {
    const pending = podsToDelete(podsForDeletion(d, node).items);
    if (pending.length) {
      c.err(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${problem}\n`);
      for (const p of pending) c.err(`pod/${p.metadata.name}\n`);
    }
  }
  return problem;
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length > 0 && c.flag<string>('selector')) throw new UsageError('error: cannot specify both a node name and a --selector option');
  const dry = dryRun(c);
  const timeoutMs = parseDuration(c.flag<string>('timeout')) ?? 0;
  const nodes = selectNodes(c, 'drain');
  const d: Drainer = {
    c,
    dry,
    gracePeriod: c.flag<number>('grace-period'),
    deadline: timeoutMs > 0 ? c.proc.sys.runtime.now + timeoutMs : Infinity,
    timeoutText: timeoutMs > 0 ? goDuration(timeoutMs) : '2562047h47m16.854775807s',
    skipSeconds: c.flag<number>('skip-wait-for-delete-timeout'),
  };
  for (const n of nodes) setUnschedulable(c, n, true);
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const n of nodes) {
    const name = n.metadata.name!;
    const problem = await drainNode(d, name);
    if (problem === undefined) {
      c.out(`node/${name} drained${dryRunSuffix(dry)}\n`);
      continue;
    }
    c.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${problem}, continuing command...\n`);
    fatal.push(problem);
    remaining.push(name);
  }
  if (remaining.length) c.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  if (fatal.length) {
    // kubectl prints an aggregate of errors one per line, without the "error: " prefix.
    c.err(fatal.map((e) => `${e}\n`).join(''));
    throw new ExitError(1);
  }
  return 0;
}

/** drainCommand is `kubectl drain`: cordon, then evict (or delete) the node's pods. */
export const drainCommand: CommandDef = { name: 'drain', group: 'Cluster Management Commands', ...drainHelp, run };
