import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { matches } from '../../../base/labels.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interfaces.ts';
import type { PodInfo } from '../../framework/pod-info.ts';
import { Names } from '../names.ts';
import { defaultSelector, filterConstraints, SYSTEM_DEFAULT_CONSTRAINTS, type Constraint } from './common.ts';
import { extensions, filter, preFilter } from './filtering.ts';
import { normalizeScore, preScore, score } from './scoring.ts';

/**
 * PodTopologySpread enforces DoNotSchedule constraints (skew per domain) and
 * scores ScheduleAnyway ones. Pods without constraints get the defaults:
 * the system's (hostname skew 3, zone skew 5) unless args.defaultingType is
 * "List", with the selector of the Services and controller owning the pod.
 */
export function podTopologySpread(args: Record<string, unknown>, h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  const systemDefaulted = (args.defaultingType ?? 'System') === 'System';
  const defaults = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : ((args.defaultConstraints as TopologySpreadConstraint[] | undefined) ?? []);

  const constraintsOf = (pi: PodInfo, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] => {
    const own = pi.pod.spec?.topologySpreadConstraints ?? [];
    if (own.length > 0) return filterConstraints(own, pi.pod.metadata?.labels, action);
    const cs = filterConstraints(defaults, pi.pod.metadata?.labels, action);
    if (cs.length === 0) return cs;
    const sel = defaultSelector(pi.pod, h.listers);
    if (sel.requirements.length === 0) return [];
    return cs.map((c) => ({ ...c, selector: sel, selectorKey: JSON.stringify(sel.requirements) }));
  };

  const relevant = (pod: Pod, changed: Pod | undefined): boolean => {
    if (!changed?.spec?.nodeName || changed.metadata?.namespace !== pod.metadata?.namespace) return false;
    const own = pod.spec?.topologySpreadConstraints ?? [];
    return own.length === 0 || own.some((c) => matches(filterConstraints([c], pod.metadata?.labels, c.whenUnsatisfiable)[0]!.selector, changed.metadata?.labels));
  };

  return {
    name: Names.PodTopologySpread,
    preFilter: (state, pi) => preFilter(h.snapshot, state, pi, constraintsOf(pi, 'DoNotSchedule')),
    preFilterExtensions: () => extensions,
    filter: (state, pi, nodeInfo) => filter(state, pi, nodeInfo),
    preScore(state, pi, nodes) {
      const requireAll = (pi.pod.spec?.topologySpreadConstraints ?? []).length > 0 || !systemDefaulted;
      return preScore(h.snapshot, state, pi, nodes, constraintsOf(pi, 'ScheduleAnyway'), requireAll);
    },
    score: (state, _pi, nodeInfo) => score(state, nodeInfo),
    normalizeScore: (state, _pi, scores) => normalizeScore(state, scores),
    eventsToRegister() {
      return [
        { event: { resource: 'Pod', action: Action.Add | Action.UpdatePodLabel | Action.Delete }, hint: (pod, o, n) => (relevant(pod, o as Pod) || relevant(pod, n as Pod) ? 'Queue' : 'QueueSkip') },
        {
          event: { resource: 'Node', action: Action.Add | Action.Delete | Action.UpdateNodeLabel | Action.UpdateNodeTaint },
          hint: (pod, o, n) => {
            const keys = (pod.spec?.topologySpreadConstraints ?? []).map((c) => c.topologyKey);
            const has = (x: unknown) => !!x && keys.every((k) => k in ((x as Node).metadata?.labels ?? {}));
            return keys.length === 0 || has(o) || has(n) ? 'Queue' : 'QueueSkip';
          },
        },
      ];
    },
  };
}
