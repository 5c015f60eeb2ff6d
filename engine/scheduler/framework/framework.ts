import type { Pod } from 'kubernetes-types/core/v1';
import type { Rand } from '../../base/rand.ts';
import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import type { Profile } from '../config/types.ts';
import type { CycleState } from './cycle-state.ts';
import type { ClusterEventWithHint } from './events.ts';
import type { NodeToStatus } from './fit-error.ts';
import type * as I from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { buildProfilePlugins } from './profile-plugins.ts';
import { runExtension, runPreFilter, type PreFilterRun } from './run-prefilter.ts';
import { runBind, runPostFilter, runPreBind, runPreScore, runReserve, runScore, type NodePluginScores } from './run-points.ts';
import { Code, ok, Status } from './status.ts';

export type { NodePluginScores };

/** FrameworkDeps is what a profile's framework gets from the scheduler. */
export interface FrameworkDeps {
  snapshot: I.Snapshot;
  listers: I.Listers;
  client: ApiClient;
  rand: Rand;
  nominator: I.Nominator;
  now(): number;
  event(regarding: KObject, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void;
  /** wrapFilter lets a recorder observe every Filter call (the "why Pending" view). */
  wrapFilter?(p: I.FilterPlugin): I.FilterPlugin;
}

/**
 * Framework runs one profile's plugins at each extension point, the way
 * pkg/scheduler/framework/runtime does, and is the Handle its plugins see.
 */
export class Framework implements I.Handle {
  readonly profileName: string;
  readonly percentageOfNodesToScore: number | undefined;
  readonly snapshot: I.Snapshot;
  readonly listers: I.Listers;
  readonly client: ApiClient;
  readonly rand: Rand;
  readonly nominator: I.Nominator;
  private preEnqueuePlugins: I.PreEnqueuePlugin[] = [];
  private queueSort!: I.QueueSortPlugin;
  private preFilterPlugins: I.PreFilterPlugin[] = [];
  private filterPlugins: I.FilterPlugin[] = [];
  private postFilterPlugins: I.PostFilterPlugin[] = [];
  private preScorePlugins: I.PreScorePlugin[] = [];
  private scorePlugins: I.ScorePlugin[] = [];
  private reservePlugins: I.ReservePlugin[] = [];
  private preBindPlugins: I.PreBindPlugin[] = [];
  private bindPlugins: I.BindPlugin[] = [];
  private weights = new Map<string, number>();
  /** enqueueEvents maps plugin name → the events that may make a pod it rejected schedulable. */
  readonly enqueueEvents = new Map<string, ClusterEventWithHint[]>();

  constructor(
    profile: Profile,
    registry: Readonly<Record<string, I.PluginFactory>>,
    private readonly deps: FrameworkDeps,
  ) {
    this.profileName = profile.schedulerName;
    this.percentageOfNodesToScore = profile.percentageOfNodesToScore;
    this.snapshot = deps.snapshot;
    this.listers = deps.listers;
    this.client = deps.client;
    this.rand = deps.rand;
    this.nominator = deps.nominator;
    const built = buildProfilePlugins(profile, registry, this);
    const b = built.byPoint;
    this.preEnqueuePlugins = b.preEnqueue as I.PreEnqueuePlugin[];
    this.queueSort = b.queueSort[0] as I.QueueSortPlugin;
    this.preFilterPlugins = b.preFilter as I.PreFilterPlugin[];
    this.filterPlugins = (b.filter as I.FilterPlugin[]).map((p) => (deps.wrapFilter ? deps.wrapFilter(p) : p));
    this.postFilterPlugins = b.postFilter as I.PostFilterPlugin[];
    this.preScorePlugins = b.preScore as I.PreScorePlugin[];
    this.scorePlugins = b.score as I.ScorePlugin[];
    this.reservePlugins = b.reserve as I.ReservePlugin[];
    this.preBindPlugins = b.preBind as I.PreBindPlugin[];
    this.bindPlugins = b.bind as I.BindPlugin[];
    this.weights = built.weights;
    const enqueuePoints = new Set([...b.preEnqueue, ...b.preFilter, ...b.filter, ...b.reserve]);
    for (const p of enqueuePoints) {
      const ext = p as Partial<I.EnqueueExtensions>;
      if (ext.eventsToRegister) this.enqueueEvents.set(p.name, ext.eventsToRegister());
    }
  }

  now(): number {
    return this.deps.now();
  }

  event(regarding: KObject, type: 'Normal' | 'Warning', reason: string, action: string, note: string): void {
    this.deps.event(regarding, type, reason, action, note);
  }

  /** less orders activeQ with the profile's QueueSort plugin. */
  less(a: I.QueuedPodInfo, b: I.QueuedPodInfo): boolean {
    return this.queueSort.less(a, b);
  }

