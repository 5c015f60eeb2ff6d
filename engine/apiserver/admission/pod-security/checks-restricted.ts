import { list, rec, str, type Obj } from '../util.ts';
import { validSeccomp } from './checks-baseline.ts';
import { allow, containers, deny, isWindows, joinQuote, plural, sortedUnique, type CheckResult, type PodMeta } from './check-types.ts';

/** The restricted checks of pod-security-admission, with their exact texts. */

const sc = (c: Obj): Obj => rec(c.securityContext);
const podSc = (spec: Obj): Obj => rec(spec.securityContext);

export function allowPrivilegeEscalation(_m: PodMeta, spec: Obj, minor: number): CheckResult {
  if (minor >= 25 && isWindows(spec)) return allow;
  const bad = containers(spec).filter((c) => sc(c).allowPrivilegeEscalation !== false).map((c) => str(c.name));
  if (!bad.length) return allow;
  return deny('allowPrivilegeEscalation != false', `${plural('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`);
}

export function capabilitiesRestricted(_m: PodMeta, spec: Obj, minor: number): CheckResult {
  if (minor >= 25 && isWindows(spec)) return allow;
  const missingDrop: string[] = [];
  const adding: string[] = [];
  const caps: string[] = [];
  for (const c of containers(spec)) {
    const capsObj = sc(c).capabilities;
    if (capsObj === undefined || capsObj === null) {
      missingDrop.push(str(c.name));
      continue;
    }
    const drop = (rec(capsObj).drop as string[] | undefined) ?? [];
    if (!drop.includes('ALL')) missingDrop.push(str(c.name));
    const extra = ((rec(capsObj).add as string[] | undefined) ?? []).filter((x) => x !== 'NET_BIND_SERVICE');
    if (extra.length) adding.push(str(c.name)), caps.push(...extra);
  }
  const details: string[] = [];
  if (missingDrop.length) details.push(`${plural('container', 'containers', missingDrop.length)} ${joinQuote(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  if (adding.length) details.push(`${plural('container', 'containers', adding.length)} ${joinQuote(adding)} must not include ${joinQuote(sortedUnique(caps))} in securityContext.capabilities.add`);
  return details.length ? deny('unrestricted capabilities', details.join('; ')) : allow;
}

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const RESTRICTED_VOLUMES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

export function restrictedVolumes(_m: PodMeta, spec: Obj): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const v of list(spec.volumes)) {
    const has = (k: string) => v[k] !== undefined && v[k] !== null;
    if (ALLOWED_VOLUMES.some(has)) continue;
    bad.push(str(v.name));
    types.push(RESTRICTED_VOLUMES.find(has) ?? 'unknown');
  }
  if (!bad.length) return allow;
  const t = sortedUnique(types);
  return deny(
    'restricted volume types',
    `${plural('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${plural('uses', 'use', bad.length)} ${plural('restricted volume type', 'restricted volume types', t.length)} ${joinQuote(t)}`,
  );
}

export function runAsNonRoot(_m: PodMeta, spec: Obj): CheckResult {
  const setters: string[] = [];
  let podNonRoot = false;
  const p = podSc(spec).runAsNonRoot;
  if (typeof p === 'boolean') {
    if (!p) setters.push('pod');
    else podNonRoot = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containers(spec)) {
    const v = sc(c).runAsNonRoot;
    if (typeof v === 'boolean') {
      if (!v) explicit.push(str(c.name));
    } else if (!podNonRoot) implicit.push(str(c.name));
  }
  if (explicit.length) setters.push(`${plural('container', 'containers', explicit.length)} ${joinQuote(explicit)}`);
  if (setters.length) return deny('runAsNonRoot != true', `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`);
  if (implicit.length) return deny('runAsNonRoot != true', `pod or ${plural('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`);
  return allow;
}

export function runAsUser(_m: PodMeta, spec: Obj): CheckResult {
  const setters: string[] = [];
  if (podSc(spec).runAsUser === 0) setters.push('pod');
  const bad = containers(spec).filter((c) => sc(c).runAsUser === 0).map((c) => str(c.name));
  if (bad.length) setters.push(`${plural('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  return setters.length ? deny('runAsUser=0', `${setters.join(' and ')} must not set runAsUser=0`) : allow;
}

export function seccompProfileRestricted(_m: PodMeta, spec: Obj, minor: number): CheckResult {
  if (minor >= 25 && isWindows(spec)) return allow;
  const setters: string[] = [];
  const values: string[] = [];
  let podSet = false;
  const pp = podSc(spec).seccompProfile;
  if (pp) {
    if (!validSeccomp(rec(pp).type)) setters.push('pod'), values.push(str(rec(pp).type));
    else podSet = true;
  }
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containers(spec)) {
    const p = sc(c).seccompProfile;
    if (p) {
      if (!validSeccomp(rec(p).type)) explicit.push(str(c.name)), values.push(str(rec(p).type));
    } else if (!podSet) implicit.push(str(c.name));
  }
  if (explicit.length) setters.push(`${plural('container', 'containers', explicit.length)} ${joinQuote(explicit)}`);
  if (setters.length) return deny('seccompProfile', `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(values))}`);
  if (implicit.length) {
    return deny('seccompProfile', `pod or ${plural('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`);
  }
  return allow;
}
