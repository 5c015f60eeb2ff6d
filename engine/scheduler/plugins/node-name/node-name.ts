import type { Node } from 'kubernetes-types/core/v1';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle } from '../../framework/interfaces.ts';
import { unresolvable } from '../../framework/status.ts';
import { Names } from '../names.ts';

/** ERR_REASON_NODE_NAME is nodename.ErrReason. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** NodeName keeps a pod that names its node (spec.nodeName) to that node. */
export function nodeName(_args: Record<string, unknown>, _h: Handle): FilterPlugin & EnqueueExtensions {
  return {
    name: Names.NodeName,
    filter(_state, pi, nodeInfo) {
      const want = pi.pod.spec?.nodeName;
      if (!want || want === nodeInfo.name) return null;
      return unresolvable(ERR_REASON_NODE_NAME);
    },
    eventsToRegister() {
      return [{ event: { resource: 'Node', action: Action.Add }, hint: (pod, _o, n) => ((n as Node).metadata?.name === pod.spec?.nodeName ? 'Queue' : 'QueueSkip') }];
    },
  };
}
