import { invalid } from '../../../base/errors.ts';
import { deepEqual } from '../../../base/deep.ts';
import type { KObject } from '../../../api/types.ts';
import type { AdmissionPlugin, AdmissionRequest, ClusterView } from '../types.ts';
import { list, rec, rejected, str, type Obj } from '../util.ts';
import { compareLevels, evaluatePod, forbiddenDetail, forbiddenReason, levelVersionString, policyToEvaluate, type LevelVersion } from './policy.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'PodSecurity';

/** PodSecurityOptions is the plugin's configuration (PodSecurityConfiguration): the version "latest" means, and exemptions. */
export interface PodSecurityOptions {
  /** the apiserver's minor version; "latest" evaluates at it (34 for v1.34) */
  latestMinor?: number;
  exemptions?: { namespaces?: string[]; usernames?: string[]; runtimeClasses?: string[] };
}

const IGNORED_POD_SUBRESOURCES = new Set(['exec', 'attach', 'binding', 'eviction', 'log', 'portforward', 'proxy', 'status']);

/** templateOf extracts the pod template of a workload (PodSpecExtractor), or undefined for other kinds. */
export function templateOf(obj: KObject): { meta: Obj; spec: Obj } | undefined {
  let t: Obj | undefined;
  switch (obj.kind) {
    case 'PodTemplate':
      t = rec(obj.template);
      break;
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      t = rec(rec(obj.spec).template);
      break;
    case 'CronJob':
      t = rec(rec(rec(rec(obj.spec).jobTemplate).spec).template);
      break;
    default:
      return undefined;
  }
  return { meta: rec(t.metadata), spec: rec(t.spec) };
}

function significantPodUpdate(pod: KObject, old: KObject): boolean {
  const a = rec(pod.spec);
  const b = rec(old.spec);
  for (const key of ['containers', 'initContainers'] as const) {
    const x = list(a[key]);
    const y = list(b[key]);
    if (x.length !== y.length) return true;
    if (x.some((c, i) => c.image !== y[i]!.image)) return true;
  }
  const oldEph = list(b.ephemeralContainers);
  return list(a.ephemeralContainers).some((c) => {
    const o = oldEph.find((e) => e.name === c.name);
    return !o || o.image !== c.image;
  });
}

/**
 * podSecurity is the built-in Pod Security Admission: namespaces choose a
 * level per mode with pod-security.kubernetes.io/{enforce,audit,warn}[-version]
 * labels; pods violating the enforce level are refused, the warn level adds
 * "would violate PodSecurity" warnings (also for workloads' pod templates),
 * and tightening a namespace's enforce level warns about existing pods.
 */
export function podSecurity(opts: PodSecurityOptions = {}): AdmissionPlugin {
  const latest = opts.latestMinor ?? 34;
  const ex = opts.exemptions ?? {};
  const exempt = (req: AdmissionRequest) => (ex.namespaces ?? []).includes(req.namespace) || (ex.usernames ?? []).includes(req.user.name);
  const exemptRuntime = (spec: Obj) => !!str(spec.runtimeClassName) && (ex.runtimeClasses ?? []).includes(str(spec.runtimeClassName));

  function evaluate(req: AdmissionRequest, view: ClusterView, meta: Obj, spec: Obj, enforce: boolean): void {
    if (exemptRuntime(spec)) return;
    const ns = view.get('', 'namespaces', undefined, req.namespace);
    const { policy } = policyToEvaluate(ns?.metadata.labels);
    const cache = new Map<string, ReturnType<typeof evaluatePod>>();
    const run = (lv: LevelVersion) => {
      const key = levelVersionString(lv);
      if (!cache.has(key)) cache.set(key, evaluatePod(lv, meta as { annotations?: Record<string, string> }, spec, latest));
      return cache.get(key)!;
    };
    if (enforce) {
      const fails = run(policy.enforce);
      if (fails.length) throw rejected(req, `violates PodSecurity "${levelVersionString(policy.enforce)}": ${forbiddenDetail(fails)}`);
    }
    const warn = run(policy.warn);
    if (warn.length) req.warnings.push(`would violate PodSecurity "${levelVersionString(policy.warn)}": ${forbiddenDetail(warn)}`);
  }

  function validateNamespace(req: AdmissionRequest, view: ClusterView): void {
    if (req.subresource || !req.object) return;
    const now = policyToEvaluate(req.object.metadata.labels);
    if (req.operation === 'CREATE') {
      if (now.errors.length) throw invalid({ group: '', kind: 'Namespace' }, req.name, now.errors);
      return;
    }
    if (req.operation !== 'UPDATE' || !req.oldObject) return;
    const before = policyToEvaluate(req.oldObject.metadata.labels);
    if (now.errors.length && (!before.errors.length || !deepEqual(now.errors, before.errors))) throw invalid({ group: '', kind: 'Namespace' }, req.name, now.errors);
    const e = now.policy.enforce;
    const o = before.policy.enforce;
    if (e.level === o.level && e.version === o.version) return;
    if (e.level === 'privileged') return;
    if (e.version === o.version && compareLevels(e.level, o.level) < 1) return;
    if ((ex.namespaces ?? []).includes(req.name)) return;
    req.warnings.push(...existingPodWarnings(view, req.name, e, latest));
  }

  return {
    name: NAME,
    validate(req, view) {
      if (req.operation !== 'CREATE' && req.operation !== 'UPDATE') return;
      if (req.def.group === '' && req.def.plural === 'namespaces') return validateNamespace(req, view);
      if (!req.namespace || !req.object || exempt(req)) return;
      if (req.def.group === '' && req.def.plural === 'pods') {
        if (IGNORED_POD_SUBRESOURCES.has(req.subresource)) return;
        if (req.operation === 'UPDATE' && req.oldObject && !significantPodUpdate(req.object, req.oldObject)) return;
        return evaluate(req, view, rec(req.object.metadata), rec(req.object.spec), true);
      }
      if (req.subresource) return;
      const t = templateOf(req.object);
      if (t) evaluate(req, view, t.meta, t.spec, false);
    },
  };
}

/** existingPodWarnings is EvaluatePodsInNamespace: one warning per distinct violation, naming the first pod. */
export function existingPodWarnings(view: ClusterView, namespace: string, enforce: LevelVersion, latest: number): string[] {
  const seen = new Map<string, { first: string; count: number }>();
  for (const pod of view.list('', 'pods', namespace)) {
    const fails = evaluatePod(enforce, rec(pod.metadata) as { annotations?: Record<string, string> }, rec(pod.spec), latest);
    if (!fails.length) continue;
    const reason = forbiddenReason(fails);
    const name = pod.metadata.name ?? '';
    const c = seen.get(reason);
    if (!c) seen.set(reason, { first: name, count: 1 });
    else {
      c.count++;
      if (name < c.first) c.first = name;
    }
  }
  if (!seen.size) return [];
  const per = [...seen.entries()].map(([reason, c]) => {
    const who = c.count === 1 ? c.first : c.count === 2 ? `${c.first} (and 1 other pod)` : `${c.first} (and ${c.count - 1} other pods)`;
    return `${who}: ${reason}`;
  });
  return [`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${levelVersionString(enforce)}"`, ...per.sort()];
}
