import { Names } from '../plugins/names.ts';
import { emptyPlugins, EXTENSION_POINTS, type PluginConfig, type Plugins, type PluginSet, type Profile, type SchedulerConfiguration } from './types.ts';

/** DEFAULT_SCHEDULER_NAME is v1.DefaultSchedulerName. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/**
 * DEFAULT_MULTI_POINT is getDefaultPlugins() of kubescheduler.config.k8s.io/v1
 * (1.34): the plugins every default profile runs, in order, with the score
 * weights. DynamicResources is left out: the lab has no resource.k8s.io.
 */
export const DEFAULT_MULTI_POINT = [
  { name: Names.SchedulingGates },
  { name: Names.PrioritySort },
  { name: Names.NodeUnschedulable },
  { name: Names.NodeName },
  { name: Names.TaintToleration, weight: 3 },
  { name: Names.NodeAffinity, weight: 2 },
  { name: Names.NodePorts },
  { name: Names.NodeResourcesFit, weight: 1 },
  { name: Names.VolumeRestrictions },
  { name: Names.NodeVolumeLimits },
  { name: Names.VolumeBinding },
  { name: Names.VolumeZone },
  { name: Names.PodTopologySpread, weight: 2 },
  { name: Names.InterPodAffinity, weight: 2 },
  { name: Names.DefaultPreemption },
  { name: Names.NodeResourcesBalancedAllocation, weight: 1 },
  { name: Names.ImageLocality, weight: 1 },
  { name: Names.DefaultBinder },
] as const;

/** defaultPluginArgs are the v1 defaults of the plugins that take arguments. */
export function defaultPluginArgs(name: string): Record<string, unknown> | undefined {
  switch (name) {
    case Names.DefaultPreemption:
      return { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 };
    case Names.InterPodAffinity:
      return { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false };
    case Names.NodeAffinity:
      return {};
    case Names.NodeResourcesBalancedAllocation:
      return { resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] };
    case Names.NodeResourcesFit:
      return { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] } };
    case Names.PodTopologySpread:
      return { defaultingType: 'System' };
    case Names.VolumeBinding:
      return { bindTimeoutSeconds: 600 };
    default:
      return undefined;
  }
}

/** mergePluginSet is mergePluginSet: defaults minus disabled ("*" disables all), re-configured in place, custom ones appended. */
export function mergePluginSet(def: PluginSet, custom: PluginSet): PluginSet {
  const disabled = [...custom.disabled.map((p) => ({ name: p.name })), ...def.disabled.map((p) => ({ name: p.name }))];
  const disabledNames = new Set(disabled.map((p) => p.name));
  const customIdx = new Map(custom.enabled.map((p, i) => [p.name, i]));
  const replaced = new Set<number>();
  const enabled = [];
  if (!disabledNames.has('*')) {
    for (const p of def.enabled) {
      if (disabledNames.has(p.name)) continue;
      const i = customIdx.get(p.name);
      if (i !== undefined) {
        replaced.add(i);
        enabled.push(custom.enabled[i]!);
      } else enabled.push(p);
    }
  }
  custom.enabled.forEach((p, i) => {
    if (!replaced.has(i)) enabled.push(p);
  });
  return { enabled, disabled };
}

/** defaultProfilePlugins merges a profile's plugins with the defaults (only multiPoint has defaults). */
export function defaultProfilePlugins(custom: Plugins): Plugins {
  const out = emptyPlugins();
  for (const e of EXTENSION_POINTS) {
    const def: PluginSet = e === 'multiPoint' ? { enabled: DEFAULT_MULTI_POINT.map((p) => ({ ...p })), disabled: [] } : { enabled: [], disabled: [] };
    out[e] = mergePluginSet(def, custom[e]);
  }
  return out;
}

/** defaultPluginConfig adds default args for every enabled plugin that takes args, merging given args over them. */
export function defaultPluginConfig(plugins: Plugins, given: PluginConfig[]): PluginConfig[] {
  const out = given.map((c) => ({ name: c.name, args: { ...(defaultPluginArgs(c.name) ?? {}), ...c.args } }));
  const seen = new Set(out.map((c) => c.name));
  for (const e of EXTENSION_POINTS) {
    for (const p of plugins[e].enabled) {
      const args = defaultPluginArgs(p.name);
      if (args && !seen.has(p.name)) {
        out.push({ name: p.name, args });
        seen.add(p.name);
      }
    }
  }
  return out;
}

/** defaultProfile is the profile of a scheduler started without --config. */
export function defaultProfile(schedulerName = DEFAULT_SCHEDULER_NAME): Profile {
  const plugins = defaultProfilePlugins(emptyPlugins());
  return { schedulerName, plugins, pluginConfig: defaultPluginConfig(plugins, []) };
}

/** defaultSchedulerConfig is the configuration kube-scheduler runs with when given no --config. */
export function defaultSchedulerConfig(): SchedulerConfiguration {
  return {
    parallelism: 16,
    leaderElection: { leaderElect: true, leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, resourceLock: 'leases', resourceName: 'kube-scheduler', resourceNamespace: 'kube-system' },
    clientConnection: { kubeconfig: '' },
    percentageOfNodesToScore: 0,
    podInitialBackoffSeconds: 1,
    podMaxBackoffSeconds: 10,
    profiles: [defaultProfile()],
  };
}
