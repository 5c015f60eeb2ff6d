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
import { asStatus, Code, ok, Status } from './status.ts';

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

/** NodePluginScores is a node's total weighted score. */
export interface NodePluginScores {
  name: string;
  total: number;
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

  /**
   * runPreFilterPlugins runs every PreFilter: Skip marks the plugin's Filter
   * as skipped; UnschedulableAndUnresolvable stops at once; node-name
   * results intersect, and an empty intersection rejects every node.
   */
  runPreFilterPlugins(state: CycleState, pi: PodInfo): { nodeNames: Set<string> | null; status: Status | null; pluginsWithNodes: Set<string> } {
    let names: Set<string> | null = null;
    let ret: Status | null = null;
    const withNodes = new Set<string>();
    const nodes = this.snapshot.list();
    for (const p of this.preFilterPlugins) {
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
    for (const p of this.preFilterPlugins) {
      if (state.skipFilterPlugins.has(p.name)) continue;
      const ext = p.preFilterExtensions?.();
      if (!ext) continue;
      const s = ext.addPod(state, pi, toAdd, nodeInfo);
      if (!ok(s)) return asStatus(new Error(`running AddPod on PreFilter plugin "${p.name}": ${s!.message()}`));
    }
    return null;
  }

  runPreFilterExtensionRemovePod(state: CycleState, pi: PodInfo, toRemove: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const p of this.preFilterPlugins) {
      if (state.skipFilterPlugins.has(p.name)) continue;
      const ext = p.preFilterExtensions?.();
      if (!ext) continue;
      const s = ext.removePod(state, pi, toRemove, nodeInfo);
      if (!ok(s)) return asStatus(new Error(`running RemovePod on PreFilter plugin "${p.name}": ${s!.message()}`));
    }
    return null;
  }

  /** runPostFilterPlugins returns on the first success or unresolvable answer, else joins the reasons. */
  runPostFilterPlugins(state: CycleState, pi: PodInfo, m: NodeToStatus): I.PostFilterOutcome {
    let result: I.NominatingInfo | null = null;
    const reasons: string[] = [];
    let rejector = '';
    for (const p of this.postFilterPlugins) {
      const out = p.postFilter(state, pi, m);
      const s = out.status;
      if (ok(s)) return out;
      if (s!.code === Code.UnschedulableAndUnresolvable) return { result: out.result, status: s!.withPlugin(p.name) };
      if (!s!.isRejected()) return { result: null, status: new Status(Code.Error, s!.reasons).withPlugin(p.name) };
      if (out.result && out.result.mode !== 'Noop') result = out.result;
      reasons.push(...s!.reasons);
      if (!rejector) rejector = p.name;
    }
    return { result, status: new Status(Code.Unschedulable, reasons).withPlugin(rejector) };
  }

  /** runPreScorePlugins marks the plugins that Skip. */
  runPreScorePlugins(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    for (const p of this.preScorePlugins) {
      const s = p.preScore(state, pi, nodes);
      if (s && s.isSkip()) state.skipScorePlugins.add(p.name);
      else if (!ok(s)) return new Status(Code.Error, [`running PreScore plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name);
    }
    return null;
  }

  /** runScorePlugins scores every node with every (non-skipped) plugin, normalises, weighs and sums. */
  runScorePlugins(state: CycleState, pi: PodInfo, nodes: readonly NodeInfo[]): NodePluginScores[] {
    const totals: NodePluginScores[] = nodes.map((n) => ({ name: n.name, total: 0 }));
    for (const p of this.scorePlugins) {
      if (state.skipScorePlugins.has(p.name)) continue;
      const scores: I.NodeScore[] = nodes.map((n) => ({ name: n.name, score: p.score(state, pi, n) }));
      p.normalizeScore?.(state, pi, scores);
      const w = this.weights.get(p.name) ?? 1;
      for (let i = 0; i < scores.length; i++) {
        const s = scores[i]!.score;
        if (s > I_MAX || s < 0) throw new Error(`plugin "${p.name}" returns an invalid score ${s}, it should in the range of [0, 100] after normalizing`);
        totals[i]!.total += s * w;
      }
    }
    return totals;
  }

  runReservePluginsReserve(state: CycleState, pi: PodInfo, nodeName: string): Status | null {
    for (const p of this.reservePlugins) {
      const s = p.reserve(state, pi, nodeName);
      if (!ok(s)) return new Status(s!.code, [`running Reserve plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name);
    }
    return null;
  }

  runReservePluginsUnreserve(state: CycleState, pi: PodInfo, nodeName: string): void {
    for (let i = this.reservePlugins.length - 1; i >= 0; i--) this.reservePlugins[i]!.unreserve(state, pi, nodeName);
  }

  /** runPreBindPlugins returns a failure, or the waits still pending. */
  runPreBindPlugins(state: CycleState, pi: PodInfo, nodeName: string): Status | I.PreBindWait[] {
    const waits: I.PreBindWait[] = [];
    for (const p of this.preBindPlugins) {
      const r = p.preBind(state, pi, nodeName);
      if (r instanceof Status) {
        if (!r.isSuccess()) return new Status(r.code, [`running PreBind plugin "${p.name}": ${r.message()}`]).withPlugin(p.name);
      } else if (r) waits.push(r);
    }
    return waits;
  }

  runBindPlugins(state: CycleState, pi: PodInfo, nodeName: string): Status | null {
    for (const p of this.bindPlugins) {
      const s = p.bind(state, pi, nodeName);
      if (s && s.isSkip()) continue;
      if (!ok(s)) return new Status(Code.Error, [`running Bind plugin "${p.name}": ${s!.message()}`]).withPlugin(p.name);
      return null;
    }
    return new Status(Code.Error, ['all bind plugins were skipped']);
  }
}

const I_MAX = 100;
