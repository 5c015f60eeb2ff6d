import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../api/types.ts';
import { deepEqual } from '../../base/deep.ts';
import { fromMap, matches } from '../../base/labels.ts';
import { R } from '../../client/refs.ts';
import type { Controller, ControllerContext } from '../base/context.ts';
import { isAlreadyExists, isNotFound } from '../base/errors.ts';
import { isPodReady } from '../base/pods.ts';
import { keyOf, splitKey, WorkQueue } from '../base/workqueue.ts';
import { findPort, hostnameFor, podIP, shouldInclude, triggerTime } from './pods.ts';

export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS = 'service.kubernetes.io/headless';

/** servicesFor lists the services (with a selector) that select pod. */
export function servicesFor(services: KObject[], pod: KObject): KObject[] {
  return services.filter((s) => {
    const sel = (s.spec as { selector?: Record<string, string> }).selector;
    return sel && Object.keys(sel).length > 0 && matches(fromMap(sel), pod.metadata.labels);
  });
}

/**
 * subsetsFor computes Endpoints subsets as the endpoints controller does:
 * one subset per distinct port set, ready addresses and notReadyAddresses,
 * each sorted (RepackSubsets).
 */
export function subsetsFor(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerate = !!svc.spec?.publishNotReadyAddresses;
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!shouldInclude(pod, tolerate)) continue;
    const addr: EndpointAddress = { ip: podIP(pod)! };
    const hn = hostnameFor(pod, svc);
    if (hn) addr.hostname = hn;
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
    addr.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid };
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const n = findPort(pod, sp);
      if (n === undefined) continue;
      const ep: EndpointPort = { port: n, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    if ((svc.spec?.ports ?? []).length > 0 && ports.length === 0) continue;
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    (isPodReady(pod) || tolerate ? g.ready : g.notReady).push(addr);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIp);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIp);
    if (g.ports.length) s.ports = [...g.ports].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1));
    subsets.push(s);
  }
  return subsets;
}

/**
 * startEndpointsController runs pkg/controller/endpoint: every service with a
 * selector gets an Endpoints object of the same name listing its pods.
 */
export function startEndpointsController(ctx: ControllerContext): Controller {
  const { client, runtime } = ctx;
  const svcInf = ctx.informers.informer(R.services);
  const podInf = ctx.informers.informer(R.pods);
  const epInf = ctx.informers.informer(R.endpoints);
  const queue = new WorkQueue(runtime, 'endpoint', sync);
  const onPod = (p: KObject) => servicesFor(svcInf.list(p.metadata.namespace), p).forEach((s) => queue.add(keyOf(s)));
  svcInf.on({ add: (o) => queue.add(keyOf(o)), update: (_o, n) => queue.add(keyOf(n)), delete: (o) => queue.add(keyOf(o)) });
  podInf.on({ add: onPod, update: (o, n) => (onPod(o), onPod(n)), delete: onPod });
  epInf.on({ delete: (o) => svcInf.get(o.metadata.namespace, o.metadata.name!) && queue.add(keyOf(o)) });

  function sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svcObj = svcInf.get(ns, name);
    if (!svcObj) {
      // The service is gone: so is its Endpoints object.
      try {
        if (epInf.get(ns, name)) client.delete(R.endpoints, ns, name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      return;
    }
    const svc = svcObj as unknown as Service;
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) return;
    const pods = podInf.list(ns).filter((p) => matches(fromMap(sel), p.metadata.labels)) as unknown as Pod[];
    const subsets = subsetsFor(svc, pods);
    const cur = epInf.get(ns, name);
    const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) };
    if (svc.spec?.clusterIP === 'None') labels[HEADLESS] = '';
    if (cur && deepEqual((cur.subsets as unknown) ?? [], subsets) && deepEqual(cur.metadata.labels ?? {}, labels)) return;
    const annotations: Record<string, string> = { ...(cur?.metadata.annotations ?? {}) };
    const tt = triggerTime(svc, pods);
    if (tt) annotations[TRIGGER_TIME] = tt;
    const body: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { ...(cur?.metadata ?? { name, namespace: ns }), labels, annotations }, subsets } as KObject;
    if (subsets.length === 0) delete body.subsets;
    try {
      if (cur) client.update(R.endpoints, body);
      else client.create(R.endpoints, ns, body);
    } catch (err) {
      if (isAlreadyExists(err) || isNotFound(err)) return queue.addRateLimited(key);
      throw err;
    }
  }
  return { stop: () => queue.stop() };
}
