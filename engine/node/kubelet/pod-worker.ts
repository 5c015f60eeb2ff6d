import { NETWORK_NOT_READY } from '../runtime/runtime.ts';
import { parseQuantity } from '../../base/quantity.ts';
import type { KObject } from '../../api/types.ts';
import { R } from '../../client/refs.ts';
import type { ContainerRecord, Sandbox } from '../runtime/types.ts';
import type { KubeletContext } from './context.ts';
import { containerEnv, expandVars } from './env.ts';
import { goDuration, type ImagePuller } from './images.ts';
import { buildPodStatus, isSidecar, phaseOf, type ContainerView, type PodView } from './pod-status.ts';
import { Prober } from './probes.ts';
import { podEtcFiles } from './sandbox-files.ts';
import { formatPod, podKey, specOf, type Container, type PodSpec } from './types.ts';
import { containerMounts, prepareVolumes, refreshVolumes, removePodDir, type PreparedVolume } from './volumes.ts';

/** memoryLimit is a container's memory limit in bytes, if it has one. */
function memoryLimit(c: Container): number | undefined {
  const v = c.resources?.limits?.memory;
  if (!v) return undefined;
  try {
    return parseQuantity(v).value();
  } catch {
    return undefined;
  }
}

/** Slot is one spec container over its instances. */
interface Slot extends ContainerView {
  init: boolean;
  /** ephemeral: a kubectl debug container, started once and never restarted */
  ephemeral?: boolean;
  /** admitted is the exited instance whose restart passed the back-off check */
  admitted?: string;
}

/**
 * PodWorker owns one pod on the node: its sandbox, its containers across
 * restarts, its volumes, probes and the status it reports. sync() is
 * idempotent and runs whenever something about the pod may have changed.
 */
export class PodWorker {
  pod: KObject;
  readonly key: string;
  sandbox?: Sandbox;
  private ip?: string;
  private slots = new Map<string, Slot>();
  private startTime?: number;
  private volumes?: Map<string, PreparedVolume>;
  private terminalPhase?: string;
  private terminating = false;
  /** finished: the pod's containers are stopped for good (terminal phase or deleted) */
  finished = false;
  private lastStatus?: string;
  private prevConditions?: PodView['previous'];
  readonly prober: Prober;

  constructor(
    private readonly k: KubeletContext,
    private readonly puller: ImagePuller,
    pod: KObject,
    readonly isStatic: boolean,
  ) {
    this.pod = pod;
    this.key = podKey(pod);
    this.prober = new Prober(k, this);
    this.adopt();
  }

  /**
   * adopt takes over what the runtime already runs for this pod (the kubelet
   * restarted): the sandbox, its address and the containers, so a restart of
   * the kubelet does not restart the pod.
   */
  private adopt(): void {
    const sb = [...this.k.cri.sandboxes.values()].find((s) => s.config.uid === this.uid && s.state === 'SANDBOX_READY');
    if (!sb) return;
    this.sandbox = sb;
    this.ip = sb.config.ip;
    this.startTime = sb.createdAt;
    if (!sb.config.hostNetwork) this.k.reserveIp(this.uid, sb.config.ip);
    const all = [...(this.spec.initContainers ?? []).map((c) => [c, true] as const), ...this.spec.containers.map((c) => [c, false] as const), ...(this.spec.ephemeralContainers ?? []).map((c) => [c, false] as const)];
    for (const [c, init] of all) {
      const recs = this.k.cri.containersOf(sb.id).filter((r) => r.config.name === c.name);
      if (recs.length === 0) continue;
      const s = this.slot(c, init);
      s.current = recs[recs.length - 1];
      s.previous = recs.length > 1 ? recs[recs.length - 2] : undefined;
      s.restartCount = s.current!.config.attempt;
      s.imageName = s.current!.image.repoTags[0];
      s.imageID = s.current!.image.repoDigests[0];
      if (s.current!.state === 'CONTAINER_RUNNING') this.prober.containerStarted(c, s.current!);
    }
  }

  get uid(): string {
    return this.pod.metadata.uid!;
  }

  get spec(): PodSpec {
    return specOf(this.pod);
  }

