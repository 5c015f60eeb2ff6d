import type { Process } from '../../host/process.ts';
import { activeSwaps, writeSwaps, type SwapEntry } from './kernel.ts';

/** fstabSwaps lists the swap lines of /etc/fstab that are not commented out. */
export function fstabSwaps(p: Process): Array<{ file: string; priority?: number }> {
  let text = '';
  try {
    text = p.fs.readFile('/etc/fstab');
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => !l.trim().startsWith('#')).map((l) => l.trim().split(/\s+/)).filter((f) => f[2] === 'swap').map((f) => ({ file: f[0]! }));
}

function human(kb: number): string {
  if (kb === 0) return '0B';
  const units = ['K', 'M', 'G', 'T'];
  let v = kb;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1).replace(/\.0$/, '')}${units[i]}`;
}

/** showText is `swapon --show`: NAME TYPE SIZE USED PRIO, empty when no swap is active. */
export function showText(list: SwapEntry[]): string {
  if (list.length === 0) return '';
  const rows = [['NAME', 'TYPE', 'SIZE', 'USED', 'PRIO'], ...list.map((s) => [s.file, s.type, human(s.sizeKb), human(s.usedKb), String(s.priority)])];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' ')).join('\n') + '\n';
}

/** runSwapon is /usr/sbin/swapon: --show (also with no arguments), -a from /etc/fstab, or one device. */
export async function runSwapon(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  if (args.length === 0 || args.includes('--show') || args.includes('-s') || args.includes('--summary')) {
    if (args.includes('-s') || args.includes('--summary')) {
      p.stdout.write('Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n' + activeSwaps(p.fs).map((s) => `${s.file.padEnd(40)}${s.type}\t\t${s.sizeKb}\t\t${s.usedKb}\t\t${s.priority}\n`).join(''));
    } else p.stdout.write(showText(activeSwaps(p.fs)));
    return 0;
  }
  const wanted = args.includes('-a') || args.includes('--all') ? fstabSwaps(p).map((f) => f.file) : args.filter((a) => !a.startsWith('-'));
  const active = activeSwaps(p.fs);
  for (const f of wanted) {
    if (active.some((s) => s.file === f)) {
      if (!args.includes('-a')) {
        p.stderr.write(`swapon: ${f}: swapon failed: Device or resource busy\n`);
        return 255;
      }
      continue;
    }
    if (!p.fs.exists(f)) {
      p.stderr.write(`swapon: cannot open ${f}: No such file or directory\n`);
      return 255;
    }
    if (p.user.uid !== 0) {
      p.stderr.write(`swapon: ${f}: swapon failed: Operation not permitted\n`);
      return 255;
    }
    active.push({ file: f, type: 'file', sizeKb: 2097148, usedKb: 0, priority: -2 - active.length });
  }
  writeSwaps(p.fs, active);
  return 0;
}

/** runSwapoff is /usr/sbin/swapoff: -a turns every active swap off. */
export async function runSwapoff(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const all = args.includes('-a') || args.includes('--all');
  const names = args.filter((a) => !a.startsWith('-'));
  if (!all && names.length === 0) {
    p.stderr.write('Usage:\n swapoff [options] [<spec>]\n\nDisable devices and files for paging and swapping.\n');
    return 2;
  }
  const active = activeSwaps(p.fs);
  const off = all ? active.map((s) => s.file) : names;
  if (p.user.uid !== 0 && off.length) {
    p.stderr.write(`swapoff: ${off[0]}: swapoff failed: Operation not permitted\n`);
    return 255;
  }
  for (const n of names) {
    if (!active.some((s) => s.file === n)) {
      p.stderr.write(`swapoff: ${n}: swapoff failed: Invalid argument\n`);
      return 255;
    }
  }
  writeSwaps(p.fs, active.filter((s) => !off.includes(s.file)));
  return 0;
}
