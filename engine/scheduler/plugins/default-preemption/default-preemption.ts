import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { rfc3339 } from '../../../base/clock.ts';
import { asPod } from '../../framework/api.ts';
import { FitError, newDiagnosis, type NodeToStatus } from '../../framework/fit-error.ts';
import type { Handle, PostFilterOutcome, PostFilterPlugin } from '../../framework/interfaces.ts';
import { PodInfo } from '../../framework/pod-info.ts';
import { asStatus, Code, Status, unresolvable } from '../../framework/status.ts';
import { Names } from '../names.ts';
import { dryRunPreemption, pickOneNodeForPreemption } from './candidates.ts';
import { executePreemption } from './execute.ts';

/** NOT_HELPFUL is the status preemption gives nodes it did not try (their filters said preemption cannot help). */
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** NOT_ELIGIBLE_NEVER is the reason for preemptionPolicy Never. */
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';
/** NOT_ELIGIBLE_TERMINATING is the reason while victims of an earlier preemption still terminate. */
export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.';

function terminatingByPreemption(p: Pod): boolean {
  if (!p.metadata?.deletionTimestamp) return false;
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'DisruptionTarget');
  return !!c && c.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/**
 * DefaultPreemption is the PostFilter that evicts lower-priority pods when
 * no node fits: it finds the node where the fewest, least important victims
 * make room (PodDisruptionBudgets respected where possible), deletes them
 * and nominates the node for the preemptor. args: minCandidateNodesPercentage
 * (10), minCandidateNodesAbsolute (100).
 */
export function defaultPreemption(args: Record<string, unknown>, h: Handle): PostFilterPlugin {
  const pct = typeof args.minCandidateNodesPercentage === 'number' ? args.minCandidateNodesPercentage : 10;
  const abs = typeof args.minCandidateNodesAbsolute === 'number' ? args.minCandidateNodesAbsolute : 100;

  function eligible(pod: Pod, m: NodeToStatus): string | undefined {
    if (pod.spec?.preemptionPolicy === 'Never') return NOT_ELIGIBLE_NEVER;
    const nnn = pod.status?.nominatedNodeName;
    if (!nnn || m.get(nnn).code === Code.UnschedulableAndUnresolvable) return undefined;
    const ni = h.snapshot.get(nnn);
    const prio = pod.spec?.priority ?? 0;
    for (const p of ni?.pods ?? []) if (p.priority < prio && terminatingByPreemption(p.pod)) return NOT_ELIGIBLE_TERMINATING;
    return undefined;
  }

  function preempt(pi: PodInfo, m: NodeToStatus, state: Parameters<PostFilterPlugin['postFilter']>[0]): PostFilterOutcome {
    const live = h.listers.pods.get(pi.pod.metadata?.namespace, pi.pod.metadata?.name ?? '');
    if (!live) return { result: null, status: asStatus(new Error(`pods "${pi.pod.metadata?.name}" not found`)) };
    const pod = asPod(live);
    const why = eligible(pod, m);
    if (why) return { result: null, status: new Status(Code.Unschedulable, [why]) };
    const all = h.snapshot.list();
    const potential = m.nodesForStatusCode(all, Code.Unschedulable);
    let candidates: ReturnType<typeof dryRunPreemption>['candidates'] = [];
    let statuses = newDiagnosis().nodeToStatus;
    if (potential.length > 0) {
      const pdbs = h.listers.podDisruptionBudgets.list() as unknown as PodDisruptionBudget[];
      const wanted = Math.min(potential.length, Math.max(Math.trunc((potential.length * pct) / 100), abs));
      ({ candidates, statuses } = dryRunPreemption(h, state, new PodInfo(pod), potential, pdbs, h.rand.int(potential.length), wanted));
    }
    if (candidates.length === 0) {
      const d = newDiagnosis();
      d.nodeToStatus = statuses;
      statuses.absent = unresolvable(NOT_HELPFUL);
      return { result: { nominatedNodeName: '', mode: 'Override' }, status: new Status(Code.Unschedulable, [new FitError(all.length, d).text()]) };
    }
    const best = pickOneNodeForPreemption(candidates, h.now());
    if (!best) return { result: null, status: new Status(Code.Unschedulable, ['no candidate node for preemption']) };
    const err = executePreemption(h, pod, best, rfc3339(h.now()));
    if (err) return { result: null, status: err };
    return { result: { nominatedNodeName: best.name, mode: 'Override' }, status: null };
  }

  return {
    name: Names.DefaultPreemption,
    postFilter(state, pi, m) {
      const out = preempt(pi, m, state);
      const msg = out.status?.message() ?? '';
      if (msg) return { result: out.result, status: new Status(out.status!.code, [`preemption: ${msg}`]) };
      return out;
    },
  };
}
