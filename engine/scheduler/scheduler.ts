import type { Pod } from 'kubernetes-types/core/v1';
import type { Runtime, Timer } from '../base/runtime.ts';
import type { KObject } from '../api/types.ts';
import type { ApiClient } from '../client/client.ts';
import { EventRecorder } from '../client/events.ts';
import type { Informer } from '../client/informer.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import { Cache } from './cache/cache.ts';
import { defaultSchedulerConfig } from './config/defaults.ts';
import type { SchedulerConfiguration } from './config/types.ts';
import { nodeHandlers, podHandlers, requeueOn, type HandlerDeps } from './event-handlers.ts';
import { Framework } from './framework/framework.ts';
import type { PluginFactory } from './framework/interfaces.ts';
import { schedulerInformers } from './informers.ts';
import { LeaderElector } from './leader/leader-election.ts';
import { IN_TREE_PLUGINS } from './plugins/registry.ts';
import { SchedulingQueue } from './queue/scheduling-queue.ts';
import { VerdictRecorder } from './recorder/verdicts.ts';
import { asKObject, scheduleOne, type Core } from './schedule-one.ts';

/** SchedulerOptions configure one kube-scheduler process. */
export interface SchedulerOptions {
  runtime: Runtime;
  /** client is the scheduler's own identity (system:kube-scheduler), from --kubeconfig. */
  client: ApiClient;
  /** config is the loaded --config (loadSchedulerConfig), or the defaults. */
  config?: SchedulerConfiguration;
  /** hostname names this instance: the Lease holder is "<hostname>_<uuid>", events come from "<scheduler>-<hostname>". */
  hostname?: string;
  /** leaderElect overrides config.leaderElection.leaderElect (--leader-elect). */
  leaderElect?: boolean;
  /** onLeadershipLost is called when the Lease could not be renewed in time; the real binary exits with status 1 there. */
  onLeadershipLost?(): void;
  /** popFromBackoffQ is the SchedulerPopFromBackoffQ feature gate (default true, as in 1.34). */
  popFromBackoffQ?: boolean;
  /** registry replaces the in-tree plugin registry (tests). */
  registry?: Readonly<Record<string, PluginFactory>>;
}

/** FLUSH_BACKOFF_MS and FLUSH_UNSCHEDULABLE_MS are the queue's periodic flushes; MAX_IN_UNSCHEDULABLE_MS is podMaxInUnschedulablePodsDuration. */
const FLUSH_BACKOFF_MS = 1000;
const FLUSH_UNSCHEDULABLE_MS = 30_000;
const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;

/**
 * Scheduler is kube-scheduler: informers feed the cache and the queue; while
 * this instance leads, one pod at a time is popped and scheduled, each cycle
 * a task on the runtime's queue.
 */
export class Scheduler {
  readonly cache = new Cache();
  readonly queue: SchedulingQueue;
  readonly verdicts = new VerdictRecorder();
  readonly frameworks = new Map<string, Framework>();
  readonly elector: LeaderElector | undefined;
  private readonly informers: SharedInformerFactory;
  private readonly podInformer: Informer;
  private readonly core: Core;
  private readonly recorders = new Map<string, EventRecorder>();
  private leading = false;
  private tickPending = false;
  private timers: Timer[] = [];
  private stopped = false;
  /** first is the first profile: all profiles share its QueueSort. */
  private first: Framework | undefined;

