import type { KObject } from '../../types.ts';
import { isSet, list, rec, str, type Obj } from '../../validation/util.ts';
import { canonicalQuantities } from '../decode.ts';

/**
 * PodSpec defaulting (SetDefaults_PodSpec, SetDefaults_Container, the probe,
 * port, env and volume defaulters of core/v1) applied wherever a PodSpec
 * appears: Pods and every workload's template.
 */

/** pullPolicyFor is SetDefaults_Container's rule: Always for :latest or no tag, else IfNotPresent. */
export function pullPolicyFor(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > slash ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function probeDefaults(p: unknown): void {
  if (!isSet(p)) return;
  const probe = rec(p);
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  handlerDefaults(probe);
}

function handlerDefaults(h: Obj): void {
  if (isSet(h.httpGet)) {
    const g = rec(h.httpGet);
    g.path ??= '/';
    g.scheme ??= 'HTTP';
  }
}

function containerDefaults(c: Obj, obj: KObject): void {
  if (!isSet(c.imagePullPolicy) || c.imagePullPolicy === '') c.imagePullPolicy = pullPolicyFor(str(c.image));
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of list(c.ports)) p.protocol ??= 'TCP';
  for (const e of list(c.env)) {
    const fr = rec(e.valueFrom).fieldRef;
    if (isSet(fr)) rec(fr).apiVersion ??= 'v1';
  }
  probeDefaults(c.livenessProbe);
  probeDefaults(c.readinessProbe);
  probeDefaults(c.startupProbe);
  for (const hook of ['postStart', 'preStop']) {
    const h = rec(c.lifecycle)[hook];
    if (isSet(h)) handlerDefaults(rec(h));
  }
  if (isSet(c.resources)) {
    const r = rec(c.resources);
    canonicalQuantities(r.limits, obj);
    canonicalQuantities(r.requests, obj);
  } else {
    c.resources = {};
  }
}

function volumeDefaults(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (isSet(v.secret)) rec(v.secret).defaultMode ??= 420;
  if (isSet(v.configMap)) rec(v.configMap).defaultMode ??= 420;
  if (isSet(v.downwardAPI)) {
    const d = rec(v.downwardAPI);
    d.defaultMode ??= 420;
    for (const item of list(d.items)) if (isSet(item.fieldRef)) rec(item.fieldRef).apiVersion ??= 'v1';
  }
  if (isSet(v.hostPath)) rec(v.hostPath).type ??= '';
  if (isSet(v.projected)) {
    const p = rec(v.projected);
    p.defaultMode ??= 420;
    for (const s of list(p.sources)) {
      if (isSet(s.serviceAccountToken)) rec(s.serviceAccountToken).expirationSeconds ??= 3600;
      for (const item of list(rec(s.downwardAPI).items)) if (isSet(item.fieldRef)) rec(item.fieldRef).apiVersion ??= 'v1';
    }
  }
  if (isSet(v.iscsi)) rec(v.iscsi).iscsiInterface ??= 'default';
  if (isSet(v.rbd)) Object.assign(rec(v.rbd), { pool: rec(v.rbd).pool ?? 'rbd', user: rec(v.rbd).user ?? 'admin', keyring: rec(v.rbd).keyring ?? '/etc/ceph/keyring' });
}

/** setPodSpecDefaults fills a PodSpec in place; obj is the enclosing object (for decode errors). */
export function setPodSpecDefaults(specIn: unknown, obj: KObject): void {
  if (!isSet(specIn)) return;
  const spec = rec(specIn);
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of list(spec.initContainers)) containerDefaults(c, obj);
  for (const c of list(spec.containers)) containerDefaults(c, obj);
  for (const c of list(spec.ephemeralContainers)) containerDefaults(c, obj);
  for (const v of list(spec.volumes)) volumeDefaults(v);
  if (spec.hostNetwork === true) {
    for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
      for (const p of list(c.ports)) p.hostPort ??= p.containerPort;
    }
  }
  if (isSet(spec.overhead)) canonicalQuantities(spec.overhead, obj);
}

/** setPodTemplateDefaults defaults the PodSpec of a template ({metadata, spec}). */
export function setPodTemplateDefaults(tpl: unknown, obj: KObject): void {
  if (!isSet(tpl)) return;
  setPodSpecDefaults(rec(tpl).spec, obj);
}
