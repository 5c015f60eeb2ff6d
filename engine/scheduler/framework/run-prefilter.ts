import type { CycleState } from './cycle-state.ts';
import type * as I from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { asStatus, Code, ok, Status } from './status.ts';

/** PreFilterRun is RunPreFilterPlugins' answer: the nodes left (null: all), the status, and the plugins that narrowed the nodes. */
export interface PreFilterRun {
  nodeNames: Set<string> | null;
  status: Status | null;
  pluginsWithNodes: Set<string>;
}

/**
 * runPreFilter runs every PreFilter: Skip marks the plugin's Filter as
 * skipped; UnschedulableAndUnresolvable stops at once (preemption cannot
 * help); Unschedulable is kept while the others still run; node-name
 * results intersect, and an empty intersection rejects every node.
 */
export function runPreFilter(plugins: readonly I.PreFilterPlugin[], nodes: readonly NodeInfo[], state: CycleState, pi: PodInfo): PreFilterRun {
  let names: Set<string> | null = null;
  let ret: Status | null = null;
  const withNodes = new Set<string>();
  for (const p of plugins) {
    const out = p.preFilter(state, pi, nodes);
    const s = out.status;
    if (s && s.isSkip()) {
      state.skipFilterPlugins.add(p.name);
      state.activeFilters = undefined;
      continue;
    }
    if (!ok(s)) {
      if (s!.code === Code.UnschedulableAndUnresolvable) return { nodeNames: null, status: new Status(s!.code, s!.reasons, s!.error).withPlugin(p.name), pluginsWithNodes: new Set() };
      if (s!.code === Code.Unschedulable) {
        ret = new Status(s!.code, s!.reasons).withPlugin(p.name);
        continue;
      }
      return { nodeNames: null, status: new Status(Code.Error, [`running PreFilter plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name), pluginsWithNodes: new Set() };
    }
    const got = out.nodeNames;
    if (got) {
      withNodes.add(p.name);
      const prev: Set<string> | null = names;
      names = prev ? new Set([...prev].filter((n: string) => got.has(n))) : new Set(got);
      if (names.size === 0) {
        const list = [...withNodes].sort();
        const msg = list.length === 1 ? `node(s) didn't satisfy plugin ${list[0]}` : `node(s) didn't satisfy plugin(s) [${list.join(' ')}] simultaneously`;
        return { nodeNames: names, status: new Status(Code.UnschedulableAndUnresolvable, [msg]), pluginsWithNodes: withNodes };
      }
    }
  }
  return { nodeNames: names, status: ret, pluginsWithNodes: withNodes };
}

/** runExtension runs the PreFilter plugins' AddPod or RemovePod (preemption and nominated pods change a node's pods). */
export function runExtension(plugins: readonly I.PreFilterPlugin[], which: 'addPod' | 'removePod', state: CycleState, pi: PodInfo, other: PodInfo, nodeInfo: NodeInfo): Status | null {
  for (const p of plugins) {
    if (state.skipFilterPlugins.has(p.name)) continue;
    const ext = p.preFilterExtensions?.();
    if (!ext) continue;
    const s = ext[which](state, pi, other, nodeInfo);
    if (!ok(s)) return asStatus(new Error(`running ${which === 'addPod' ? 'AddPod' : 'RemovePod'} on PreFilter plugin "${p.name}": ${s!.message()}`));
  }
  return null;
}
