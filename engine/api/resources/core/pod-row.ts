import { translateTimestampSince } from '../../../base/age.ts';
import { parseTime } from '../../../base/clock.ts';
import type { Cell, KObject, PrintContext } from '../../types.ts';
import { view as list, rec, str, num, type Obj } from '../../validation/util.ts';
import { age } from '../common.ts';

/** printPod: READY, STATUS, RESTARTS and the wide cells, exactly as the server-side printer computes them. */

const NODE_UNREACHABLE_REASON = 'NodeLost';

function isRestartableInit(c: Obj | undefined): boolean {
  return !!c && str(c.restartPolicy) === 'Always';
}

function hasCondition(conds: readonly Obj[], type: string): boolean {
  return conds.some((c) => str(c.type) === type && str(c.status) === 'True');
}

function terminatedAt(cs: Obj): number | undefined {
  const t = rec(rec(cs.lastState).terminated);
  return Object.keys(t).length ? (parseTime(t.finishedAt) ?? 0) : undefined;
}

/** PodStatusSummary is what READY, STATUS and RESTARTS are made of, before the clock is read. */
interface PodStatusSummary {
  readyText: string;
  reason: string;
  restarts: number;
  lastRestart: number;
}

// Stored objects are immutable: a pod's summary holds until the pod changes (a new object).
const summaries = new WeakMap<KObject, PodStatusSummary>();

/** podStatusCells returns [ready, status, restarts] for a pod. */
export function podStatusCells(pod: KObject, ctx: PrintContext): [string, string, string] {
  let s = summaries.get(pod);
  if (!s) {
    s = summarize(pod);
    if (Object.isFrozen(pod)) summaries.set(pod, s);
  }
  let restartsText = String(s.restarts);
  if (s.restarts !== 0 && s.lastRestart !== 0) restartsText = `${s.restarts} (${ctx.since ? ctx.since(s.lastRestart) : translateTimestampSince(s.lastRestart, ctx.now)} ago)`;
  return [s.readyText, s.reason, restartsText];
}

function summarize(pod: KObject): PodStatusSummary {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const conds = list(status.conditions);
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = list(spec.containers).length;
  let ready = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;
  let reason = str(status.reason) || str(status.phase);
  for (const c of conds) if (str(c.type) === 'PodScheduled' && str(c.reason) === 'SchedulingGated') reason = 'SchedulingGated';
  const inits = new Map<string, Obj>();
  for (const c of list(spec.initContainers)) {
    inits.set(str(c.name), c);
    if (isRestartableInit(c)) total++;
  }
  let initializing = false;
  const initStatuses = list(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]!;
    restarts += num(cs.restartCount);
    const t = terminatedAt(cs);
    if (t !== undefined && t > lastRestart) lastRestart = t;
    const sidecar = isRestartableInit(inits.get(str(cs.name)));
    if (sidecar) {
      sidecarRestarts += num(cs.restartCount);
      if (t !== undefined && t > lastSidecarRestart) lastSidecarRestart = t;
    }
    const state = rec(cs.state);
    const term = state.terminated ? rec(state.terminated) : undefined;
    const wait = state.waiting ? rec(state.waiting) : undefined;
    if (term && num(term.exitCode) === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready === true) ready++;
      continue;
    }
    if (term) {
      if (!str(term.reason)) reason = num(term.signal) !== 0 ? `Init:Signal:${num(term.signal)}` : `Init:ExitCode:${num(term.exitCode)}`;
      else reason = `Init:${str(term.reason)}`;
    } else if (wait && str(wait.reason) && str(wait.reason) !== 'PodInitializing') {
      reason = `Init:${str(wait.reason)}`;
    } else {
      reason = `Init:${i}/${list(spec.initContainers).length}`;
    }
    initializing = true;
    break;
  }
  if (!initializing || hasCondition(conds, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = list(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]!;
      restarts += num(cs.restartCount);
      const t = terminatedAt(cs);
      if (t !== undefined && t > lastRestart) lastRestart = t;
      const state = rec(cs.state);
      const term = state.terminated ? rec(state.terminated) : undefined;
      const wait = state.waiting ? rec(state.waiting) : undefined;
      if (wait && str(wait.reason)) reason = str(wait.reason);
      else if (term && str(term.reason)) reason = str(term.reason);
      else if (term) reason = num(term.signal) !== 0 ? `Signal:${num(term.signal)}` : `ExitCode:${num(term.exitCode)}`;
      else if (cs.ready === true && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(conds, 'Ready') ? 'Running' : 'NotReady';
  }
  const phase = str(status.phase);
  if (pod.metadata.deletionTimestamp && str(status.reason) === NODE_UNREACHABLE_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return { readyText: `${ready}/${total}`, reason, restarts, lastRestart };
}

/** podRow is printPod's cells: Name, Ready, Status, Restarts, Age, IP, Node, Nominated Node, Readiness Gates. */
export function podRow(pod: KObject, ctx: PrintContext): Cell[] {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const [readyText, reason, restarts] = podStatusCells(pod, ctx);
  const ips = list(status.podIPs);
  const ip = ips.length ? str(ips[0]!.ip) : '';
  const gates = list(spec.readinessGates);
  let gatesText = '<none>';
  if (gates.length) {
    const conds = list(status.conditions);
    let trueCount = 0;
    for (const g of gates) {
      const c = conds.find((x) => str(x.type) === str(g.conditionType));
      if (c && str(c.status) === 'True') trueCount++;
    }
    gatesText = `${trueCount}/${gates.length}`;
  }
  return [
    pod.metadata.name ?? '',
    readyText,
    reason,
    restarts,
    age(pod, ctx),
    ip || '<none>',
    str(spec.nodeName) || '<none>',
    str(status.nominatedNodeName) || '<none>',
    gatesText,
  ];
}
