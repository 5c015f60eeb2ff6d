import { parse } from 'yaml';
import type { Condition } from 'kubernetes-types/meta/v1';
import type { KObject } from '../../../api/types.ts';
import type { Runtime, Timer } from '../../../base/runtime.ts';
import { refOf, type ApiClient } from '../../../client/client.ts';
import { Informer } from '../../../client/informer.ts';
import { R } from '../../../client/refs.ts';
import { cidrContains } from '../../ip.ts';
import { apiServerComponents, calicoComponents, mtuOf, type Desired, type IpPoolSpec } from './components.ts';

/** The operator.tigera.io/v1 resources the operator reconciles. */
export const TIGERA = {
  installations: refOf('operator.tigera.io/v1', 'installations', false),
  apiservers: refOf('operator.tigera.io/v1', 'apiservers', false),
  tigerastatuses: refOf('operator.tigera.io/v1', 'tigerastatuses', false),
};

/** Health is one TigeraStatus's state: available, still progressing (why), or degraded (why). */
type Health = { state: 'available' } | { state: 'progressing'; message: string } | { state: 'degraded'; reason: string; message: string };

interface InstallationSpec {
  calicoNetwork?: { ipPools?: Partial<IpPoolSpec>[] };
  [k: string]: unknown;
}

export interface TigeraOperatorOptions {
  runtime: Runtime;
  client: ApiClient;
  /** calico is the release whose images the operator installs (its own version decides it). */
  calico: string;
  /** serviceHost is the kubernetes Service's address, which the host-network components dial. */
  serviceHost: string;
  /** log receives the operator's log lines (controller name, level, message). */
  log?: (logger: string, level: 'info' | 'error', msg: string, fields?: Record<string, string>) => void;
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * startTigeraOperator runs the tigera operator's core controllers: an
 * Installation "default" becomes the calico-system components (checked first
 * against the pod network kubeadm configured: a pool outside it stops the
 * install, as the operator does), an APIServer "default" the Calico API
 * server; the Installation's status and the TigeraStatus objects (calico,
 * ippools, apiserver) report how far they are.
 */
