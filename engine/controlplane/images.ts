import type { Program } from '../host/process.ts';
import type { ImageDef } from '../node/images/types.ts';
import { apiServerProgram } from './programs/apiserver.ts';
import { controllerManagerProgram } from './programs/controller-manager.ts';
import { etcdProgram } from './programs/etcd.ts';
import { schedulerProgram } from './programs/scheduler.ts';
import { idleDaemon } from './programs/idle.ts';
import { corednsProgram } from '../network/coredns/program.ts';
import { kubeProxyProgram } from '../network/kube-proxy/program.ts';

/**
 * The control-plane images kubeadm runs, for the Kubernetes releases the lab
 * offers (1.33–1.35, every published patch), with kubeadm's etcd, CoreDNS
 * and pause tags for each minor (cmd/kubeadm/app/constants). Each image's
 * binary is a Program that reads its flags like the real one. pause is a
 * workload image (engine/node/images) and is not repeated here.
 */

/** ControlPlaneTags are the image tags kubeadm uses for one Kubernetes release. */
export interface ControlPlaneTags {
  kubernetes: string;
  etcd: string;
  coredns: string;
  pause: string;
}

const BY_MINOR: Record<number, { etcd: string; coredns: string; pause: string; lastPatch: number }> = {
  33: { etcd: '3.5.21-0', coredns: 'v1.12.0', pause: '3.10', lastPatch: 7 },
  34: { etcd: '3.6.4-0', coredns: 'v1.12.1', pause: '3.10.1', lastPatch: 3 },
  35: { etcd: '3.6.6-0', coredns: 'v1.13.1', pause: '3.10.1', lastPatch: 0 },
};

/** controlPlaneImageTags answers the tags `kubeadm config images list` prints for a release ("1.34.1"). */
export function controlPlaneImageTags(version: string): ControlPlaneTags {
  const minor = Number(version.replace(/^v/, '').split('.')[1]);
  const row = BY_MINOR[minor] ?? BY_MINOR[minor < 33 ? 33 : 35]!;
  return { kubernetes: `v${version.replace(/^v/, '')}`, etcd: row.etcd, coredns: row.coredns, pause: row.pause };
}

/** RELEASES are the Kubernetes versions whose component images exist ("1.33.0" … "1.35.0"). */
export const RELEASES: string[] = Object.entries(BY_MINOR).flatMap(([minor, r]) => Array.from({ length: r.lastPatch + 1 }, (_, p) => `1.${minor}.${p}`));

const DISTROLESS_PATH = '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';

function componentImage(repository: string, version: string, binary: string, program: Program, size: number): ImageDef {
  return {
    repository,
    tags: [`v${version}`],
    size,
    entrypoint: [`/usr/local/bin/${binary}`],
    cmd: [],
    env: { PATH: DISTROLESS_PATH },
    binaries: { [binary]: program },
    binaryPaths: { [binary]: `/usr/local/bin/${binary}` },
  };
}

function etcdImage(tag: string): ImageDef {
  const version = tag.replace(/-\d+$/, '');
  return {
    repository: 'registry.k8s.io/etcd',
    tags: [tag],
    size: version.startsWith('3.6') ? 23_000_000 : 57_680_541,
    entrypoint: [],
    cmd: [],
    env: { PATH: DISTROLESS_PATH },
    binaries: { etcd: etcdProgram(version), etcdctl: idleDaemon('etcdctl'), etcdutl: idleDaemon('etcdutl') },
    binaryPaths: { etcd: '/usr/local/bin/etcd', etcdctl: '/usr/local/bin/etcdctl', etcdutl: '/usr/local/bin/etcdutl' },
  };
}

/** CONTROL_PLANE_IMAGES are every control-plane image of every offered release. */
export const CONTROL_PLANE_IMAGES: ImageDef[] = [
  ...RELEASES.flatMap((v) => [
    componentImage('registry.k8s.io/kube-apiserver', v, 'kube-apiserver', apiServerProgram(v), 28_000_000),
    componentImage('registry.k8s.io/kube-controller-manager', v, 'kube-controller-manager', controllerManagerProgram(v), 26_000_000),
    componentImage('registry.k8s.io/kube-scheduler', v, 'kube-scheduler', schedulerProgram(v), 20_000_000),
    componentImage('registry.k8s.io/kube-proxy', v, 'kube-proxy', kubeProxyProgram(v), 30_000_000),
  ]),
  ...[...new Set(Object.values(BY_MINOR).map((r) => r.etcd))].map(etcdImage),
  ...[...new Set(Object.values(BY_MINOR).map((r) => r.coredns))].map((tag) => ({
    repository: 'registry.k8s.io/coredns/coredns',
    tags: [tag],
    size: 22_000_000,
    entrypoint: ['/coredns'],
    cmd: [],
    env: { PATH: DISTROLESS_PATH },
    binaries: { coredns: corednsProgram(tag) },
    binaryPaths: { coredns: '/coredns' },
  })),
];
