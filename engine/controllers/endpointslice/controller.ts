import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { deepEqual } from '../../base/deep.ts';
import { fromMap, matches } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isNotFound } from '../base/errors.ts';
import { newControllerRef } from '../base/owner.ts';
import { isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { HEADLESS, servicesFor, TRIGGER_TIME } from '../endpoint/controller.ts';
import { findPort, hostnameFor, podIP, shouldInclude, triggerTime } from '../endpoint/pods.ts';

export const SERVICE_NAME = 'kubernetes.io/service-name';
export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** MAX_ENDPOINTS is --max-endpoints-per-slice's default. */
export const MAX_ENDPOINTS = 100;

interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: Record<string, unknown>;
  zone?: string;
}
interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/**
 * desiredSlices groups a service's endpoints by port set, at most
 * MAX_ENDPOINTS per slice, with the ready/serving/terminating conditions
 * (terminating pods stay, not ready, while they shut down).
 */
export function desiredSlices(svc: Service, pods: Pod[], zoneOf: (node: string) => string | undefined): { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] {
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of pods) {
    if (!shouldInclude(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const n = findPort(pod, sp);
      if (n === undefined) continue;
      const p: SlicePort = { name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      ports.push(p);
    }
    const ready = isPodReady(pod);
    const terminating = !!pod.metadata?.deletionTimestamp;
    const ep: SliceEndpoint = {
      addresses: [podIP(pod)!],
      conditions: { ready: (ready && !terminating) || !!svc.spec?.publishNotReadyAddresses, serving: ready, terminating },
      targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
    };
    const hn = hostnameFor(pod, svc);
    if (hn) ep.hostname = hn;
    if (pod.spec?.nodeName) {
      ep.nodeName = pod.spec.nodeName;
      const z = zoneOf(pod.spec.nodeName);
      if (z) ep.zone = z;
    }
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(ep);
  }
  const out: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
  for (const g of groups.values()) for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS) out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS) });
  if (out.length === 0) {
    // A service without endpoints still gets one empty slice carrying its ports.
    out.push({ ports: [], endpoints: [] });
  }
  return out;
}

/**
 * startEndpointSliceController runs pkg/controller/endpointslice: each
 * service with a selector gets EndpointSlices named <service>-xxxxx, owned by
 * the service and labelled with kubernetes.io/service-name and
 * endpointslice.kubernetes.io/managed-by.
 */
export function startEndpointSliceController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const svcInf = ctx.informers.informer(R.services);
  const podInf = ctx.informers.informer(R.pods);
  const nodeInf = ctx.informers.informer(R.nodes);
  const sliceInf = ctx.informers.informer(R.endpointslices);
  const queue = new WorkQueue(runtime, 'endpoint_slice', sync);
  const onPod = (p: KObject) => servicesFor(svcInf.list(p.metadata.namespace), p).forEach((s) => queue.add(keyOf(s)));
  svcInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)), delete: (o) => queue.add(keyOf(o)) });
  podInf.on({ add: onPod, update: (o, n) => (onPod(o), onPod(n)), delete: onPod });
  const onSlice = (o: KObject) => o.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME && queue.add(`${o.metadata.namespace}/${o.metadata.labels[SERVICE_NAME]}`);
  sliceInf.on({ update: (_o, n) => onSlice(n), delete: onSlice });
  const zoneOf = (node: string) => nodeInf.get(undefined, node)?.metadata.labels?.['topology.kubernetes.io/zone'];

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svcObj = svcInf.get(ns, name);
    const existing = sliceInf.list(ns).filter((s) => s.metadata.labels?.[SERVICE_NAME] === name && s.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME);
    const svc = svcObj as unknown as Service | undefined;
    const sel = svc?.spec?.selector;
    if (!svc || !sel || Object.keys(sel).length === 0) {
      // Slices of a deleted service go with it (they are owned by it); a selector removed leaves them to others.
      return;
    }
    const pods = podInf.list(ns).filter((p) => matches(fromMap(sel), p.metadata.labels)) as unknown as Pod[];
    const want = desiredSlices(svc, pods, zoneOf);
    const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}), [SERVICE_NAME]: name, [MANAGED_BY]: CONTROLLER_NAME };
    if (svc.spec?.clusterIP === 'None') labels[HEADLESS] = '';
    const tt = triggerTime(svc, pods);
    const spare = [...existing].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    for (const w of want) {
      // Reuse a slice with the same ports (or any spare one) before creating.
      const idx = Math.max(0, spare.findIndex((s) => deepEqual(s.ports ?? [], w.ports)));
      const cur = spare.splice(idx, 1)[0];
      const body: Record<string, unknown> = { addressType: 'IPv4', endpoints: w.endpoints };
      if (w.ports.length) body.ports = w.ports;
      if (cur && deepEqual(cur.endpoints ?? [], w.endpoints) && deepEqual(cur.ports ?? [], w.ports) && deepEqual(cur.metadata.labels ?? {}, labels)) continue;
      const annotations = tt ? { ...(cur?.metadata.annotations ?? {}), [TRIGGER_TIME]: tt } : cur?.metadata.annotations;
      if (cur) {
        try {
          client.update(R.endpointslices, { ...cur, ...body, metadata: { ...cur.metadata, labels, annotations } } as KObject);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      } else {
        client.create(R.endpointslices, ns, { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${name}-`, labels, annotations, ownerReferences: [newControllerRef(svcObj!)] }, ...body });
      }
    }
    for (const s of spare) {
      try {
        client.delete(R.endpointslices, ns, s.metadata.name!);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }
  return { stop: () => queue.stop() };
}
