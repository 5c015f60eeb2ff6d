import { describe, expect, it } from 'vitest';
import { buildProfilePlugins } from '../framework/profile-plugins.ts';
import { IN_TREE_PLUGINS } from '../plugins/registry.ts';
import { pluginWorld } from '../testing/fixtures.ts';
import { defaultSchedulerConfig } from './defaults.ts';
import { loadSchedulerConfig, parseDuration } from './load.ts';
import type { Profile } from './types.ts';

const HEAD = 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n';

function plugins(p: Profile) {
  const b = buildProfilePlugins(p, IN_TREE_PLUGINS, pluginWorld([]).handle);
  const names = (point: keyof typeof b.byPoint) => b.byPoint[point].map((x) => x.name);
  return { names, weights: Object.fromEntries(b.weights) };
}

function load(text: string) {
  const r = loadSchedulerConfig(HEAD + text);
  if ('error' in r) throw new Error(r.error);
  return r.config;
}

describe('default profile', () => {
  it('runs the 1.34 plugins in order with the default weights', () => {
    const p = plugins(defaultSchedulerConfig().profiles[0]!);
    expect(p.names('filter')).toEqual(['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeRestrictions', 'NodeVolumeLimits', 'VolumeBinding', 'VolumeZone', 'PodTopologySpread', 'InterPodAffinity']);
    expect(p.names('score')).toEqual(['TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity', 'NodeResourcesBalancedAllocation', 'ImageLocality']);
    expect(p.weights).toEqual({ TaintToleration: 3, NodeAffinity: 2, NodeResourcesFit: 1, PodTopologySpread: 2, InterPodAffinity: 2, NodeResourcesBalancedAllocation: 1, ImageLocality: 1 });
    expect([p.names('queueSort'), p.names('postFilter'), p.names('bind'), p.names('preEnqueue')]).toEqual([['PrioritySort'], ['DefaultPreemption'], ['DefaultBinder'], ['SchedulingGates']]);
  });
});

describe('loadSchedulerConfig', () => {
  it('disables and re-weights plugins per extension point and through multiPoint', () => {
    const c = load(`profiles:
- schedulerName: packer
  plugins:
    multiPoint:
      disabled:
      - name: NodeResourcesBalancedAllocation
    score:
      enabled:
      - name: NodeResourcesFit
        weight: 5
      disabled:
      - name: ImageLocality
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
`);
    const p = plugins(c.profiles[0]!);
    expect(p.names('score')).toEqual(['NodeResourcesFit', 'TaintToleration', 'NodeAffinity', 'PodTopologySpread', 'InterPodAffinity']);
    expect(p.weights.NodeResourcesFit).toBe(5);
    expect(c.profiles[0]!.pluginConfig.find((x) => x.name === 'NodeResourcesFit')!.args).toEqual({ scoringStrategy: { type: 'MostAllocated' } });
  });

  it('reads percentageOfNodesToScore, back-offs and leader election', () => {
    const c = load(`percentageOfNodesToScore: 30
podInitialBackoffSeconds: 2
podMaxBackoffSeconds: 20
leaderElection:
  leaderElect: false
  leaseDuration: 30s
  renewDeadline: 1m
profiles:
- schedulerName: default-scheduler
  percentageOfNodesToScore: 50
`);
    expect([c.percentageOfNodesToScore, c.podInitialBackoffSeconds, c.podMaxBackoffSeconds, c.profiles[0]!.percentageOfNodesToScore]).toEqual([30, 2, 20, 50]);
    expect(c.leaderElection).toMatchObject({ leaderElect: false, leaseDurationMs: 30_000, renewDeadlineMs: 60_000, retryPeriodMs: 2000 });
  });

  it('refuses what the real scheduler refuses, with its messages', () => {
    const err = (text: string) => (loadSchedulerConfig(text) as { error: string }).error;
    expect(err(`apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n`)).toBe(
      'no kind "KubeSchedulerConfiguration" is registered for version "kubescheduler.config.k8s.io/v1beta3" in scheme "k8s.io/kubernetes/pkg/scheduler/apis/config/scheme/scheme.go:30"',
    );
    expect(err(HEAD + 'profiles:\n- schedulerName: x\n  plugin: {}\n')).toBe('strict decoding error: unknown field "profiles[0].plugin"');
    expect(err(HEAD + 'percentageOfNodesToScore: 120\n')).toBe('percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]');
    expect(err(HEAD + 'profiles:\n- schedulerName: a\n- schedulerName: a\n')).toBe('profiles[1].schedulerName: Duplicate value: "a"');
    expect(err(HEAD + 'profiles:\n- schedulerName: a\n  plugins:\n    filter:\n      enabled:\n      - name: NodeLabel\n')).toBe(
      'initializing profiles: creating profile for scheduler name a: FilterPlugin "NodeLabel" does not exist',
    );
  });

  it('parses Go durations', () => {
    expect([parseDuration('15s'), parseDuration('1m30s'), parseDuration('250ms'), parseDuration('10'), parseDuration('0')]).toEqual([15_000, 90_000, 250, undefined, 0]);
  });
});
