import type { Runtime, Timer } from '../../base/runtime.ts';
import type { KObject } from '../../api/types.ts';
import { deepEqual } from '../../base/deep.ts';
import type { ApiClient } from '../../client/client.ts';
import { EventRecorder } from '../../client/events.ts';
import { Informer } from '../../client/informer.ts';
import { R } from '../../client/refs.ts';
import type { Host } from '../../host/host.ts';
import type { ContainerRuntime } from '../runtime/runtime.ts';
import { Backoff } from './backoff.ts';
import { defaultKubeletConfig, type KubeletConfig } from './config.ts';
import type { KubeletContext } from './context.ts';
import { apiGetter, serviceLinkEnv } from './env.ts';
import { ImagePuller } from './images.ts';
import { IpPool } from './ipam.ts';
import { NULL_KLOG, type Klog } from './klog.ts';
import { NodeStatusManager } from './node-status.ts';
import { PodWorker } from './pod-worker.ts';
import { PLEG_RELIST_PERIOD_MS, RUNTIME_STATUS_PERIOD_MS, RuntimeState } from './runtime-state.ts';
import { KubeletServer } from './server.ts';
import { CONFIG_HASH, isMirrorPod, mirrorOf, readStaticPods } from './static-pods.ts';
import { podKey } from './types.ts';

/**
 * specChanged tells whether a pod update is worth a sync: spec, labels,
 * annotations, deletion. The fields are compared in place (most updates are
 * the kubelet's own status writes, whose spec is unchanged), not serialised.
 */
function specChanged(a: KObject, b: KObject): boolean {
  const x = a.metadata;
  const y = b.metadata;
  return x.deletionTimestamp !== y.deletionTimestamp || x.deletionGracePeriodSeconds !== y.deletionGracePeriodSeconds || !deepEqual(a.spec, b.spec) || !deepEqual(x.labels, y.labels) || !deepEqual(x.annotations, y.annotations);
}

/** StartKubeletOptions are startKubelet's arguments. */
export interface StartKubeletOptions {
  runtime: Runtime;
  /** client authenticated as system:node:<nodeName> (group system:nodes) */
  client: ApiClient;
  nodeName: string;
  /** host is the node machine: its filesystem holds the static pods, hostPath volumes and pod folders */
  host: Host;
  nodeIp: string;
  cri: ContainerRuntime;
  config?: Partial<KubeletConfig>;
  klog?: Klog;
  kubeletVersion?: string;
  controlPlane?: boolean;
  /** apiServer is the kubeconfig's server URL (it appears in the kubelet's error lines) */
  apiServer?: string;
  /** podCIDR used when the Node has none yet */
  podCIDR?: string;
  /** runtimeUp tells whether the container runtime's socket answers (containerd's service runs); always, when absent */
  runtimeUp?: () => boolean;
  /** runtimeEndpoint is the CRI endpoint the kubelet dials (it appears in its error lines) */
  runtimeEndpoint?: string;
}

/** KubeletHandle is a running kubelet. */
export interface KubeletHandle {
  stop(): void;
  nodeName: string;
  cri: ContainerRuntime;
  /** worker finds a pod's worker by namespace/name (logs, exec, tests) */
  worker(namespace: string, name: string): PodWorker | undefined;
  /** syncStaticPods re-reads the static-pod folder now */
  syncStaticPods(): void;
  server: KubeletServer;
}

/**
 * startKubelet runs a node's kubelet: it registers the Node and keeps its
 * heartbeat, runs the pods bound to the node and the static pods of its
 * manifest folder (with their mirror pods), and serves logs and exec.
 */
