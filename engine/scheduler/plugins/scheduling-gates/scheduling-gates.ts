import type { Pod } from 'kubernetes-types/core/v1';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, Handle, PreEnqueuePlugin } from '../../framework/interfaces.ts';
import { unresolvable } from '../../framework/status.ts';
import { Names } from '../names.ts';

/** SchedulingGates keeps pods with spec.schedulingGates out of activeQ until the gates are removed. */
export function schedulingGates(_args: Record<string, unknown>, _h: Handle): PreEnqueuePlugin & EnqueueExtensions {
  return {
    name: Names.SchedulingGates,
    preEnqueue(pod: Pod) {
      const gates = pod.spec?.schedulingGates ?? [];
      if (gates.length === 0) return null;
      return unresolvable(`waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
    },
    eventsToRegister() {
      return [{ event: { resource: 'Pod', action: Action.UpdatePodSchedulingGatesEliminated }, hint: (pod, _o, n) => ((n as Pod).metadata?.uid === pod.metadata?.uid ? 'Queue' : 'QueueSkip') }];
    },
  };
}