  private slot(c: Container, init: boolean): Slot {
    let s = this.slots.get(c.name);
    if (!s) {
      s = { spec: c, init, restartCount: 0, ready: false, started: false };
      this.slots.set(c.name, s);
    }
    s.spec = c;
    return s;
  }

  /** containerFor finds the running instance of a container (for logs, exec, probes). */
  containerFor(name: string): { current?: ContainerRecord; previous?: ContainerRecord; waiting?: ContainerView['waiting'] } | undefined {
    return this.slots.get(name);
  }

  containerNames(): string[] {
    return [...(this.spec.initContainers ?? []), ...this.spec.containers, ...(this.spec.ephemeralContainers ?? [])].map((c) => c.name);
  }

  /** sync brings the node in line with the pod's spec and reports status; a failure is logged, never thrown. */
  sync(): void {
    try {
      this.syncOnce();
    } catch (e) {
      this.k.klog.error('pod_workers.go:1301', 'Error syncing pod, skipping', { err: String((e as Error)?.message ?? e), pod: this.key, podUID: this.uid });
      this.k.requestSync(this.key, 10_000);
    }
  }

  private syncOnce(): void {
    if (this.finished) return this.writeStatus();
    if (this.pod.metadata.deletionTimestamp) return this.terminate(this.pod.metadata.deletionGracePeriodSeconds ?? this.spec.terminationGracePeriodSeconds ?? 30);
    if (this.terminating) return;
    const k = this.k;
    const spec = this.spec;
    if (!this.volumes) {
      const r = prepareVolumes(this.pod, spec.volumes ?? [], { fs: k.host.fs, get: k.get, client: k.client, now: k.runtime.now, ips: { podIP: this.ip, hostIP: k.nodeIp } });
      if ('error' in r) {
        k.recorder.event(this.pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${r.volume}" : ${r.error}`);
        for (const c of [...(spec.initContainers ?? []), ...spec.containers]) this.slot(c, false);
        this.startTime ??= k.runtime.now;
        k.requestSync(this.key, 10_000);
        return this.writeStatus();
      }
      this.volumes = r;
    } else refreshVolumes(this.pod, spec.volumes ?? [], { fs: k.host.fs, get: k.get, client: k.client, now: k.runtime.now, ips: { podIP: this.ip, hostIP: k.nodeIp } });
    if (!this.sandbox || this.sandbox.state !== 'SANDBOX_READY') {
      if (!this.startSandbox()) return this.writeStatus();
    }
    const policy = spec.restartPolicy ?? 'Always';
    for (const c of spec.initContainers ?? []) {
      const s = this.slot(c, true);
      const cur = s.current;
      if (isSidecar(c)) {
        // a native sidecar starts in order and keeps running; it restarts whatever the pod's policy
        if (cur?.state === 'CONTAINER_RUNNING') continue;
        if (!cur || cur.state === 'CONTAINER_CREATED') this.start(s);
        else this.restart(s);
        if (s.current?.state !== 'CONTAINER_RUNNING') return this.writeStatus();
        continue;
      }
      if (cur?.state === 'CONTAINER_RUNNING') return this.writeStatus();
      if (cur?.state === 'CONTAINER_EXITED' && cur.exitCode === 0) continue;
      if (cur?.state === 'CONTAINER_EXITED') {
        if (policy === 'Never') {
          this.terminalPhase = 'Failed';
          this.finish();
          return this.writeStatus();
        }
        this.restart(s);
        return this.writeStatus();
      }
      this.start(s);
      return this.writeStatus();
    }
    // Ephemeral containers join a running pod once; when they end they stay ended.
    for (const c of spec.ephemeralContainers ?? []) {
      const s = this.slot(c, false);
      s.ephemeral = true;
      if (!s.current) this.start(s);
    }
    for (const c of spec.containers) {
      const s = this.slot(c, false);
      const cur = s.current;
      if (cur?.state === 'CONTAINER_RUNNING') continue;
      if (!cur || cur.state === 'CONTAINER_CREATED') {
        this.start(s);
        continue;
      }
      if (policy === 'Always' || (policy === 'OnFailure' && cur.exitCode !== 0)) this.restart(s);
      else s.waiting = undefined;
    }
    const phase = phaseOf(this.view());
    if (phase === 'Succeeded' || phase === 'Failed') {
      this.terminalPhase = phase;
      this.finish();
    }
    this.writeStatus();
  }

  private startSandbox(): boolean {
    const k = this.k;
    const spec = this.spec;
    // Without a CNI only host-network pods start (a CNI's own DaemonSet, kube-proxy, the static pods).
    if (!spec.hostNetwork && !k.cri.networkReady()) {
      k.recorder.event(this.pod, 'Warning', 'NetworkNotReady', `network is not ready: ${NETWORK_NOT_READY}`);
      k.requestSync(this.key, 10_000);
      return false;
    }
    const cniError = spec.hostNetwork ? undefined : k.cri.networkSetupError();
    const ip = spec.hostNetwork ? k.nodeIp : cniError ? undefined : k.allocateIp(this.uid);
    if (!ip) {
      const why = cniError ?? 'plugin type="flannel" failed (add): failed to allocate for range 0: no IP addresses available in range set';
      k.recorder.event(this.pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${k.cri.nextSandboxId(this.uid)}": ${why}`);
      k.requestSync(this.key, 10_000);
      return false;
    }
    this.ip = ip;
    const hostname = spec.hostNetwork ? k.nodeName : (spec.hostname ?? this.pod.metadata.name!);
    this.sandbox = k.cri.runPodSandbox({
      name: this.pod.metadata.name!,
      namespace: this.pod.metadata.namespace ?? 'default',
      uid: this.uid,
      attempt: 0,
      hostname,
      ip,
      hostNetwork: spec.hostNetwork,
      labels: { 'io.kubernetes.pod.name': this.pod.metadata.name!, 'io.kubernetes.pod.namespace': this.pod.metadata.namespace ?? 'default', 'io.kubernetes.pod.uid': this.uid, ...(this.pod.metadata.labels ?? {}) },
      annotations: { ...(this.pod.metadata.annotations ?? {}) },
      etcFiles: podEtcFiles(this.pod, ip, hostname, k),
      podLabels: this.pod.metadata.labels ?? {},
    });
    this.startTime ??= k.runtime.now;
    return true;
  }

  private fieldPath(s: Slot): string {
    const list = s.ephemeral ? 'ephemeralContainers' : s.init ? 'initContainers' : 'containers';
    return `spec.${list}{${s.spec.name}}`;
  }

  /** restart starts an exited container again unless its crash-loop back-off is still running. */
  private restart(s: Slot): void {
    const k = this.k;
    const cur = s.current!;
    const key = `${this.pod.metadata.name}_${this.pod.metadata.namespace}_${s.spec.name}`;
    const since = cur.finishedAt ?? k.runtime.now;
    // a restart already admitted for this instance may be waiting for its image pull
    if (s.admitted === cur.id) return this.start(s);
    if (k.crashBackoff.inBackOff(key, since, k.runtime.now)) {
      const delay = k.crashBackoff.delay(key);
      const already = s.waiting?.reason === 'CrashLoopBackOff';
      s.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${s.spec.name} pod=${formatPod(this.pod)}` };
      this.syncError(s, 'CrashLoopBackOff', s.waiting.message!);
      if (!already) k.recorder.event(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${s.spec.name} in pod ${formatPod(this.pod)}`, this.fieldPath(s));
      k.requestSync(this.key, since + delay - k.runtime.now);
      return;
    }
    k.crashBackoff.next(key, since);
    s.admitted = cur.id;
    this.start(s);
  }

  /** start pulls the image, resolves the environment, creates and starts one container instance. */
  private start(s: Slot): void {
    const k = this.k;
    const fp = this.fieldPath(s);
    const pull = this.puller.ensure(this.pod, s.spec, fp, this.key);
    if (pull.state === 'waiting') {
      // a pull in flight keeps the reason the last attempt reported (the real kubelet pulls inside its sync)
      if (!(pull.reason === 'ContainerCreating' && s.waiting)) s.waiting = { reason: pull.reason, message: pull.message };
      if (pull.reason !== 'ContainerCreating') this.syncError(s, pull.reason, pull.message ?? '');
      if (pull.retryInMs !== undefined) k.requestSync(this.key, Math.max(0, pull.retryInMs));
      return;
    }
    const envr = containerEnv(this.pod, s.spec, k.get, k.serviceEnv(this.pod.metadata.namespace ?? 'default'), { podIP: this.ip, hostIP: k.nodeIp });
    if ('error' in envr) {
      s.waiting = { reason: 'CreateContainerConfigError', message: envr.error };
      this.syncError(s, 'CreateContainerConfigError', envr.error);
      k.recorder.event(this.pod, 'Warning', 'Failed', `Error: ${envr.error}`, fp);
      k.requestSync(this.key, 10_000);
      return;
    }
    const env = envr.env;
    const attempt = s.current ? s.restartCount + 1 : 0;
    const rec = k.cri.createContainer(this.sandbox!.id, {
      name: s.spec.name,
      attempt,
      image: pull.image.id,
      command: (s.spec.command ?? []).map((a) => expandVars(a, env)),
      args: (s.spec.args ?? []).map((a) => expandVars(a, env)),
      env,
      workingDir: s.spec.workingDir,
      mounts: containerMounts(s.spec, this.volumes ?? new Map(), k.host.fs),
      labels: { 'io.kubernetes.container.name': s.spec.name, 'io.kubernetes.pod.name': this.pod.metadata.name!, 'io.kubernetes.pod.namespace': this.pod.metadata.namespace ?? 'default', 'io.kubernetes.pod.uid': this.uid },
      annotations: { 'io.kubernetes.container.restartCount': String(attempt) },
      memoryLimitBytes: memoryLimit(s.spec),
      stdin: s.spec.stdin === true,
      stdinOnce: s.spec.stdinOnce === true,
      tty: s.spec.tty === true,
    });
    if ('error' in rec) {
      s.waiting = { reason: 'CreateContainerError', message: rec.error };
      k.recorder.event(this.pod, 'Warning', 'Failed', `Error: ${rec.error}`, fp);
      return;
    }
    if (s.current) {
      if (s.previous) k.cri.removeContainer(s.previous.id);
      s.previous = s.current;
      s.restartCount = attempt;
    }
    s.current = rec;
    s.waiting = undefined;
    s.imageName = pull.image.repoTags[0] ?? s.spec.image;
    s.imageID = pull.image.repoDigests[0] ?? pull.image.id;
    k.recorder.event(this.pod, 'Normal', 'Created', `Created container: ${s.spec.name}`, fp);
    const r = k.cri.startContainer(rec.id);
    if (r.error) {
      k.recorder.event(this.pod, 'Warning', 'Failed', `Error: ${r.error}`, fp);
      return;
    }
    k.recorder.event(this.pod, 'Normal', 'Started', `Started container ${s.spec.name}`, fp);
    this.prober.containerStarted(s.spec, rec);
  }

  /** syncError logs why a container could not start, as the pod worker does ("Error syncing pod, skipping"). */
  private syncError(s: Slot, reason: string, message: string): void {
    const text = reason === 'ImagePullBackOff' ? `Back-off pulling image ${JSON.stringify(s.spec.image)}` : message;
    this.k.klog.error('pod_workers.go:1301', 'Error syncing pod, skipping', { err: `failed to "StartContainer" for "${s.spec.name}" with ${reason}: ${JSON.stringify(text)}`, pod: this.key, podUID: this.uid });
  }

  /** onContainerDied is the runtime telling that one of the pod's containers exited. */
  onContainerDied(): void {
    for (const s of this.slots.values()) {
      if (s.current?.state !== 'CONTAINER_RUNNING') {
        s.ready = false;
        s.started = s.current?.state === 'CONTAINER_EXITED' && !s.init ? false : s.started;
      }
    }
    if (this.terminating && this.allStopped()) this.finish();
  }

  private allStopped(): boolean {
    return [...this.slots.values()].every((s) => s.current?.state !== 'CONTAINER_RUNNING');
  }

  /** terminate stops the pod's containers with the grace period (SIGTERM, then SIGKILL). */
  terminate(graceSeconds: number): void {
    if (this.terminating || this.finished) {
      if (this.finished) this.afterFinish();
      return;
    }
    this.terminating = true;
    this.prober.stopAll();
    for (const s of this.slots.values()) {
      if (s.current?.state === 'CONTAINER_RUNNING') {
        this.k.recorder.event(this.pod, 'Normal', 'Killing', `Stopping container ${s.spec.name}`, this.fieldPath(s));
        this.k.cri.stopContainer(s.current.id, graceSeconds);
      }
    }
    if (this.allStopped()) this.finish();
  }

  /** finish releases the sandbox once no container runs, reports the final status and lets the API object go. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.prober.stopAll();
    for (const s of this.slots.values()) s.ready = false;
    if (this.sandbox) this.k.cri.stopPodSandbox(this.sandbox.id);
    this.k.releaseIp(this.uid);
    if (this.terminating && !this.terminalPhase) {
      const views = [...this.slots.values()].filter((s) => !s.init);
      this.terminalPhase = views.every((s) => s.current?.exitCode === 0) ? 'Succeeded' : 'Failed';
    }
    this.writeStatus();
    this.afterFinish();
  }

  private afterFinish(): void {
    if (!this.terminating || this.isStatic) return;
    try {
      this.k.client.delete(R.pods, this.pod.metadata.namespace, this.pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: this.uid } });
    } catch {
      // already gone, or the apiserver is unreachable: the next sync tries again
    }
  }

  /** remove forgets the pod: containers, sandbox and volumes go (the API object is gone). */
  remove(): void {
    this.prober.stopAll();
    this.finished = true;
    if (this.sandbox) this.k.cri.removePodSandbox(this.sandbox.id);
    this.k.releaseIp(this.uid);
    this.puller.forget(this.uid);
    removePodDir(this.k.host.fs, this.uid);
  }

  /** setReadiness records a readiness or startup probe result and reports it. */
  setProbeResult(name: string, kind: 'ready' | 'started', value: boolean): void {
    const s = this.slots.get(name);
    if (!s || s[kind] === value) return;
    s[kind] = value;
    this.writeStatus();
  }

  view(): PodView {
    const spec = this.spec;
    const slotsOf = (list: Container[], init: boolean) =>
      list.map((c) => {
        const s = this.slot(c, init);
        const running = s.current?.state === 'CONTAINER_RUNNING';
        const hasReadiness = !!c.readinessProbe;
        const hasStartup = !!c.startupProbe;
        if (!running) {
          s.ready = false;
          s.started = false;
        } else {
          if (!hasStartup) s.started = true;
          if (!hasReadiness && s.started && !init) s.ready = true;
        }
        if (init && isSidecar(c) && running && !hasReadiness && s.started) s.ready = true;
        if (init && !isSidecar(c) && s.current?.state === 'CONTAINER_EXITED' && s.current.exitCode === 0) s.ready = true;
        return s;
      });
    return {
      pod: this.pod,
      spec,
      sandboxReady: this.sandbox?.state === 'SANDBOX_READY',
      podIP: this.ip,
      hostIP: this.k.nodeIp,
      startTime: this.startTime,
      init: slotsOf(spec.initContainers ?? [], true),
      containers: slotsOf(spec.containers, false),
      ephemeral: (spec.ephemeralContainers ?? []).filter((c) => this.slots.has(c.name)).map((c) => this.slot(c, false)),
      previous: this.prevConditions,
      now: this.k.runtime.now,
      phase: this.terminalPhase,
    };
  }

  /** writeStatus sends the pod's status to the apiserver when it changed (to the mirror pod for a static pod). */
  writeStatus(): void {
    const status = buildPodStatus(this.view());
    const json = JSON.stringify(status);
    if (json === this.lastStatus) return;
    try {
      const cur = this.k.client.get(R.pods, this.pod.metadata.namespace, this.pod.metadata.name!);
      if (!this.isStatic && cur.metadata.uid !== this.uid) return;
      const prevStatus = (cur.status ?? {}) as { nominatedNodeName?: string; qosClass?: string };
      const next = { ...cur, status: { ...status, ...(prevStatus.nominatedNodeName ? { nominatedNodeName: prevStatus.nominatedNodeName } : {}), qosClass: prevStatus.qosClass ?? status.qosClass } };
      this.k.client.updateStatus(R.pods, next);
      this.lastStatus = json;
      this.prevConditions = status.conditions as PodView['previous'];
    } catch {
      // the apiserver is unreachable or the pod is gone; the periodic sync reports again
    }
  }

  /** resetStatusCache makes the next writeStatus send even an unchanged status (a new mirror pod). */
  resetStatusCache(): void {
    this.lastStatus = undefined;
  }
}
