import { list, rec, str, type Obj } from '../util.ts';
import { allow, containers, deny, joinQuote, plural, sortedUnique, type CheckResult, type PodMeta } from './check-types.ts';

/**
 * The baseline checks of pod-security-admission (k8s.io/pod-security-admission/policy),
 * with their exact reason and detail texts.
 */

const sc = (c: Obj): Obj => rec(c.securityContext);
const podSc = (spec: Obj): Obj => rec(spec.securityContext);

export function privileged(_m: PodMeta, spec: Obj): CheckResult {
  const bad = containers(spec).filter((c) => sc(c).privileged === true).map((c) => str(c.name));
  if (!bad.length) return allow;
  return deny('privileged', `${plural('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`);
}

export function hostNamespaces(_m: PodMeta, spec: Obj): CheckResult {
  const bad: string[] = [];
  if (spec.hostNetwork === true) bad.push('hostNetwork=true');
  if (spec.hostPID === true) bad.push('hostPID=true');
  if (spec.hostIPC === true) bad.push('hostIPC=true');
  return bad.length ? deny('host namespaces', bad.join(', ')) : allow;
}

export function hostPathVolumes(_m: PodMeta, spec: Obj): CheckResult {
  const bad = list(spec.volumes).filter((v) => v.hostPath !== undefined && v.hostPath !== null).map((v) => str(v.name));
  return bad.length ? deny('hostPath volumes', `${plural('volume', 'volumes', bad.length)} ${joinQuote(bad)}`) : allow;
}

export function hostPorts(_m: PodMeta, spec: Obj): CheckResult {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const c of containers(spec)) {
    const hp = list(c.ports).map((p) => Number(p.hostPort ?? 0)).filter((n) => n !== 0);
    if (hp.length) bad.push(str(c.name)), ports.push(...hp.map(String));
  }
  if (!bad.length) return allow;
  const uniq = sortedUnique(ports);
  return deny('hostPort', `${plural('container', 'containers', bad.length)} ${joinQuote(bad)} ${plural('uses', 'use', bad.length)} ${plural('hostPort', 'hostPorts', uniq.length)} ${uniq.join(', ')}`);
}

function probeHosts(h: unknown): string[] {
  const o = rec(h);
  const out: string[] = [];
  if (str(rec(o.httpGet).host)) out.push(str(rec(o.httpGet).host));
  if (str(rec(o.tcpSocket).host)) out.push(str(rec(o.tcpSocket).host));
  return out;
}

export function hostProbesAndHostLifecycle(_m: PodMeta, spec: Obj): CheckResult {
  const bad = new Set<string>();
  const hosts = new Set<string>();
  for (const c of containers(spec)) {
    const lc = rec(c.lifecycle);
    for (const h of [c.livenessProbe, c.readinessProbe, c.startupProbe, lc.postStart, lc.preStop]) {
      const found = probeHosts(h);
      if (found.length) bad.add(str(c.name)), found.forEach((x) => hosts.add(x));
    }
  }
  if (!bad.size) return allow;
  const names = [...bad].sort();
  const hs = [...hosts].sort();
  return deny(
    'probe or lifecycle host',
    `${plural('container', 'containers', names.length)} ${joinQuote(names)} ${plural('uses', 'use', names.length)} ${plural('probe or lifecycle host', 'probe or lifecycle hosts', hs.length)} ${joinQuote(hs)}`,
  );
}

const DEFAULT_CAPS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export function capabilitiesBaseline(_m: PodMeta, spec: Obj): CheckResult {
  const bad: string[] = [];
  const caps: string[] = [];
  for (const c of containers(spec)) {
    const add = (rec(sc(c).capabilities).add as string[] | undefined) ?? [];
    const extra = add.filter((x) => !DEFAULT_CAPS.has(x));
    if (extra.length) bad.push(str(c.name)), caps.push(...extra);
  }
  if (!bad.length) return allow;
  return deny('non-default capabilities', `${plural('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedUnique(caps))} in securityContext.capabilities.add`);
}

