/**
 * humanDuration renders a duration the way kubectl's AGE column does
 * (k8s.io/apimachinery/pkg/util/duration.HumanDuration): 45s, 5m12s, 3h4m, 2d3h, 400d, 2y10d.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * humanDurationHoldsUntil is a duration up to which humanDuration(ms) is sure
 * not to change: the next boundary of the smallest unit the text shows
 * (a second for "5m12s", a minute for "3h4m", a day for "400d"). Caches of
 * AGE cells use it to know when to render them again.
 */
export function humanDurationHoldsUntil(ms: number): number {
  if (ms < 0) return ms + 1; // "<invalid>" and "0s" around zero: no promise beyond this instant
  const unit = ms < 10 * MINUTE ? SECOND : ms < 8 * HOUR ? MINUTE : ms < 8 * DAY ? HOUR : ms < 8 * YEAR ? DAY : YEAR;
  return (Math.floor(ms / unit) + 1) * unit;
}

/**
 * shortHumanDuration is duration.ShortHumanDuration, used where kubectl prints a
 * coarse duration (for example "Last Schedule" of a CronJob in some printers).
 */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** translateTimestampSince is the printers' helper: "<unknown>" for a missing time, else humanDuration(now - t). */
export function translateTimestampSince(t: number | undefined, now: number): string {
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}
