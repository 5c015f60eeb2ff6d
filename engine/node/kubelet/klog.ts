import { klogHeader } from '../../base/klog.ts';
import type { Writable } from '../../host/streams.ts';

/** Klog writes the kubelet's log lines in klog's header format, the way journalctl shows them. */
export interface Klog {
  info(file: string, msg: string, kv?: Record<string, unknown>): void;
  error(file: string, msg: string, kv?: Record<string, unknown>): void;
  warning(file: string, msg: string, kv?: Record<string, unknown>): void;
}

function kvText(kv: Record<string, unknown> | undefined): string {
  if (!kv) return '';
  return Object.entries(kv)
    .map(([k, v]) => ` ${k}=${typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(',')}]` : String(v)}`)
    .join('');
}

export { klogHeader } from '../../base/klog.ts';

/** makeKlog writes structured klog lines ("msg" key="value") to out. */
export function makeKlog(out: Writable, now: () => number, pid: () => number): Klog {
  const line = (sev: 'I' | 'W' | 'E', file: string, msg: string, kv?: Record<string, unknown>) => out.write(`${klogHeader(sev, now(), pid(), file)}${JSON.stringify(msg)}${kvText(kv)}\n`);
  return {
    info: (f, m, kv) => line('I', f, m, kv),
    warning: (f, m, kv) => line('W', f, m, kv),
    error: (f, m, kv) => line('E', f, m, kv),
  };
}

/** NULL_KLOG drops every line (a kubelet started directly in tests). */
export const NULL_KLOG: Klog = { info: () => {}, error: () => {}, warning: () => {} };
