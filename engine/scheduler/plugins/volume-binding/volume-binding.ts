import type { Node, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { clone } from '../../../base/deep.ts';
import type { KObject } from '../../../api/types.ts';
import { R } from '../../../client/refs.ts';
import type { CycleState } from '../../framework/cycle-state.ts';
import { Action } from '../../framework/events.ts';
import type { EnqueueExtensions, FilterPlugin, Handle, PreBindPlugin, PreFilterPlugin, ReservePlugin } from '../../framework/interfaces.ts';
import { asStatus, Code, SKIP, Status, unresolvable } from '../../framework/status.ts';
import { Names } from '../names.ts';
import { ANN_SELECTED_NODE, claimNamesOf, isFullyBound, podVolumeClaims, type PodVolumeClaims } from './binder.ts';
import { claimError, findPodVolumes, type PodVolumes } from './find-pod-volumes.ts';

export { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_REASON_NOT_ENOUGH_SPACE, ERR_REASON_PV_NOT_EXIST } from './find-pod-volumes.ts';

/** ERR_REASON_UNBOUND_IMMEDIATE is the PreFilter reason for Immediate claims the PV controller has not bound yet. */
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

const STATE_KEY = 'VolumeBinding';
const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
const BIND_TIMEOUT_MS = 600_000;

/** State is the cycle's claims and, per feasible node, what binding there would take (shared by clones, as upstream). */
class State {
  readonly byNode = new Map<string, PodVolumes>();
  constructor(readonly claims: PodVolumeClaims) {}
  clone(): State {
    return this;
  }
}

/**
 * VolumeBinding checks that the pod's PersistentVolumeClaims can be served
 * on a node (bound volumes' node affinity, matching or provisionable volumes
 * for WaitForFirstConsumer claims), then binds them before the pod is bound.
 */
export function volumeBinding(_args: Record<string, unknown>, h: Handle): PreFilterPlugin & FilterPlugin & ReservePlugin & PreBindPlugin & EnqueueExtensions {
  const l = h.listers;
  /** assumed PV name → claim key, and claim key → node, for bindings sent but not yet seen. */
  const assumedPVs = new Map<string, string>();
  const assumedProvisions = new Map<string, string>();

  const find = (claims: PodVolumeClaims, node: Node) => findPodVolumes(l, assumedPVs, assumedProvisions, claims, node);

  return {
    name: Names.VolumeBinding,
    preFilter(state: CycleState, pi) {
      if (claimNamesOf(pi.pod).length === 0) return { status: SKIP };
      const err = claimError(pi.pod, l);
      if (err) return { status: unresolvable(err) };
      const claims = podVolumeClaims(pi.pod, l);
      if (claims.immediate.length > 0) return { status: unresolvable(ERR_REASON_UNBOUND_IMMEDIATE) };
      state.write(STATE_KEY, new State(claims));
      return { status: null };
    },
    filter(state, _pi, nodeInfo) {
      const s = state.read<State>(STATE_KEY);
      if (!s) return null;
      const { reasons, volumes } = find(s.claims, nodeInfo.node!);
      if (reasons.length) return new Status(Code.UnschedulableAndUnresolvable, reasons);
      s.byNode.set(nodeInfo.name, volumes);
      return null;
    },
    reserve(state, _pi, nodeName) {
      const v = state.read<State>(STATE_KEY)?.byNode.get(nodeName);
      if (!v) return null;
      for (const b of v.staticBindings) assumedPVs.set(b.pv.metadata?.name ?? '', `${b.pvc.metadata?.namespace}/${b.pvc.metadata?.name}`);
      for (const c of v.provisions) assumedProvisions.set(`${c.metadata?.namespace}/${c.metadata?.name}`, nodeName);
      return null;
    },
    unreserve(state, _pi, nodeName) {
      const v = state.read<State>(STATE_KEY)?.byNode.get(nodeName);
      if (!v) return;
      for (const b of v.staticBindings) assumedPVs.delete(b.pv.metadata?.name ?? '');
      for (const c of v.provisions) assumedProvisions.delete(`${c.metadata?.namespace}/${c.metadata?.name}`);
    },
    preBind(state, pi, nodeName) {
      const s = state.read<State>(STATE_KEY);
      const v = s?.byNode.get(nodeName);
      if (!s || !v || (v.staticBindings.length === 0 && v.provisions.length === 0)) return null;
      try {
        for (const b of v.staticBindings) {
          const pv = clone(l.persistentVolumes.get(undefined, b.pv.metadata?.name ?? '') ?? (b.pv as unknown as KObject));
          const m = b.pvc.metadata ?? {};
          (pv.spec as Record<string, unknown>).claimRef = { kind: 'PersistentVolumeClaim', namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: 'v1', resourceVersion: m.resourceVersion };
          // GetBindVolumeToClaim marks the volume as bound by the controller side, as the PV controller's own binding does.
          pv.metadata.annotations = { ...(pv.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
          h.client.update(R.persistentvolumes, pv);
        }
        for (const c of v.provisions) {
          const pvc = clone(l.persistentVolumeClaims.get(c.metadata?.namespace, c.metadata?.name ?? '') ?? (c as unknown as KObject));
          if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] === nodeName) continue;
          pvc.metadata.annotations = { ...(pvc.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName };
          h.client.update(R.persistentvolumeclaims, pvc);
        }
      } catch (e) {
        return asStatus(e);
      }
      const keys = [...s.claims.delayBinding].map((c) => [c.metadata?.namespace, c.metadata?.name ?? ''] as const);
      return {
        timeoutMs: BIND_TIMEOUT_MS,
        poll() {
          for (const [ns, name] of keys) {
            const c = l.persistentVolumeClaims.get(ns, name) as unknown as PersistentVolumeClaim | undefined;
            if (!c) return asStatus(new Error(`persistentvolumeclaim "${name}" not found`));
            if (!isFullyBound(c)) return null;
          }
          for (const b of v.staticBindings) assumedPVs.delete(b.pv.metadata?.name ?? '');
          for (const c of v.provisions) assumedProvisions.delete(`${c.metadata?.namespace}/${c.metadata?.name}`);
          return 'done';
        },
      };
    },
    eventsToRegister() {
      const usesClaim = (pod: Pod, c: unknown) => {
        const pvc = c as PersistentVolumeClaim;
        return pvc.metadata?.namespace === pod.metadata?.namespace && claimNamesOf(pod).some((x) => x.name === pvc.metadata?.name) ? 'Queue' : 'QueueSkip';
      };
      return [
        { event: { resource: 'StorageClass', action: Action.Add | Action.Update } },
        { event: { resource: 'PersistentVolumeClaim', action: Action.Add | Action.Update }, hint: (pod, _o, n) => usesClaim(pod, n) },
        { event: { resource: 'PersistentVolume', action: Action.Add | Action.Update } },
        { event: { resource: 'Node', action: Action.Add | Action.UpdateNodeLabel | Action.UpdateNodeTaint } },
        { event: { resource: 'CSINode', action: Action.Add | Action.Update } },
      ];
    },
  };
}