export function startTigeraOperator(o: TigeraOperatorOptions): { stop(): void } {
  const { runtime, client } = o;
  const log = o.log ?? (() => {});
  const installations = new Informer(client, TIGERA.installations, runtime);
  const apiservers = new Informer(client, TIGERA.apiservers, runtime);
  const nodes = new Informer(client, R.nodes, runtime);
  const daemonsets = new Informer(client, R.daemonsets, runtime, { namespace: 'calico-system' });
  const deployments = new Informer(client, R.deployments, runtime);
  let queued: Timer | undefined;
  const kick = () => {
    queued ??= runtime.after(0, () => {
      queued = undefined;
      try {
        reconcile();
      } catch (e) {
        log('controller_installation', 'error', 'Reconciler error', { error: (e as Error).message });
      }
    }, 'tigera-operator-sync');
  };
  for (const inf of [installations, apiservers, nodes, daemonsets]) inf.on({ add: kick, update: kick, delete: kick }).start();
  // Only the operator's own Deployments matter: the rest of the cluster's rollouts do not wake it.
  const ours = (d: KObject) => d.metadata.namespace === 'calico-system' || d.metadata.namespace === 'calico-apiserver';
  const kickIfOurs = (d: KObject) => void (ours(d) && kick());
  deployments.on({ add: kickIfOurs, update: (_, d) => kickIfOurs(d), delete: kickIfOurs }).start();
  const resync = runtime.every(30_000, kick, 'tigera-operator-resync');
  const announced = new Set<string>();

  function podSubnets(): string[] {
    try {
      const cm = client.get(R.configmaps, 'kube-system', 'kubeadm-config') as { data?: Record<string, string> };
      const conf = parse(cm.data?.['ClusterConfiguration'] ?? '') as { networking?: { podSubnet?: string } } | null;
      return (conf?.networking?.podSubnet ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    } catch {
      return [];
    }
  }

  function poolsOf(spec: InstallationSpec, subnets: string[]): IpPoolSpec[] {
    const given = spec.calicoNetwork?.ipPools;
    const list = given ?? [{ cidr: subnets.find((s) => !s.includes(':')) ?? '192.168.0.0/16' }];
    return list.map((p) => ({
      name: p.name ?? 'default-ipv4-ippool',
      cidr: p.cidr ?? '',
      blockSize: p.blockSize ?? 26,
      encapsulation: p.encapsulation ?? 'IPIP',
      natOutgoing: p.natOutgoing ?? 'Enabled',
      nodeSelector: p.nodeSelector ?? 'all()',
    }));
  }

  function apply(d: Desired): void {
    const meta = d.obj['metadata'] as { name: string };
    let existing: KObject | undefined;
    try {
      existing = client.get(d.ref, d.namespace, meta.name);
    } catch {
      existing = undefined;
    }
    if (!existing) {
      client.create(d.ref, d.namespace, d.obj);
      return;
    }
    const { metadata: _m, status: _s, ...want } = d.obj;
    const { metadata: _em, status: _es, apiVersion: _a, kind: _k, ...have } = existing as Record<string, unknown>;
    const { apiVersion: _wa, kind: _wk, ...wantFields } = want;
    if (!sameFields(wantFields, have)) client.update(d.ref, { ...existing, ...wantFields } as KObject);
  }

  function writeStatus(name: string, health: Health, generation?: number): void {
    const now = iso(runtime.now);
    const states: [string, boolean, string, string][] =
      health.state === 'available'
        ? [['Available', true, 'AllObjectsAvailable', 'All Objects Available'], ['Progressing', false, 'AllObjectsAvailable', 'All Objects Available'], ['Degraded', false, 'AllObjectsAvailable', 'All Objects Available']]
        : health.state === 'progressing'
          ? [['Available', false, 'ResourceNotReady', health.message], ['Progressing', true, 'ResourceNotReady', health.message], ['Degraded', false, 'ResourceNotReady', health.message]]
          : [['Available', false, health.reason, health.message], ['Progressing', false, health.reason, health.message], ['Degraded', true, health.reason, health.message]];
    let current: KObject | undefined;
    try {
      current = client.get(TIGERA.tigerastatuses, undefined, name);
    } catch {
      current = client.create(TIGERA.tigerastatuses, undefined, { apiVersion: 'operator.tigera.io/v1', kind: 'TigeraStatus', metadata: { name }, spec: {} });
    }
    const before = ((current as { status?: { conditions?: Condition[] } }).status?.conditions ?? []) as Condition[];
    const conditions: Condition[] = states.map(([type, on, reason, message]) => {
      const status = on ? 'True' : 'False';
      const prev = before.find((c) => c.type === type);
      return { lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now, message, observedGeneration: generation ?? 1, reason, status, type };
    });
    if (before.length === conditions.length && before.every((c, i) => c.status === conditions[i]!.status && c.reason === conditions[i]!.reason && c.message === conditions[i]!.message)) return;
    client.updateStatus(TIGERA.tigerastatuses, { ...current, status: { conditions } } as KObject);
  }

  /** rollout says whether a Deployment or DaemonSet the operator made is available, or what it waits for. */
  function rollout(kind: 'Deployment' | 'DaemonSet', ns: string, name: string): string | undefined {
    if (kind === 'DaemonSet') {
      const ds = daemonsets.get(ns, name) as { status?: { desiredNumberScheduled?: number; numberAvailable?: number } } | undefined;
      const want = ds?.status?.desiredNumberScheduled ?? 0;
      const have = ds?.status?.numberAvailable ?? 0;
      if (!ds || want === 0 || have < want) return `DaemonSet "${ns}/${name}" is not available (awaiting ${Math.max(want - have, 1)} nodes)`;
      return undefined;
    }
    const d = deployments.get(ns, name) as { spec?: { replicas?: number }; status?: { availableReplicas?: number } } | undefined;
    if (!d || (d.status?.availableReplicas ?? 0) < (d.spec?.replicas ?? 1)) return `Deployment "${ns}/${name}" is not available`;
    return undefined;
  }

  function reconcile(): void {
    const inst = installations.get(undefined, 'default') as (KObject & { spec?: InstallationSpec }) | undefined;
    if (!inst) return;
    const generation = inst.metadata.generation;
    const subnets = podSubnets();
    const pools = poolsOf(inst.spec ?? {}, subnets);
    const outside = subnets.length > 0 ? pools.find((p) => !subnets.some((s) => !s.includes(':') && cidrWithin(s, p.cidr))) : undefined;
    if (outside) {
      const error = `Could not resolve CalicoNetwork IPPool and kubeadm configuration: IPPool ${outside.cidr} is not within the platform's configured pod network CIDR(s) [${subnets.join(' ')}]`;
      log('controller_installation', 'error', 'Error querying installation', { 'Request.Namespace': '', 'Request.Name': 'default', reason: 'ResourceReadError', error });
      writeStatus('calico', { state: 'degraded', reason: 'ResourceReadError', message: `Error querying installation: ${error}` }, generation);
      return;
    }
    if (!announced.has('calico')) {
      announced.add('calico');
      log('controller_installation', 'info', 'Reconciling Installation.operator.tigera.io', { 'Request.Namespace': '', 'Request.Name': 'default' });
    }
    const serviceHost = o.serviceHost;
    for (const d of calicoComponents({ version: o.calico, pools, nodes: nodes.list().length, serviceHost })) apply(d);
    const mtu = mtuOf(pools[0]?.encapsulation ?? 'IPIP');
    const waiting = rollout('DaemonSet', 'calico-system', 'calico-node') ?? rollout('Deployment', 'calico-system', 'calico-typha') ?? rollout('Deployment', 'calico-system', 'calico-kube-controllers') ?? rollout('DaemonSet', 'calico-system', 'csi-node-driver');
    writeStatus('ippools', { state: 'available' }, generation);
    writeStatus('calico', waiting ? { state: 'progressing', message: waiting } : { state: 'available' }, generation);
    writeInstallationStatus(inst, mtu, !waiting);
    if (apiservers.get(undefined, 'default')) {
      for (const d of apiServerComponents(o.calico)) apply(d);
      const api = rollout('Deployment', 'calico-apiserver', 'calico-apiserver');
      writeStatus('apiserver', api ? { state: 'progressing', message: api } : { state: 'available' });
    }
  }

  function writeInstallationStatus(inst: KObject & { spec?: InstallationSpec }, mtu: number, ready: boolean): void {
    const status = (inst as { status?: Record<string, unknown> }).status ?? {};
    const computed = { cni: { ipam: { type: 'Calico' }, type: 'Calico' }, variant: 'Calico', ...inst.spec };
    const want: Record<string, unknown> = { ...(ready ? { calicoVersion: o.calico } : {}), computed, mtu, variant: 'Calico' };
    const conditions = ((status['conditions'] as Condition[] | undefined) ?? []).filter((c) => c.type !== 'Ready');
    const prevReady = ((status['conditions'] as Condition[] | undefined) ?? []).find((c) => c.type === 'Ready');
    const readyStatus = ready ? 'True' : 'False';
    const readyCond: Condition = { lastTransitionTime: prevReady?.status === readyStatus ? prevReady.lastTransitionTime : iso(runtime.now), message: ready ? 'All Objects Available' : 'Calico is being installed', observedGeneration: inst.metadata.generation ?? 1, reason: ready ? 'AllObjectsAvailable' : 'ResourceNotReady', status: readyStatus, type: 'Ready' };
    const next = { ...want, conditions: [...conditions, readyCond] };
    if (sameFields(next, status)) return;
    client.updateStatus(TIGERA.installations, { ...inst, status: next } as KObject);
  }

  return {
    stop() {
      resync.cancel();
      queued?.cancel();
      for (const inf of [installations, apiservers, nodes, daemonsets, deployments]) inf.stop();
    },
  };
}

/** cidrWithin says whether the network inner lies inside outer. */
function cidrWithin(outer: string, inner: string): boolean {
  const [ip = '', bits = '32'] = inner.split('/');
  const outerBits = Number(outer.split('/')[1] ?? 32);
  return Number(bits) >= outerBits && cidrContains(outer, ip);
}

/** sameFields compares what the operator sets (JSON-equal), so an unchanged object is not written again. */
function sameFields(want: Record<string, unknown>, have: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(want)) if (JSON.stringify(v) !== JSON.stringify(have[k])) return false;
  return true;
}
