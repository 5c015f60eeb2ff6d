const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const COMPONENT = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * parseGoDuration is Go's time.ParseDuration in milliseconds: an optional
 * sign, then numbers each with a unit ("1m30s", "1.5h", ".5s", "-1s"); "0"
 * alone needs no unit. Undefined for what Go refuses ("", "5", "1d", "1 s").
 * Every duration flag of the Go tools reads its value this way.
 */
export function parseGoDuration(s: string): number | undefined {
  const sign = s[0] === '-' ? -1 : 1;
  const rest = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  COMPONENT.lastIndex = 0;
  while (COMPONENT.lastIndex < rest.length) {
    const m = COMPONENT.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return sign * total;
}

/** parseUnsignedGoDuration is parseGoDuration for values that may not carry a sign (a TTL, a timeout read as a length). */
export function parseUnsignedGoDuration(s: string): number | undefined {
  return /^[+-]/.test(s) ? undefined : parseGoDuration(s);
}

/**
 * goDurationError is why Go's time.ParseDuration refuses s, in its words
 * (`time: missing unit in duration "5"`, `time: unknown unit "d" in duration
 * "1d"`, `time: invalid duration "abc"`), or undefined when s is a duration.
 * Flag errors quote it: `invalid argument "5" for "--timeout" flag: …`.
 */
export function goDurationError(s: string): string | undefined {
  const q = JSON.stringify;
  const invalid = `time: invalid duration ${q(s)}`;
  let rest = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (rest === '0') return undefined;
  if (rest === '') return invalid;
  while (rest !== '') {
    const num = /^(\d*)(\.(\d*))?/.exec(rest)!;
    if (!(rest[0] === '.' || /\d/.test(rest[0]!))) return invalid;
    if (num[1] === '' && (num[3] ?? '') === '') return invalid;
    rest = rest.slice(num[0].length);
    const unit = /^[^.\d]*/.exec(rest)![0];
    if (unit === '') return `time: missing unit in duration ${q(s)}`;
    if (!(unit in UNIT_MS)) return `time: unknown unit ${q(unit)} in duration ${q(s)}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

/** durationFlagError is pflag's refusal of a duration flag's value, or undefined when Go reads it. */
export function durationFlagError(flag: string, value: string): string | undefined {
  const why = goDurationError(value);
  return why && `invalid argument "${value}" for "${flag}" flag: ${why}`;
}
