import { parse } from 'yaml';
import { DEFAULT_LAB } from './labs/default.ts';

/** AddonSpec turns on an add-on in a cluster (metrics-server, ingress-nginx…), with its options. */
export interface AddonSpec {
  name: string;
  [option: string]: unknown;
}

export interface ClusterMachine {
  name: string;
  role: 'control-plane' | 'worker';
  ip: string;
  /** prepared: a bare machine with containerd and the kube packages, not yet part of the cluster */
  prepared?: boolean;
}

export interface ClusterSpec {
  name: string;
  context: string;
  version: string;
  podSubnet: string;
  serviceSubnet: string;
  machines: ClusterMachine[];
  cni?: string;
  addons: AddonSpec[];
  /** installed: false leaves the machines prepared for `kubeadm init` */
  installed?: boolean;
  /** controlPlane 'static-pods' (the default) runs the control plane from /etc/kubernetes/manifests through the kubelet; 'direct' runs it in-process (faster to boot) */
  controlPlane?: 'direct' | 'static-pods';
}

/** LabDefinition is a lab as its YAML declares it. */
export interface LabDefinition {
  name: string;
  student: { host: string; ip: string; user: string };
  clusters: ClusterSpec[];
}

/** LabDefinitionError carries the file, line and column of a mistake in a lab definition. */
export class LabDefinitionError extends Error {}

function req<T>(v: T | undefined, what: string): T {
  if (v === undefined || v === null || v === '') throw new LabDefinitionError(`lab definition: ${what} is required`);
  return v;
}

/** parseLabDefinition reads and checks a lab definition. */
export function parseLabDefinition(text: string): LabDefinition {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new LabDefinitionError(`lab definition: ${(e as Error).message}`);
  }
  const d = doc as { kind?: string; metadata?: { name?: string }; spec?: { student?: Partial<LabDefinition['student']>; clusters?: Partial<ClusterSpec>[] } };
  if (!d || d.kind !== 'Lab') throw new LabDefinitionError('lab definition: kind must be Lab');
  const spec = req(d.spec, 'spec');
  const student = req(spec.student, 'spec.student');
  const clusters = (spec.clusters ?? []).map((c, i): ClusterSpec => {
    const at = `spec.clusters[${i}]`;
    const machines = req(c.machines, `${at}.machines`).map((m, j) => ({
      name: req(m.name, `${at}.machines[${j}].name`),
      role: m.role === 'control-plane' ? ('control-plane' as const) : ('worker' as const),
      ip: req(m.ip, `${at}.machines[${j}].ip`),
      prepared: m.prepared,
    }));
    if (!machines.some((m) => m.role === 'control-plane')) throw new LabDefinitionError(`lab definition: ${at} needs a control-plane machine`);
    // An installed cluster is booted with one control-plane node; further ones join with kubeadm, on prepared machines.
    const extra = machines.findIndex((m, j) => m.role === 'control-plane' && !m.prepared && j > machines.findIndex((x) => x.role === 'control-plane'));
    if (c.installed !== false && extra >= 0) {
      throw new LabDefinitionError(`lab definition: ${at}.machines[${extra}] (${machines[extra]!.name}) is a second control-plane machine: an installed cluster starts with one; make the others prepared (prepared: true) and join them with kubeadm join --control-plane, or build the whole cluster with installed: false`);
    }
    return {
      name: req(c.name, `${at}.name`),
      context: c.context ?? `kubernetes-admin@${c.name}`,
      version: req(c.version, `${at}.version`).replace(/^v/, ''),
      podSubnet: c.podSubnet ?? '10.244.0.0/16',
      serviceSubnet: c.serviceSubnet ?? '10.96.0.0/12',
      machines,
      cni: c.cni,
      addons: (c.addons ?? []).map((a) => (typeof a === 'string' ? { name: a } : (a as AddonSpec))),
      installed: c.installed ?? true,
      controlPlane: c.controlPlane === 'direct' ? ('direct' as const) : ('static-pods' as const),
    };
  });
  const def = {
    name: d.metadata?.name ?? 'lab',
    student: { host: req(student.host, 'spec.student.host'), ip: req(student.ip, 'spec.student.ip'), user: student.user ?? 'candidate' },
    clusters,
  };
  checkOneNetwork(def);
  return def;
}

/**
 * checkOneNetwork refuses what the lab's one network cannot hold: two
 * machines with one name or address, or two clusters whose pod networks
 * overlap (a pod address must name one pod in the whole lab; service
 * networks may repeat, a cluster IP being reachable only from its cluster).
 */
function checkOneNetwork(def: LabDefinition): void {
  const names = new Map<string, string>([[def.student.host, 'spec.student']]);
  const ips = new Map<string, string>([[def.student.ip, 'spec.student']]);
  def.clusters.forEach((c, i) =>
    c.machines.forEach((m, j) => {
      const at = `spec.clusters[${i}].machines[${j}]`;
      if (names.has(m.name)) throw new LabDefinitionError(`lab definition: ${at}.name ${m.name} is already the name of ${names.get(m.name)}`);
      if (ips.has(m.ip)) throw new LabDefinitionError(`lab definition: ${at}.ip ${m.ip} is already the address of ${ips.get(m.ip)}`);
      names.set(m.name, at);
      ips.set(m.ip, at);
    }),
  );
  def.clusters.forEach((c, i) => {
    for (let j = 0; j < i; j++) {
      if (cidrsOverlap(c.podSubnet, def.clusters[j]!.podSubnet)) {
        throw new LabDefinitionError(`lab definition: spec.clusters[${i}].podSubnet ${c.podSubnet} overlaps spec.clusters[${j}].podSubnet ${def.clusters[j]!.podSubnet}: the clusters of a lab share one network, give each its own pod network`);
      }
    }
  });
}

/** cidrsOverlap tells whether two IPv4 networks share an address (unreadable ones never do). */
function cidrsOverlap(a: string, b: string): boolean {
  const range = (cidr: string): [number, number] | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (!m) return undefined;
    const bits = Number(m[5]);
    if (bits > 32) return undefined;
    const ip = m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
    const size = 2 ** (32 - bits);
    const start = ip - (ip % size);
    return [start, start + size - 1];
  };
  const x = range(a);
  const y = range(b);
  return !!x && !!y && x[0] <= y[1] && y[0] <= x[1];
}

/** defaultLab is the lab shipped with the project. */
export function defaultLab(): LabDefinition {
  return parseLabDefinition(DEFAULT_LAB);
}

export { DEFAULT_LAB };
