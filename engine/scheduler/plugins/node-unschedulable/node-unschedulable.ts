import type { Node, Pod } from 'kubernetes-types/core/v1';
import { TAINT_NODE_UNSCHEDULABLE, tolerationsTolerateTaint } from '../../framework/api.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle } from '../../framework/interfaces.ts';
import { unresolvable } from '../../framework/status.ts';
import { Names } from '../names.ts';

/** ERR_REASON_UNSCHEDULABLE is nodeunschedulable.ErrReasonUnschedulable. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** NodeUnschedulable rejects cordoned nodes (spec.unschedulable) unless the pod tolerates the unschedulable taint. */
export function nodeUnschedulable(_args: Record<string, unknown>, _h: Handle): FilterPlugin & EnqueueExtensions {
  return {
    name: Names.NodeUnschedulable,
    filter(_state, pi, nodeInfo) {
      if (!nodeInfo.node?.spec?.unschedulable) return null;
      if (tolerationsTolerateTaint(pi.pod.spec?.tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' })) return null;
      return unresolvable(ERR_REASON_UNSCHEDULABLE);
    },
    eventsToRegister() {
      return [
        {
          event: { resource: 'Node', action: Action.Add | Action.UpdateNodeTaint },
          hint: (_pod, oldObj, newObj) => {
            const o = oldObj as Node | undefined;
            const n = newObj as Node;
            if ((o && o.spec?.unschedulable && !n.spec?.unschedulable) || (!o && !n.spec?.unschedulable)) return 'Queue';
            return 'QueueSkip';
          },
        },
        { event: { resource: 'Pod', action: Action.UpdatePodToleration }, hint: (pod, _o, n) => ((n as Pod).metadata?.uid === pod.metadata?.uid ? 'Queue' : 'QueueSkip') },
      ];
    },
  };
}
