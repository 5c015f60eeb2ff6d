import { TabWriter } from '../../printers/tabwriter.ts';

/**
 * PrefixWriter is describe's output: lines indented two spaces per level,
 * cells separated by tabs and aligned by Go's tabwriter (minwidth 0,
 * padding 2) across consecutive lines, as kubectl's tabbedString does.
 */
export class PrefixWriter {
  private buf = '';
  private out = '';

  /** aligned false keeps the tabs as written: kubectl's prefix writer over a plain buffer (rollout undo's dry run). */
  constructor(private readonly aligned = true) {}

  /** write adds text at an indent level (0…). */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }

  /** line writes a whole line at level 0 (WriteLine). */
  line(...parts: string[]): void {
    this.buf += parts.join(' ') + '\n';
  }

  /** flush aligns what was written so far; later text starts new column blocks. */
  flush(): void {
    if (!this.buf) return;
    if (!this.aligned) {
      this.out += this.buf;
      this.buf = '';
      return;
    }
    const tw = new TabWriter(0, 2, false);
    const trailing = this.buf.endsWith('\n');
    tw.write(trailing ? this.buf : this.buf + '\n');
    let text = tw.flush();
    if (!trailing) text = text.slice(0, -1);
    this.out += text;
    this.buf = '';
  }

  /** text returns everything, aligned. */
  text(): string {
    this.flush();
    return this.out;
  }
}

/** rfc1123z is Go's time.RFC1123Z in UTC ("Mon, 02 Jan 2006 15:04:05 +0000"). */
export function rfc1123z(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** humanDuration is apimachinery's duration.HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(seconds / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** since is translateTimestampSince: "<unknown>" for no time, else the human age. */
export function since(iso: string | undefined | null, now: number): string {
  if (!iso) return '<unknown>';
  return humanDuration(now - Date.parse(iso));
}

/** printLabels is printLabelsMultiline: sorted k=v, one per line, or <none>. */
export function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** printAnnotations is printAnnotationsMultiline (last-applied-configuration is left out). */
export function printAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const a = { ...(annotations ?? {}) };
  delete a['kubectl.kubernetes.io/last-applied-configuration'];
  const keys = Object.keys(a).sort();
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = a[k]!.replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** stringOrNone is "<none>" for an empty string. */
export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

/** goBool is Go's %v of a bool ("true"/"false"). */
export function printBool(b: boolean | undefined): string {
  return b ? 'True' : 'False';
}