export function startKubelet(o: StartKubeletOptions): KubeletHandle {
  const runtime = o.runtime;
  const config: KubeletConfig = { ...defaultKubeletConfig(), ...(o.config ?? {}) };
  const klog = o.klog ?? NULL_KLOG;
  const workers = new Map<string, PodWorker>();
  const syncTimers = new Map<string, { at: number; timer: Timer }>();
  const timers: Timer[] = [];
  let stopped = false;
  const ipam = new IpPool(o.podCIDR ?? '10.244.0.0/24');
  const servicesCache = new Map<string, { at: number; env: Record<string, string> }>();
  const runtimeState = new RuntimeState(runtime, klog, o.runtimeUp ?? (() => true), o.runtimeEndpoint ?? config.containerRuntimeEndpoint);
  // While the runtime is unreachable the sync loop syncs no pod; the resync after it is back catches up.
  const runtimeUsable = () => runtimeState.errors().length === 0;

  const k: KubeletContext = {
    runtime,
    client: o.client,
    cri: o.cri,
    recorder: new EventRecorder(o.client, runtime, { component: 'kubelet', host: o.nodeName }),
    nodeName: o.nodeName,
    nodeIp: o.nodeIp,
    host: o.host,
    config,
    apiServer: o.apiServer ?? 'https://192.168.100.10:6443',
    klog,
    get: apiGetter(o.client),
    imageBackoff: new Backoff(10_000, 300_000),
    crashBackoff: new Backoff(10_000, 300_000),
    allocateIp: (uid) => ipam.allocate(uid),
    releaseIp: (uid) => ipam.release(uid),
    reserveIp: (uid, ip) => ipam.reserve(uid, ip),
    requestSync: (key, delay) => {
      if (stopped) return;
      const at = runtime.now + Math.max(0, delay);
      const cur = syncTimers.get(key);
      if (cur && cur.at <= at) return;
      cur?.timer.cancel();
      syncTimers.set(key, {
        at,
        timer: runtime.after(Math.max(0, delay), () => {
          syncTimers.delete(key);
          if (!stopped && runtimeUsable()) workers.get(key)?.sync();
        }, 'kubelet-sync'),
      });
    },
    runtimeErrors: () => runtimeState.errors(),
    serviceEnv: (ns) => {
      const hit = servicesCache.get(ns);
      if (hit && hit.at === runtime.now) return hit.env;
      let env: Record<string, string> = {};
      try {
        const mine = o.client.list(R.services, ns).items;
        const kube = ns === 'default' ? [] : o.client.list(R.services, 'default', { fieldSelector: 'metadata.name=kubernetes' }).items;
        env = serviceLinkEnv([...kube, ...mine]);
      } catch {
        env = {};
      }
      servicesCache.set(ns, { at: runtime.now, env });
      return env;
    },
  };
  const puller = new ImagePuller(k);
  const nodeStatus = new NodeStatusManager(k, { kubeletVersion: o.kubeletVersion ?? 'v1.34.3', controlPlane: !!o.controlPlane, cpu: '2', memoryKi: 4_025_000 });

  let cidrKnown = false;
  const registerNode = (): boolean => {
    if (!nodeStatus.register()) return false;
    const cidr = nodeStatus.podCIDR();
    if (cidr) ipam.setRange(cidr);
    cidrKnown = !!cidr;
    return true;
  };
  const registered = registerNode();
  nodeStatus.renewLease();

  const runPod = (pod: KObject, isStatic: boolean) => {
    const key = podKey(pod);
    let w = workers.get(key);
    if (w && w.uid !== pod.metadata.uid) {
      // same name, new pod (a static manifest edited, or a pod recreated): the old one goes first
      w.terminate(0);
      w.remove();
      workers.delete(key);
      w = undefined;
    }
    if (!w) {
      w = new PodWorker(k, puller, pod, isStatic);
      workers.set(key, w);
      klog.info('kubelet.go:2470', 'SyncLoop ADD', { source: isStatic ? 'file' : 'api', pods: [key] });
    } else w.pod = pod;
    if (runtimeUsable()) w.sync();
  };

  /** pods deleted while the runtime was unreachable, by key → uid */
  const deferredRemovals = new Map<string, string>();
  const forget = (key: string) => {
    const w = workers.get(key);
    if (!w) return;
    w.remove();
    workers.delete(key);
    klog.info('kubelet.go:2489', 'SyncLoop REMOVE', { source: w.isStatic ? 'file' : 'api', pods: [key] });
  };

  // API pods bound to this node (mirror pods are the API's view of static pods, not pods to run)
  const pods = new Informer(o.client, R.pods, runtime, { fieldSelector: `spec.nodeName=${o.nodeName}` });
  pods.on({
    add: (p) => {
      if (stopped) return;
      if (isMirrorPod(p)) return syncMirrors();
      runPod(p, false);
    },
    update: (_old, p) => {
      if (stopped) return;
      if (isMirrorPod(p)) return syncMirrors();
      const w = workers.get(podKey(p));
      if (w && w.uid === p.metadata.uid) {
        const changed = specChanged(w.pod, p);
        w.pod = p;
        // status-only updates (the kubelet's own writes) do not start a sync, as in the kubelet's pod config
        if (changed && runtimeUsable()) w.sync();
      } else runPod(p, false);
    },
    delete: (p) => {
      if (stopped) return;
      if (isMirrorPod(p)) return syncMirrors();
      const w = workers.get(podKey(p));
      if (w && w.uid === p.metadata.uid && !w.isStatic) {
        // without the runtime the containers cannot be stopped yet: the first sync after it is back does it
        if (!runtimeUsable()) return void deferredRemovals.set(podKey(p), w.uid);
        w.terminate(0);
        forget(podKey(p));
      }
    },
  });
  pods.start();

  // static pods from the manifest folder
  const staticPods = new Map<string, KObject>();
  const missingReported = new Set<string>();
  const syncStatic = () => {
    if (stopped) return;
    const found = readStaticPods(o.host.fs, config.staticPodPath, o.nodeName, runtime.now, klog, missingReported);
    const seen = new Set<string>();
    for (const p of found) {
      const key = podKey(p);
      seen.add(key);
      const prev = staticPods.get(key);
      if (prev && prev.metadata.uid === p.metadata.uid) continue;
      staticPods.set(key, p);
      runPod(p, true);
    }
    for (const key of [...staticPods.keys()]) {
      if (seen.has(key)) continue;
      staticPods.delete(key);
      const w = workers.get(key);
      if (w) {
        w.terminate(0);
        forget(key);
      }
    }
    syncMirrors();
  };

  const syncMirrors = () => {
    if (stopped) return;
    for (const [key, sp] of staticPods) {
      const mirror = pods.get(sp.metadata.namespace, sp.metadata.name!);
      const hash = sp.metadata.annotations?.[CONFIG_HASH];
      try {
        if (mirror && (mirror.metadata.annotations?.['kubernetes.io/config.mirror'] !== hash || mirror.metadata.deletionTimestamp)) {
          o.client.delete(R.pods, mirror.metadata.namespace, mirror.metadata.name!, { gracePeriodSeconds: 0 });
          continue;
        }
        if (!mirror) {
          o.client.create(R.pods, sp.metadata.namespace, mirrorOf(sp, nodeStatus.node));
          const w = workers.get(key);
          w?.resetStatusCache();
          w?.writeStatus();
        }
      } catch {
        // the apiserver is not reachable (yet): static pods run anyway, mirrors come later
      }
    }
    for (const p of pods.list()) {
      if (!isMirrorPod(p) || staticPods.has(podKey(p))) continue;
      try {
        o.client.delete(R.pods, p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: 0 });
      } catch {
        // gone already
      }
    }
  };

  let watchTimer: Timer | undefined;
  const watch = config.staticPodPath
    ? (() => {
        try {
          return o.host.fs.watch(config.staticPodPath, () => {
            watchTimer ??= runtime.after(0, () => {
              watchTimer = undefined;
              syncStatic();
            }, 'kubelet-static-watch');
          });
        } catch {
          return undefined;
        }
      })()
    : undefined;
  syncStatic();

  const unsub = o.cri.onEvent((e) => {
    // Only a container's death concerns the pod workers (PLEG): other events need no search through them.
    if (stopped || e.type !== 'ContainerDied') return;
    for (const w of workers.values()) {
      if (w.sandbox?.id !== e.sandboxId) continue;
      w.onContainerDied();
      k.requestSync(w.key, 0);
    }
  });

  // The apiserver may be a static pod of this very kubelet: registration is retried until it answers.
  if (!registered) {
    const retry = runtime.every(1000, () => void (registerNode() && retry.cancel()), 'kubelet-register');
    timers.push(retry);
  }
  // A node registered without a podCIDR gets one from the controller manager's node IPAM: pods use it once it is there.
  const cidrWatch = runtime.every(2000, () => {
    if (cidrKnown) return cidrWatch.cancel();
    const cidr = nodeStatus.fetchPodCIDR();
    if (!cidr) return;
    ipam.setRange(cidr);
    cidrKnown = true;
    cidrWatch.cancel();
  }, 'kubelet-pod-cidr');
  timers.push(cidrWatch);
  timers.push(runtime.every(10_000, () => nodeStatus.renewLease(), 'kubelet-lease'));
  timers.push(runtime.every(10_000, () => nodeStatus.post(), 'kubelet-node-status'));
  timers.push(runtime.every(config.fileCheckFrequencyMs, syncStatic, 'kubelet-static-pods'));
  // Housekeeping: running pods the kubelet does not want (no source has them: a static pod whose folder the
  // configuration no longer names, a pod deleted while the kubelet was down) are stopped, once the API
  // source has been listed.
  const cleanupOrphans = () => {
    if (stopped || !pods.synced || !runtimeUsable()) return;
    const wanted = new Set([...workers.values()].map((w) => w.uid));
    for (const sb of [...o.cri.sandboxes.values()]) {
      if (sb.state === 'SANDBOX_READY' && !wanted.has(sb.config.uid)) o.cri.stopPodSandbox(sb.id);
    }
  };
  timers.push(runtime.every(2_000, cleanupOrphans, 'kubelet-housekeeping'));
  timers.push(runtime.every(RUNTIME_STATUS_PERIOD_MS, () => runtimeState.updateRuntimeUp(), 'kubelet-runtime-status'));
  timers.push(runtime.every(PLEG_RELIST_PERIOD_MS, () => runtimeState.relist(), 'kubelet-pleg-relist'));
  timers.push(runtime.every(10_000, () => {
    if (!runtimeState.healthy()) return;
    for (const [key, uid] of deferredRemovals) {
      const w = workers.get(key);
      if (w && w.uid === uid) {
        w.terminate(0);
        forget(key);
      }
    }
    deferredRemovals.clear();
    for (const w of workers.values()) w.sync();
    syncMirrors();
  }, 'kubelet-resync'));

  const server = new KubeletServer(k, (ns, name) => workers.get(`${ns}/${name}`));
  const closeServer = server.listen();

  return {
    nodeName: o.nodeName,
    cri: o.cri,
    server,
    worker: (ns, name) => workers.get(`${ns}/${name}`),
    syncStaticPods: syncStatic,
    stop() {
      if (stopped) return;
      stopped = true;
      pods.stop();
      unsub();
      watch?.close();
      watchTimer?.cancel();
      closeServer();
      for (const t of timers) t.cancel();
      for (const t of syncTimers.values()) t.timer.cancel();
      for (const w of workers.values()) w.prober.stopAll();
      klog.info('kubelet.go:1727', 'Shutting down kubelet');
    },
  };
}