  /** filters are the (possibly recorded) Filter plugins, for diagnosis. */
  get filters(): readonly I.FilterPlugin[] {
    return this.filterPlugins;
  }

  hasFilterPlugins(): boolean {
    return this.filterPlugins.length > 0;
  }

  hasScorePlugins(): boolean {
    return this.scorePlugins.length > 0;
  }

  hasPostFilterPlugins(): boolean {
    return this.postFilterPlugins.length > 0;
  }

  /** runPreEnqueuePlugins returns the first rejection (with the plugin name), or null. */
  runPreEnqueuePlugins(pod: Pod): Status | null {
    for (const p of this.preEnqueuePlugins) {
      const s = p.preEnqueue(pod);
      if (!ok(s)) return s!.withPlugin(p.name);
    }
    return null;
  }

  /** runPreFilterPlugins: see run-prefilter.ts. */
  runPreFilterPlugins(state: CycleState, pi: PodInfo): PreFilterRun {
    return runPreFilter(this.preFilterPlugins, this.snapshot.list(), state, pi);
  }

  /** runFilterPlugins stops at the first plugin that rejects the node. */
  runFilterPlugins(state: CycleState, pi: PodInfo, nodeInfo: NodeInfo): Status | null {
    const active = (state.activeFilters ??= this.filterPlugins.filter((p) => !state.skipFilterPlugins.has(p.name))) as I.FilterPlugin[];
    for (let i = 0; i < active.length; i++) {
      const p = active[i]!;
      const s = p.filter(state, pi, nodeInfo);
      if (s && s.code !== Code.Success) {
        if (!s.isRejected()) return new Status(Code.Error, [`running "${p.name}" filter plugin: ${s.message()}`]).withPlugin(p.name);
        return s.plugin === p.name ? s : new Status(s.code, s.reasons).withPlugin(p.name);
      }
    }
    return null;
  }

  /**
   * runFilterPluginsWithNominatedPods runs the filters twice when pods of
   * equal or higher priority are nominated to the node: once as if they were
   * there, once without them; the node must pass both.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pi: PodInfo, nodeInfo: NodeInfo): Status | null {
    const nominated = this.nominator.nominatedPodsForNode(nodeInfo.name);
    if (nominated.length > 0) {
      let ni: NodeInfo | undefined;
      let st: CycleState | undefined;
      for (const n of nominated) {
        if (n.priority < pi.priority || n.uid === pi.uid) continue;
        if (!ni) {
          ni = nodeInfo.clone();
          st = state.clone();
        }
        ni.addPod(n);
        const s = this.runPreFilterExtensionAddPod(st!, pi, n, ni);
        if (!ok(s)) return s;
      }
      if (ni) {
        const s = this.runFilterPlugins(st!, pi, ni);
        if (!ok(s)) return s;
      }
    }
    return this.runFilterPlugins(state, pi, nodeInfo);
  }

  runPreFilterExtensionAddPod(state: CycleState, pi: PodInfo, toAdd: PodInfo, nodeInfo: NodeInfo): Status | null {
    return runExtension(this.preFilterPlugins, 'addPod', state, pi, toAdd, nodeInfo);
  }

  runPreFilterExtensionRemovePod(state: CycleState, pi: PodInfo, toRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    return runExtension(this.preFilterPlugins, 'removePod', state, pi, toRemove, nodeInfo);
  }

  /** runPostFilterPlugins: see run-points.ts. */
  runPostFilterPlugins(state: CycleState, pi: PodInfo, m: NodeToStatus): I.PostFilterOutcome {
    return runPostFilter(this.postFilterPlugins, state, pi, m);
  }

  /** runPreScorePlugins marks the plugins that Skip. */
  runPreScorePlugins(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    return runPreScore(this.preScorePlugins, state, pi, nodes);
  }

  /** runScorePlugins scores, normalises, weighs and sums. */
  runScorePlugins(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): NodePluginScores[] {
    return runScore(this.scorePlugins, this.weights, state, pi, nodes);
  }

  runReservePluginsReserve(state: CycleState, pi: PodInfo, nodeName: string): Status | null {
    return runReserve(this.reservePlugins, state, pi, nodeName);
  }

  runReservePluginsUnreserve(state: CycleState, pi: PodInfo, nodeName: string): void {
    for (let i = this.reservePlugins.length - 1; i >= 0; i--) this.reservePlugins[i]!.unreserve(state, pi, nodeName);
  }

  runPreBindPlugins(state: CycleState, pi: PodInfo, nodeName: string): Status | I.PreBindWait[] {
    return runPreBind(this.preBindPlugins, state, pi, nodeName);
  }

  runBindPlugins(state: CycleState, pi: PodInfo, nodeName: string): Status | null {
    return runBind(this.bindPlugins, state, pi, nodeName);
  }
}
