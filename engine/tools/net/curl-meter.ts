import type { Process } from '../../host/process.ts';
import type { CurlOptions } from './curl-args.ts';

/**
 * curl's progress meter (lib/progress.c), written to stderr when the body
 * does not go to a terminal: `kubectl exec pod -- curl svc`, `curl url > f`,
 * `curl -o f url`. A terminal shows only its last line, as every update
 * starts with a carriage return; the lab draws the first and the last.
 */

const HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** the transfer time the lab reports for a completed exchange (as -w %{time_total} does) */
const TRANSFER_S = 0.002143;

/** max5data is a byte count in at most five characters: 12345, 1234k, 12.3M, 1234M. */
function max5(bytes: number): string {
  const K = 1024;
  const M = K * K;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * K) return `${Math.floor(bytes / K)}`.padStart(4) + 'k';
  if (bytes < 100 * M) return `${Math.floor(bytes / M)}`.padStart(2) + '.' + Math.floor((bytes % M) / (M / 10)) + 'M';
  return `${Math.floor(bytes / M)}`.padStart(4) + 'M';
}

/** time2str is a duration as h:mm:ss, or --:--:-- below one second. */
function time2str(seconds: number): string {
  const s = Math.floor(seconds);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** MeterState is what one update line reports. */
interface MeterState {
  downloaded: number;
  /** the announced body size (Content-Length), when known */
  dlSize?: number;
  uploaded: number;
  spentMs: number;
}

const pct = (cur: number, total: number | undefined): number => (total === undefined || total <= 0 ? 0 : total > 10000 ? Math.floor(cur / Math.floor(total / 100)) : Math.floor((cur * 100) / total));

/** line is one update: "\r%3d %s  %3d %s  %3d %s  %s  %s %s %s %s %s" of progress.c. */
function line(st: MeterState): string {
  const total = st.uploaded + (st.dlSize ?? st.downloaded);
  const secs = st.spentMs / 1000;
  const rate = (n: number) => (secs > 0 ? Math.floor(n / secs) : 0);
  return (
    `\r${String(pct(st.downloaded + st.uploaded, total)).padStart(3)} ${max5(total)}  ` +
    `${String(pct(st.downloaded, st.dlSize)).padStart(3)} ${max5(st.downloaded)}  ` +
    `${String(st.uploaded > 0 ? 100 : 0).padStart(3)} ${max5(st.uploaded)}  ` +
    `${max5(rate(st.downloaded))}  ${max5(rate(st.uploaded))} --:--:-- ${time2str(secs)} --:--:-- ${max5(rate(st.downloaded + st.uploaded))}`
  );
}

const IDLE: MeterState = { downloaded: 0, uploaded: 0, spentMs: 0 };

/** Meter draws one transfer's progress meter, or nothing when curl would not. */
export class Meter {
  private readonly on: boolean;

  constructor(
    private readonly p: Process,
    o: CurlOptions,
  ) {
    const toStdout = !o.output || o.output === '-';
    this.on = !o.silent && !o.noProgress && !(toStdout && p.stdout.isTTY);
  }

  /** start draws the header and the first, empty, update; a name that does not resolve ends the meter there. */
  start(): void {
    if (this.on) this.p.stderr.write(HEADER + line(IDLE));
  }

  /** failed ends a transfer that reached the network and failed after spentMs. */
  failed(spentMs: number): void {
    if (this.on) this.p.stderr.write(`${line({ ...IDLE, spentMs })}\n`);
  }

  /** done ends a transfer that received a response. */
  done(downloaded: number, dlSize: number | undefined, uploaded: number): void {
    if (this.on) this.p.stderr.write(`${line({ downloaded, dlSize, uploaded, spentMs: TRANSFER_S * 1000 })}\n`);
  }
}
