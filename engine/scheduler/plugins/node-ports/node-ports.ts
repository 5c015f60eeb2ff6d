import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin } from '../../framework/interfaces.ts';
import { hostPortsOf, type HostPort } from '../../framework/pod-info.ts';
import { SKIP, unschedulable } from '../../framework/status.ts';
import { Names } from '../names.ts';

/** ERR_REASON_NODE_PORTS is nodeports.ErrReason. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

const PRE_FILTER_KEY = 'PreFilterNodePorts';

function conflicts(want: HostPort[], used: HostPort[]): boolean {
  for (const w of want) for (const u of used) if (w.port === u.port && w.protocol === u.protocol && (w.ip === '0.0.0.0' || u.ip === '0.0.0.0' || w.ip === u.ip)) return true;
  return false;
}

/** NodePorts rejects nodes where a host port the pod asks for is taken. */
export function nodePorts(_args: Record<string, unknown>, _h: Handle): PreFilterPlugin & FilterPlugin & EnqueueExtensions {
  return {
    name: Names.NodePorts,
    preFilter(state: CycleState, pi) {
      const ports = pi.hostPorts;
      if (ports.length === 0) return { status: SKIP };
      state.write(PRE_FILTER_KEY, { ports } as { ports: HostPort[] });
      return { status: null };
    },
    filter(state, pi, nodeInfo) {
      const ports = state.read<{ ports: HostPort[] }>(PRE_FILTER_KEY)?.ports ?? pi.hostPorts;
      for (const p of ports) if (nodeInfo.usedPorts.conflicts(p)) return unschedulable(ERR_REASON_NODE_PORTS);
      return null;
    },
    eventsToRegister() {
      return [
        // A deleted pod frees ports only if it held one the pod wants.
        { event: { resource: 'AssignedPod', action: Action.Delete }, hint: (pod, oldObj) => (conflicts(hostPortsOf(pod), hostPortsOf(oldObj as Pod)) ? 'Queue' : 'QueueSkip') },
        { event: { resource: 'Node', action: Action.Add }, hint: (_p, _o, n) => ((n as Node) ? 'Queue' : 'QueueSkip') },
      ];
    },
  };
}
