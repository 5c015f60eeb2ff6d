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
 * containerUsage simulates one running container's usage, stable over time:
 * images that declare load (polinux/stress flags, a busy shell loop) use what
 * they ask for, capped by the container's limits (CPU is throttled); every
 * other container idles at a small baseline drawn from the cluster's seed.
 */
export function containerUsage(pod: KObject, c: ContainerSpec, seed: number): Usage {
  const draw = fnv1a(`${pod.metadata.uid ?? pod.metadata.name}/${c.name}`, seed);
  const image = c.image ?? '';
  const base: Usage = { cpuMilli: 1 + (draw % 3), memoryBytes: (2 + ((draw >>> 4) % 14)) * MI + ((draw >>> 12) % 1024) * 1024 };
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