  constructor(private readonly o: SchedulerOptions) {
    const cfg = o.config ?? defaultSchedulerConfig();
    const rt = o.runtime;
    this.informers = new SharedInformerFactory(o.client, rt);
    const { listers, nodes: nodeInf, pods } = schedulerInformers(this.informers);
    this.podInformer = pods;
    const frameworkFor = (p: Pod) => this.frameworks.get(p.spec?.schedulerName || 'default-scheduler');
    this.queue = new SchedulingQueue({
      now: () => rt.now,
      less: (a, b) => this.first!.less(a, b),
      preEnqueue: (p) => frameworkFor(p)?.runPreEnqueuePlugins(p) ?? null,
      eventsOf: (p, plugin) => frameworkFor(p)?.enqueueEvents.get(plugin) ?? [],
      initialBackoffMs: cfg.podInitialBackoffSeconds * 1000,
      maxBackoffMs: cfg.podMaxBackoffSeconds * 1000,
      maxInUnschedulableMs: MAX_IN_UNSCHEDULABLE_MS,
      popFromBackoffQ: o.popFromBackoffQ ?? true,
      liveNodeName: (p) => {
        const live = this.podInformer.get(p.metadata?.namespace, p.metadata?.name ?? '') as unknown as Pod | undefined;
        return live ? (live.spec?.nodeName ?? '') : undefined;
      },
      onActive: () => this.kick(),
    });
    const hostname = o.hostname ?? 'controlplane';
    for (const profile of cfg.profiles) {
      const fw = new Framework(profile, o.registry ?? IN_TREE_PLUGINS, {
        snapshot: this.cache,
        listers,
        client: o.client,
        rand: rt.rand,
        nominator: this.queue.nominator,
        now: () => rt.now,
        event: (regarding, type, reason, action, note) => this.recorder(profile.schedulerName, hostname, action).event(regarding, type, reason, note),
        wrapFilter: (p) => this.verdicts.wrap(p),
      });
      this.frameworks.set(profile.schedulerName, fw);
      this.first ??= fw;
    }
    this.core = {
      runtime: rt,
      client: o.client,
      cache: this.cache,
      queue: this.queue,
      search: { nextStartNodeIndex: 0, percentageOfNodesToScore: cfg.percentageOfNodesToScore },
      verdicts: this.verdicts,
      frameworkFor,
      livePod: (ns, name) => this.podInformer.get(ns, name) as unknown as Pod | undefined,
      event: (fw, pod, type, reason, action, note) => fw.event(asKObject(pod), type, reason, action, note),
    };
    const deps: HandlerDeps = { cache: this.cache, queue: this.queue, verdicts: this.verdicts, responsible: (p) => this.frameworks.has(p.spec?.schedulerName || 'default-scheduler') };
    nodeInf.on(nodeHandlers(deps));
    this.podInformer.on(podHandlers(deps));
    requeueOn(listers.persistentVolumes, 'PersistentVolume', deps);
    requeueOn(listers.persistentVolumeClaims, 'PersistentVolumeClaim', deps);
    requeueOn(listers.storageClasses, 'StorageClass', deps);
    requeueOn(listers.csiNodes, 'CSINode', deps);
    const le = cfg.leaderElection;
    if (o.leaderElect ?? le.leaderElect) {
      this.elector = new LeaderElector(rt, o.client, le, `${hostname}_${rt.rand.uuid()}`, {
        onStartedLeading: () => this.startLeading(),
        onStoppedLeading: () => this.stopLeading(),
      });
    }
  }

  private recorder(schedulerName: string, hostname: string, action: string): EventRecorder {
    const key = `${schedulerName}\u0000${action}`;
    let r = this.recorders.get(key);
    if (!r) this.recorders.set(key, (r = new EventRecorder(this.o.client, this.o.runtime, { component: schedulerName, style: 'events.k8s.io', reportingInstance: `${schedulerName}-${hostname}`, action })));
    return r;
  }

  /** start starts the informers, then leader election (or leads at once without it). */
  start(): void {
    this.informers.start();
    if (this.elector) this.elector.start();
    else this.startLeading();
  }

  private startLeading(): void {
    if (this.stopped || this.leading) return;
    this.leading = true;
    const rt = this.o.runtime;
    this.timers.push(rt.every(FLUSH_BACKOFF_MS, () => this.queue.flushBackoffQCompleted(), 'scheduler flushBackoffQCompleted'));
    this.timers.push(rt.every(FLUSH_UNSCHEDULABLE_MS, () => this.queue.flushUnschedulableLeftover(), 'scheduler flushUnschedulablePodsLeftover'));
    this.kick();
  }

  private stopLeading(): void {
    if (!this.leading) return;
    this.leading = false;
    for (const t of this.timers) t.cancel();
    this.timers = [];
    if (!this.stopped) this.o.onLeadershipLost?.();
  }

  /** kick schedules a scheduling step if there is work and none is pending. */
  private kick(): void {
    if (this.tickPending || !this.leading || this.stopped) return;
    this.tickPending = true;
    this.o.runtime.after(0, () => this.tick(), 'scheduler scheduleOne');
  }

  private tick(): void {
    this.tickPending = false;
    if (!this.leading || this.stopped) return;
    const q = this.queue.pop();
    if (!q) return;
    scheduleOne(this.core, q);
    this.kick();
  }

  /** isLeader tells whether this instance schedules. */
  isLeader(): boolean {
    return this.leading;
  }

  /** stop stops scheduling, the informers and leader election (the Lease is not released). */
  stop(): void {
    this.stopped = true;
    this.elector?.stop();
    this.stopLeading();
    this.informers.stop();
  }

  /** object returns the informer's copy of a pod (for tests and the UI). */
  pod(namespace: string, name: string): KObject | undefined {
    return this.podInformer.get(namespace, name);
  }
}
