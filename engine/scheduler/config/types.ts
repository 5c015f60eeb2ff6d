/**
 * KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1), the part the
 * lab honours. Durations are kept in milliseconds.
 */

/** EXTENSION_POINTS are the plugin sets of a profile, in config order. */
export const EXTENSION_POINTS = ['preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind', 'postBind', 'multiPoint'] as const;
/** ExtensionPoint names a plugin set of a profile. */
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];

/** PluginRef is config.Plugin: a name and, for score plugins, a weight. */
export interface PluginRef {
  name: string;
  weight?: number;
}

/** PluginSet is config.PluginSet. */
export interface PluginSet {
  enabled: PluginRef[];
  disabled: PluginRef[];
}

/** Plugins is config.Plugins: one set per extension point. */
export type Plugins = Record<ExtensionPoint, PluginSet>;

/** PluginConfig is config.PluginConfig: arguments for one plugin. */
export interface PluginConfig {
  name: string;
  args: Record<string, unknown>;
}

/** Profile is config.KubeSchedulerProfile. */
export interface Profile {
  schedulerName: string;
  percentageOfNodesToScore?: number;
  plugins: Plugins;
  pluginConfig: PluginConfig[];
}

/** LeaderElectionConfig is componentbaseconfig.LeaderElectionConfiguration. */
export interface LeaderElectionConfig {
  leaderElect: boolean;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  resourceLock: string;
  resourceName: string;
  resourceNamespace: string;
}

/** SchedulerConfiguration is config.KubeSchedulerConfiguration after defaulting. */
export interface SchedulerConfiguration {
  parallelism: number;
  leaderElection: LeaderElectionConfig;
  clientConnection: { kubeconfig: string };
  percentageOfNodesToScore: number;
  podInitialBackoffSeconds: number;
  podMaxBackoffSeconds: number;
  profiles: Profile[];
}

/** emptyPlugins returns a Plugins with every set empty. */
export function emptyPlugins(): Plugins {
  const p = {} as Plugins;
  for (const e of EXTENSION_POINTS) p[e] = { enabled: [], disabled: [] };
  return p;
}
