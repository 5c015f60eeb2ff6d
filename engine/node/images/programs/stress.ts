import type { Program } from '../../../host/process.ts';
import type { ContainerSys } from '../../runtime/services.ts';
import { untilStopped } from './serve.ts';

function bytesOf(v: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(v);
  if (!m) return NaN;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as ''] ?? 1;
  return Number(m[1]) * mult;
}

/** stress (polinux/stress) allocates --vm-bytes of memory per --vm worker and holds it: over the container's limit, the kernel kills it. */
export const stress: Program = async (p) => {
  const args = p.argv.slice(1);
  let vm = 0;
  let bytes = 256 * 1024 * 1024;
  let cpu = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--vm' || a === '-m') vm = Number(args[++i]);
    else if (a === '--vm-bytes') bytes = bytesOf(args[++i] ?? '');
    else if (a === '--cpu' || a === '-c') cpu = Number(args[++i]);
    else if (a === '--vm-hang' || a === '--timeout' || a === '-t' || a === '--io' || a === '-i' || a === '--hdd' || a === '-d') i++;
  }
  if (Number.isNaN(bytes)) {
    p.stderr.write(`stress: FAIL: [1] (${'244'}) invalid number: ${args[args.indexOf('--vm-bytes') + 1]}\n`);
    return 1;
  }
  p.stdout.write(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
  const sys = p.sys as ContainerSys;
  if (vm > 0) sys.allocate?.(vm * bytes);
  return untilStopped(p, () => {});
};
