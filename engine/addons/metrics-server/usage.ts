import type { KObject } from '../../api/types.ts';
import { parseQuantity } from '../../base/quantity.ts';

/** Usage is what a cgroup reports: CPU in millicores and the working set in bytes. */
export interface Usage {
  cpuMilli: number;
  memoryBytes: number;
}

interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

const MI = 1024 * 1024;

/** fnv1a hashes a text to 32 bits (a stable per-container draw from the cluster's seed). */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function bytesOf(v: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(v);
  if (!m) return 0;
  return Number(m[1]) * ({ '': 1, b: 1, k: 1024, m: MI, g: 1024 * MI } as Record<string, number>)[m[2]!.toLowerCase()]!;
}

/** stressLoad reads polinux/stress's flags: --cpu N workers spin a core each, --vm N workers hold --vm-bytes each. */
function stressLoad(argv: string[]): Usage | undefined {
  const at = argv.findIndex((a) => a === 'stress' || a.endsWith('/stress'));
  if (at < 0) return undefined;
  let cpu = 0;
  let vm = 0;
  let bytes = 256 * MI;
  for (let i = at + 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--cpu' || a === '-c') cpu = Number(argv[++i]) || 0;
    else if (a === '--vm' || a === '-m') vm = Number(argv[++i]) || 0;
    else if (a === '--vm-bytes') bytes = bytesOf(argv[++i] ?? '');
  }
  return { cpuMilli: cpu * 1000, memoryBytes: vm * bytes };
}

/** busyLoop tells a shell that spins without sleeping (`while true; do :; done`, `yes > /dev/null`, `dd if=/dev/zero`). */
function busyLoop(argv: string[]): boolean {
  const text = argv.join(' ');
  if (/\bdd\b[^;]*if=\/dev\/zero/.test(text) || /\byes\b[^;|]*>\s*\/dev\/null/.test(text)) return true;
  return /while\s+(true|:)\s*;/.test(text) && !/\bsleep\b/.test(text);
}

/** limitOf reads a container's limit (millicores or bytes), Infinity when none. */
function limitOf(c: ContainerSpec, res: 'cpu' | 'memory'): number {
  const v = c.resources?.limits?.[res];
  if (!v) return Infinity;
  const q = parseQuantity(v);
  return res === 'cpu' ? q.milliValue() : q.value();
}

/**
 * IDLE_PROFILES are the idle ranges (millicores, MiB) of the cluster's own
 * components as `kubectl top` shows them on a small kubeadm cluster: the
 * apiserver is the largest, etcd and the controller manager follow, and the
 * node agents stay small. A container draws its figure inside its range.
 */
const IDLE_PROFILES: { image: RegExp; cpu: [number, number]; memMi: [number, number] }[] = [
  { image: /\/kube-apiserver(:|@|$)/, cpu: [28, 45], memMi: [240, 320] },
  { image: /\/etcd(:|@|$)/, cpu: [14, 24], memMi: [38, 62] },
  { image: /\/kube-controller-manager(:|@|$)/, cpu: [9, 16], memMi: [42, 58] },
  { image: /\/kube-scheduler(:|@|$)/, cpu: [2, 5], memMi: [18, 26] },
  { image: /\/kube-proxy(:|@|$)/, cpu: [1, 2], memMi: [12, 19] },
  { image: /\/coredns(:|@|$)/, cpu: [1, 3], memMi: [12, 19] },
  { image: /\/metrics-server(:|@|$)/, cpu: [3, 6], memMi: [17, 24] },
  { image: /\/ingress-nginx\/controller(:|@|$)/, cpu: [1, 3], memMi: [40, 75] },
  { image: /calico\/node(:|@|$)/, cpu: [18, 32], memMi: [95, 130] },
  { image: /calico\/(kube-controllers|apiserver)(:|@|$)/, cpu: [1, 3], memMi: [15, 24] },
  { image: /tigera\/operator(:|@|$)/, cpu: [2, 4], memMi: [24, 34] },
  { image: /flannel(:|@|$)/, cpu: [2, 5], memMi: [10, 16] },
  { image: /local-path-provisioner(:|@|$)/, cpu: [1, 1], memMi: [7, 11] },
];

/**
 * containerUsage simulates one running container's usage, stable over time:
 * images that declare load (polinux/stress flags, a busy shell loop) use what
 * they ask for, capped by the container's limits (CPU is throttled); every
 * other container idles at a small baseline drawn from the cluster's seed.
 */
export function containerUsage(pod: KObject, c: ContainerSpec, seed: number): Usage {
  const draw = fnv1a(`${pod.metadata.uid ?? pod.metadata.name}/${c.name}`, seed);
  const image = c.image ?? '';
  const profile = IDLE_PROFILES.find((p) => p.image.test(image));
  const base: Usage = profile
    ? { cpuMilli: profile.cpu[0] + (draw % (profile.cpu[1] - profile.cpu[0] + 1)), memoryBytes: (profile.memMi[0] + ((draw >>> 4) % (profile.memMi[1] - profile.memMi[0] + 1))) * MI + ((draw >>> 12) % 1024) * 1024 }
    : { cpuMilli: 1 + (draw % 3), memoryBytes: (2 + ((draw >>> 4) % 14)) * MI + ((draw >>> 12) % 1024) * 1024 };
  if (/(^|\/)nginx(:|@|$)/.test(image) || /(^|\/)httpd(:|@|$)/.test(image)) base.memoryBytes += 4 * MI;
  if (/(^|\/)(mysql|postgres|redis)(:|@|$)/.test(image)) base.memoryBytes += 60 * MI;
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const stress = stressLoad(argv);
  const load: Usage = stress ? { cpuMilli: stress.cpuMilli + base.cpuMilli, memoryBytes: stress.memoryBytes + base.memoryBytes } : busyLoop(argv) ? { cpuMilli: 1000, memoryBytes: base.memoryBytes } : base;
  return { cpuMilli: Math.min(load.cpuMilli, limitOf(c, 'cpu')), memoryBytes: Math.min(load.memoryBytes, limitOf(c, 'memory')) };
}

/** runningContainers lists the spec of each container of a pod that the kubelet reports running. */
export function runningContainers(pod: KObject): ContainerSpec[] {
  const spec = (pod.spec ?? {}) as { containers?: ContainerSpec[] };
  const statuses = ((pod.status ?? {}) as { containerStatuses?: { name: string; state?: { running?: unknown } }[] }).containerStatuses ?? [];
  const running = new Set(statuses.filter((s) => s.state?.running).map((s) => s.name));
  return (spec.containers ?? []).filter((c) => running.has(c.name));
}

/** nodeOverhead is what the node's own daemons use (kubelet, containerd, the control plane's static pods count as pods). */
export function nodeOverhead(nodeName: string, seed: number): Usage {
  const draw = fnv1a(`node/${nodeName}`, seed);
  return { cpuMilli: 20 + (draw % 20), memoryBytes: (380 + ((draw >>> 8) % 120)) * MI };
}
