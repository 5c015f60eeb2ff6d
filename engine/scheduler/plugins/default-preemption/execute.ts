import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../../api/types.ts';
import { isStatusError } from '../../../base/errors.ts';
import { R } from '../../../client/refs.ts';
import type { Handle } from '../../framework/interfaces.ts';
import { asStatus, type Status } from '../../framework/status.ts';
import type { Candidate } from './candidates.ts';

function notFound(e: unknown): boolean {
  return isStatusError(e) && e.status.code === 404;
}

/**
 * executePreemption is prepareCandidate: each victim gets the
 * DisruptionTarget condition (PreemptionByScheduler), is deleted, and gets
 * the "Preempted" event; lower-priority pods nominated to the node lose
 * their nomination.
 */
export function executePreemption(h: Handle, preemptor: Pod, c: Candidate, now: string): Status | null {
  const schedulerName = preemptor.spec?.schedulerName ?? 'default-scheduler';
  for (const v of c.victims) {
    const m = v.pod.metadata ?? {};
    if (m.deletionTimestamp) continue;
    try {
      const already = (v.pod.status?.conditions ?? []).some((x) => x.type === 'DisruptionTarget' && x.status === 'True' && x.reason === 'PreemptionByScheduler');
      if (!already) {
        const cond = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now, reason: 'PreemptionByScheduler', message: `${schedulerName}: preempting to accommodate a higher priority pod` };
        h.client.patch(R.pods, m.namespace, m.name ?? '', 'strategic', { status: { conditions: [cond] } }, { sub: 'status' });
      }
      h.client.delete(R.pods, m.namespace, m.name ?? '');
    } catch (e) {
      if (!notFound(e)) return asStatus(e);
      continue;
    }
    h.event(v.pod as unknown as KObject, 'Normal', 'Preempted', 'Preempting', `Preempted by pod ${preemptor.metadata?.uid ?? ''} on node ${c.name}`);
  }
  const prio = preemptor.spec?.priority ?? 0;
  for (const p of h.nominator.nominatedPodsForNode(c.name)) {
    if (p.priority >= prio || !p.pod.status?.nominatedNodeName) continue;
    try {
      h.client.patch(R.pods, p.pod.metadata?.namespace, p.pod.metadata?.name ?? '', 'merge', { status: { nominatedNodeName: null } }, { sub: 'status' });
    } catch {
      // Not critical: the pod will be tried again anyway.
    }
  }
  return null;
}
