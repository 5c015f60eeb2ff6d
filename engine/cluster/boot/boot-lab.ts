import type { HostSnapshot } from '../../host/host.ts';
import type { MvccStore } from '../../store/mvcc.ts';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { defaultLab, type LabDefinition } from '../lab-definition.ts';
import { World, type MachineSpec } from '../world.ts';
import { bootDirect, type ClusterHandle } from './direct.ts';
import { bootStaticPods, putEtcdData } from './static-pods.ts';
import { bootPrepared } from './prepared.ts';

/** RestoreFrom is a saved lab's durable state: every machine's disk and each cluster's etcd data. */
export interface RestoreFrom {
  hosts: HostSnapshot[];
  etcd: Record<string, MvccStore>;
  /** now is the simulated time the lab was saved at */
  now: number;
}

/** BootedLab is a world with its clusters running. */
export interface BootedLab {
  def: LabDefinition;
  world: World;
  clusters: ClusterHandle[];
}

/**
 * bootLab creates every machine of a lab definition and brings its clusters
 * up, then gives the student user a kubeconfig with one context per cluster.
 */
export function bootLab(opts: BootLabOptions = {}): BootedLab {
  const { def, world } = makeWorld(opts);
  const restore = opts.restore;
  const clusters = def.clusters.map((c) => bootDirect(world, c, restore?.etcd[c.name] ? { kv: restore.etcd[c.name]!, now: restore.now } : undefined));
  return finish(def, world, clusters, !!restore);
}

/** BootLabOptions are a lab's definition, its seed and start time, or a saved lab to restore. */
export interface BootLabOptions {
  def?: LabDefinition;
  seed?: number;
  start?: number;
  restore?: RestoreFrom;
}

/**
 * bootLabAsync is bootLab for labs whose clusters may run their control plane
 * as static pods (controlPlane: static-pods): those come up through their
 * kubelets, which takes simulated time; the others boot as bootLab does.
 */
export async function bootLabAsync(opts: BootLabOptions = {}): Promise<BootedLab> {
  const { def, world } = makeWorld(opts);
  const restore = opts.restore;
  const clusters: ClusterHandle[] = [];
  for (const c of def.clusters) {
    // The etcd data lives in the member's data dir on the control-plane host: restoring the files restores it.
    const saved = restore?.etcd[c.name];
    if (saved && (c.controlPlane === 'static-pods' || c.installed === false)) putEtcdData(world.mustHost(c.machines.find((m) => m.role === 'control-plane')!.name).fs, saved);
    if (c.installed === false) clusters.push(bootPrepared(world, c));
    else if (c.controlPlane === 'static-pods') {
      clusters.push(await bootStaticPods(world, c, restore ? { now: restore.now } : undefined));
    } else clusters.push(bootDirect(world, c, restore?.etcd[c.name] ? { kv: restore.etcd[c.name]!, now: restore.now } : undefined));
  }
  return finish(def, world, clusters, !!restore);
}

/** makeWorld creates a lab's machines (and puts a saved lab's disks back). */
function makeWorld(opts: BootLabOptions): { def: LabDefinition; world: World } {
  const def = opts.def ?? defaultLab();
  const world = new World({ seed: opts.seed ?? 1, start: opts.start ?? DEFAULT_EPOCH });
  const studentUser = { name: def.student.user, uid: 1000, sudo: 'nopasswd' as const };
  const machines: MachineSpec[] = [
    { name: def.student.host, ip: def.student.ip, users: [studentUser] },
    ...def.clusters.flatMap((c) => c.machines.map((m) => ({ name: m.name, ip: m.ip, users: [studentUser] }))),
  ];
  for (const m of machines) world.addMachine(m, machines);
  // The disks come back first, so everything that starts reads what was saved.
  for (const snap of opts.restore?.hosts ?? []) world.host(snap.name)?.restore(snap);
  return { def, world };
}

/** finish gives the student the clusters' kubeconfigs (a restored lab has them on its disks already). */
function finish(def: LabDefinition, world: World, clusters: ClusterHandle[], restored: boolean): BootedLab {
  if (restored) {
    world.runtime.settle();
    return { def, world, clusters };
  }
  const student = world.mustHost(def.student.host);
  const home = `/home/${def.student.user}`;
  // A cluster kubeadm has not built yet has no kubeconfig: the candidate copies admin.conf after init.
  const installed = clusters.filter((c) => c.pki);
  if (installed.length) {
    student.fs.mkdir(`${home}/.kube`, { recursive: true });
    student.fs.writeFile(`${home}/.kube/config`, mergeKubeconfigs(installed), { mode: 0o600, uid: 1000, gid: 1000 });
    student.fs.chown(`${home}/.kube`, 1000, 1000);
  }
  for (const c of installed) {
    const cp = world.mustHost(c.spec.machines.find((m) => m.role === 'control-plane')!.name);
    cp.fs.mkdir(`${home}/.kube`, { recursive: true });
    cp.fs.writeFile(`${home}/.kube/config`, c.kubeconfig.replace(/kubernetes-admin@kubernetes/g, c.spec.context), { mode: 0o600, uid: 1000, gid: 1000 });
    cp.fs.chown(`${home}/.kube`, 1000, 1000);
  }
  world.runtime.settle();
  return { def, world, clusters };
}

/** mergeKubeconfigs gives the student one kubeconfig naming every cluster, as exam terminals do. */
function mergeKubeconfigs(clusters: ClusterHandle[]): string {
  if (clusters.length === 1) return clusters[0]!.kubeconfig.replace(/kubernetes-admin@kubernetes/g, clusters[0]!.spec.context);
  const parts = clusters.map((c) => {
    const admin = c.pki!.kubeconfigs['admin.conf']!;
    return {
      cluster: `- cluster:\n    certificate-authority-data: ${b64(c.pki!.cas['ca']!.certPem)}\n    server: ${admin.server}\n  name: ${c.spec.name}\n`,
      context: `- context:\n    cluster: ${c.spec.name}\n    user: ${c.spec.name}-admin\n  name: ${c.spec.context}\n`,
      user: `- name: ${c.spec.name}-admin\n  user:\n    client-certificate-data: ${b64(admin.certPem)}\n    client-key-data: ${b64(admin.keyPem)}\n`,
    };
  });
  return `apiVersion: v1\nclusters:\n${parts.map((p) => p.cluster).join('')}contexts:\n${parts.map((p) => p.context).join('')}current-context: ${clusters[0]!.spec.context}\nkind: Config\npreferences: {}\nusers:\n${parts.map((p) => p.user).join('')}`;
}

function b64(s: string): string {
  return btoaUtf8(s);
}

import { btoaUtf8 } from '../../base/base64.ts';
