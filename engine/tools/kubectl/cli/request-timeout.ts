import { parseSignedDuration } from './flags.ts';

/**
 * requestTimeoutMs reads --request-timeout as client-go's ParseTimeout does: a
 * non-negative integer is seconds, anything else a Go duration; "" or "0"
 * means no limit. kubectl refuses any other value before its first request.
 */
export function requestTimeoutMs(value: string | undefined): number {
  const v = value ?? '';
  if (v === '') return 0;
  if (/^[+]?\d+$/.test(v)) return Number(v) * 1000;
  const ms = parseSignedDuration(v);
  if (ms === undefined) throw new Error('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
  return ms;
}
