import type { KObject } from '../../../api/types.ts';
import type { AdmissionPlugin, AdmissionRequest, ClusterView } from '../types.ts';
import { podResources, resourceList, sortedKeys, type ResourceList } from '../resources.ts';
import { isResource, list, rec, rejected, specOf, str, type Obj } from '../util.ts';
import { maxConstraint, maxRequestConstraint, minConstraint, ratioConstraint } from './constraints.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'LimitRanger';
/** ANNOTATION records what the plugin filled in. */
export const ANNOTATION = 'kubernetes.io/limit-ranger';

function handles(req: AdmissionRequest): 'pod' | 'pvc' | undefined {
  if (req.subresource !== '' || !req.object) return undefined;
  if (isResource(req, '', 'pods')) return req.operation === 'CREATE' ? 'pod' : undefined;
  if (isResource(req, '', 'persistentvolumeclaims') && (req.operation === 'CREATE' || req.operation === 'UPDATE')) return 'pvc';
  return undefined;
}

function limitRanges(req: AdmissionRequest, view: ClusterView): KObject[] {
  return view.list('', 'limitranges', req.namespace).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

function items(lr: KObject): Obj[] {
  return list(rec(lr.spec).limits);
}

/** mergeContainer fills missing limits and requests from the defaults and describes what it set. */
function mergeContainer(c: Obj, defaults: { limits: Obj; requests: Obj }, prefix: string, notes: string[]): void {
  const res = rec(c.resources);
  const limits = { ...rec(res.limits) };
  const requests = { ...rec(res.requests) };
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults.limits)) if (!(k in limits)) (limits[k] = v), setLimits.push(k);
  for (const [k, v] of Object.entries(defaults.requests)) if (!(k in requests)) (requests[k] = v), setRequests.push(k);
  const out: Obj = { ...res };
  if (Object.keys(limits).length) out.limits = limits;
  if (Object.keys(requests).length) out.requests = requests;
  c.resources = out;
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${str(c.name)}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${str(c.name)}`);
}

/** defaultPod applies each LimitRange's Container defaults (default → limits, defaultRequest → requests). */
function defaultPod(pod: KObject, lr: KObject): void {
  const defaults = { limits: {} as Obj, requests: {} as Obj };
  for (const it of items(lr)) {
    if (it.type !== 'Container') continue;
    Object.assign(defaults.requests, rec(it.defaultRequest));
    Object.assign(defaults.limits, rec(it.default));
  }
  const spec = specOf(pod);
  const notes: string[] = [];
  for (const c of list(spec.containers)) mergeContainer(c, defaults, 'container', notes);
  for (const c of list(spec.initContainers)) mergeContainer(c, defaults, 'init container', notes);
  if (notes.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
}

function check(type: string, it: Obj, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  const push = (e: string | undefined) => e && errs.push(e);
  const mins = resourceList(it.min);
  const maxs = resourceList(it.max);
  const ratios = resourceList(it.maxLimitRequestRatio);
  for (const k of sortedKeys(mins)) push(minConstraint(type, k, mins.get(k)!, requests, limits));
  for (const k of sortedKeys(maxs)) push(maxConstraint(type, k, maxs.get(k)!, requests, limits));
  for (const k of sortedKeys(ratios)) push(ratioConstraint(type, k, ratios.get(k)!, requests, limits));
}

function validatePod(pod: KObject, lr: KObject): string[] {
  const errs: string[] = [];
  const spec = rec(pod.spec);
  for (const it of items(lr)) {
    if (it.type === 'Container') {
      for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
        const r = rec(c.resources);
        check('Container', it, resourceList(r.requests), resourceList(r.limits), errs);
      }
    } else if (it.type === 'Pod') {
      check('Pod', it, podResources(spec, 'requests'), podResources(spec, 'limits'), errs);
    }
  }
  return errs;
}

function validatePvc(pvc: KObject, lr: KObject): string[] {
  const errs: string[] = [];
  const r = rec(rec(pvc.spec).resources);
  for (const it of items(lr)) {
    if (it.type !== 'PersistentVolumeClaim') continue;
    // A claim's limits are not user input: min and max are checked against its requests.
    const requests = resourceList(r.requests);
    const mins = resourceList(it.min);
    const maxs = resourceList(it.max);
    for (const k of sortedKeys(mins)) {
      const e = minConstraint('PersistentVolumeClaim', k, mins.get(k)!, requests, new Map());
      if (e) errs.push(e);
    }
    for (const k of sortedKeys(maxs)) {
      const e = maxRequestConstraint('PersistentVolumeClaim', k, maxs.get(k)!, requests);
      if (e) errs.push(e);
    }
  }
  return errs;
}

/** aggregate is utilerrors.NewAggregate's text: one message alone, several in brackets. */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`;
}

/**
 * limitRanger applies each namespace LimitRange: on pod create it fills
 * missing container requests/limits from default/defaultRequest (recording
 * them in the kubernetes.io/limit-ranger annotation), then — after the pod's
 * own validation has run — enforces min, max and maxLimitRequestRatio for
 * Container and Pod items, and min/max storage for PersistentVolumeClaims.
 */
export function limitRanger(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req, view) {
      if (handles(req) !== 'pod') return;
      for (const lr of limitRanges(req, view)) defaultPod(req.object!, lr);
    },
    validate(req, view) {
      const kind = handles(req);
      if (!kind) return;
      for (const lr of limitRanges(req, view)) {
        const errs = kind === 'pod' ? validatePod(req.object!, lr) : validatePvc(req.object!, lr);
        if (errs.length) throw rejected(req, aggregate(errs));
      }
    },
  };
}