const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export function appArmorProfile(meta: PodMeta, spec: Obj): CheckResult {
  const setters: string[] = [];
  const values: string[] = [];
  const okType = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
  const podProfile = podSc(spec).appArmorProfile;
  if (podProfile !== undefined && podProfile !== null && !okType(rec(podProfile).type)) setters.push('pod'), values.push(str(rec(podProfile).type));
  const bad: string[] = [];
  for (const c of containers(spec)) {
    const p = sc(c).appArmorProfile;
    if (p !== undefined && p !== null && !okType(rec(p).type)) bad.push(str(c.name)), values.push(str(rec(p).type));
  }
  if (bad.length) setters.push(`${plural('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  const annotations = Object.entries(meta.annotations ?? {})
    .filter(([k, v]) => k.startsWith(APPARMOR_PREFIX) && !(v === '' || v === 'runtime/default' || v.startsWith('localhost/')))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .sort();
  const list2 = [...sortedUnique(values), ...annotations];
  if (annotations.length) setters.push(plural('annotation', 'annotations', annotations.length));
  if (!setters.length) return allow;
  return deny(plural('forbidden AppArmor profile', 'forbidden AppArmor profiles', list2.length), `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(list2)}`);
}

const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

export function seLinuxOptions(_m: PodMeta, spec: Obj, minor: number): CheckResult {
  // v1.31 added container_engine_t to the allowed types.
  const allowed = new Set(minor >= 31 ? [...SELINUX_TYPES, 'container_engine_t'] : SELINUX_TYPES);
  const setters: string[] = [];
  const types = new Set<string>();
  let user = false;
  let role = false;
  const valid = (o: Obj) => {
    let ok = true;
    if (!allowed.has(str(o.type))) (ok = false), types.add(str(o.type));
    if (str(o.user)) (ok = false), (user = true);
    if (str(o.role)) (ok = false), (role = true);
    return ok;
  };
  const podOpts = podSc(spec).seLinuxOptions;
  if (podOpts && !valid(rec(podOpts))) setters.push('pod');
  const bad = containers(spec).filter((c) => sc(c).seLinuxOptions && !valid(rec(sc(c).seLinuxOptions))).map((c) => str(c.name));
  if (bad.length) setters.push(`${plural('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  if (!setters.length) return allow;
  const data: string[] = [];
  if (types.size) data.push(`${plural('type', 'types', types.size)} ${joinQuote([...types].sort())}`);
  if (user) data.push('user may not be set');
  if (role) data.push('role may not be set');
  return deny('seLinuxOptions', `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`);
}

export function procMount(_m: PodMeta, spec: Obj): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const c of containers(spec)) {
    const pm = sc(c).procMount;
    if (typeof pm === 'string' && pm !== 'Default') bad.push(str(c.name)), types.push(pm);
  }
  if (!bad.length) return allow;
  return deny('procMount', `${plural('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}`);
}

/** validSeccomp: only RuntimeDefault and Localhost profiles are allowed. */
export const validSeccomp = (t: unknown): boolean => t === 'RuntimeDefault' || t === 'Localhost';

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** seccompAnnotations is the pre-1.19 form of the check, on the alpha annotations. */
function seccompAnnotations(meta: PodMeta, spec: Obj): CheckResult {
  const okValue = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
  const bad: string[] = [];
  const a = meta.annotations ?? {};
  if (a[SECCOMP_POD_ANNOTATION] !== undefined && !okValue(a[SECCOMP_POD_ANNOTATION]!)) bad.push(`${SECCOMP_POD_ANNOTATION}=${JSON.stringify(a[SECCOMP_POD_ANNOTATION])}`);
  for (const c of containers(spec)) {
    const k = SECCOMP_CONTAINER_PREFIX + str(c.name);
    if (a[k] !== undefined && !okValue(a[k]!)) bad.push(`${k}=${JSON.stringify(a[k])}`);
  }
  if (!bad.length) return allow;
  const u = sortedUnique(bad);
  return deny('seccompProfile', `forbidden ${plural('annotation', 'annotations', u.length)} ${u.join(', ')}`);
}

export function seccompProfileBaseline(meta: PodMeta, spec: Obj, minor: number): CheckResult {
  if (minor < 19) return seccompAnnotations(meta, spec);
  const setters: string[] = [];
  const values: string[] = [];
  const podProfile = podSc(spec).seccompProfile;
  if (podProfile && !validSeccomp(rec(podProfile).type)) setters.push('pod'), values.push(str(rec(podProfile).type));
  const bad: string[] = [];
  for (const c of containers(spec)) {
    const p = sc(c).seccompProfile;
    if (p && !validSeccomp(rec(p).type)) bad.push(str(c.name)), values.push(str(rec(p).type));
  }
  if (bad.length) setters.push(`${plural('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  if (!setters.length) return allow;
  return deny('seccompProfile', `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(values))}`);
}

/** SAFE_SYSCTLS lists the allowed sysctls by the policy version that added them. */
const SAFE_SYSCTLS: [number, string[]][] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
];

export function sysctls(_m: PodMeta, spec: Obj, minor: number): CheckResult {
  const safe = new Set(SAFE_SYSCTLS.filter(([v]) => v <= minor).flatMap(([, names]) => names));
  const bad = list(podSc(spec).sysctls).map((s) => str(s.name)).filter((n) => !safe.has(n));
  return bad.length ? deny('forbidden sysctls', bad.join(', ')) : allow;
}

export function windowsHostProcess(_m: PodMeta, spec: Obj): CheckResult {
  const setters: string[] = [];
  if (rec(podSc(spec).windowsOptions).hostProcess === true) setters.push('pod');
  const bad = containers(spec).filter((c) => rec(sc(c).windowsOptions).hostProcess === true).map((c) => str(c.name));
  if (bad.length) setters.push(`${plural('container', 'containers', bad.length)} ${joinQuote(bad)}`);
  if (!setters.length) return allow;
  return deny('hostProcess', `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`);
}
