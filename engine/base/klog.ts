/** KlogSeverity is klog's level letter: Info, Warning, Error, Fatal. */
export type KlogSeverity = 'I' | 'W' | 'E' | 'F';

/**
 * klogHeader is the prefix of every line klog writes, as Kubernetes programs
 * (kubelet, kubectl -v, the control plane, add-ons) log:
 * `I0105 09:00:05.123456    1234 file.go:123] `. The microseconds are the
 * simulated time's: its milliseconds, then the fraction of one.
 */
export function klogHeader(sev: KlogSeverity, now: number, pid: number, file: string): string {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000 + (Math.floor(now * 1000) % 1000)).padStart(6, '0');
  return `${sev}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${file}] `;
}
