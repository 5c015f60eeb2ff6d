/**
 * resource.Quantity as k8s.io/apimachinery/pkg/api/resource keeps it: a
 * fixed-point number with nano precision (values finer than 1n are rounded
 * up, away from zero) and the format it was written in, which decides the
 * canonical text: "0.5" → "500m", "1024Mi" → "1Gi", "1000M" → "1G",
 * "1e3" stays "1e3".
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** QUANTITY_FORMAT_MSG is resource.ErrFormatWrong's text. */
export const QUANTITY_FORMAT_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** QUANTITY_SUFFIX_MSG is resource.ErrSuffix's text. */
export const QUANTITY_SUFFIX_MSG = "unable to parse quantity's suffix";
/** QUANTITY_NUMERIC_MSG is resource.ErrNumeric's text. */
export const QUANTITY_NUMERIC_MSG = 'unable to parse numeric part of quantity';

/** QuantityError is a parse failure carrying apimachinery's message. */
export class QuantityError extends Error {}

const NANO = 1_000_000_000n;
const MAX_INT64 = (1n << 63n) - 1n;
const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIX).map(([k, v]) => [v, k]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIX).map(([k, v]) => [v, k]));

/** Quantity is an immutable resource amount: nanos is the value times 10^9. */
export class Quantity {
  constructor(
    readonly nanos: bigint,
    readonly format: QuantityFormat = 'DecimalSI',
  ) {}

  /** isZero reports a zero amount. */
  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** sign is -1, 0 or 1. */
  sign(): number {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  /** cmp compares two quantities (-1, 0, 1). */
  cmp(o: Quantity): number {
    return this.nanos < o.nanos ? -1 : this.nanos > o.nanos ? 1 : 0;
  }

  /** add is Quantity.Add: the format stays the receiver's unless it is zero. */
  add(o: Quantity): Quantity {
    return new Quantity(this.nanos + o.nanos, this.isZero() ? o.format : this.format);
  }

  /** sub is Quantity.Sub (same format rule as add). */
  sub(o: Quantity): Quantity {
    return new Quantity(this.nanos - o.nanos, this.isZero() ? o.format : this.format);
  }

  /** neg flips the sign. */
  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** milliValue is MilliValue(): the value in thousandths, rounded up away from zero (CPU millicores). */
  milliValue(): number {
    return Number(divUp(this.nanos, 1_000_000n));
  }

  /** value is Value(): the integer value rounded up away from zero (memory bytes). */
  value(): number {
    return Number(divUp(this.nanos, NANO));
  }

  /** toString is the canonical form Quantity.String() and the apiserver's JSON use. */
  toString(): string {
    if (this.nanos === 0n) return '0';
    const neg = this.nanos < 0n;
    const abs = neg ? -this.nanos : this.nanos;
    let format = this.format;
    if (format === 'BinarySI') {
      // Small or fractional binary amounts are written in decimal so nothing is rounded.
      if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
    }
    let body: string;
    if (format === 'BinarySI') {
      let mant = abs / NANO;
      let exp = 0;
      while (mant % 1024n === 0n && exp < 60) {
        mant /= 1024n;
        exp += 10;
      }
      body = `${mant}${BIN_BY_EXP.get(exp) ?? ''}`;
    } else {
      // Largest exponent (a multiple of 3, at least -9) that keeps the mantissa whole.
      let mant = abs;
      let exp = -9;
      while (mant % 1000n === 0n) {
        mant /= 1000n;
        exp += 3;
      }
      body = `${mant}${decSuffix(exp, format)}`;
    }
    return neg ? `-${body}` : body;
  }

  /** toJSON lets JSON.stringify write the canonical string. */
  toJSON(): string {
    return this.toString();
  }
}

function decSuffix(exp: number, format: QuantityFormat): string {
  if (format === 'DecimalSI') {
    const s = DEC_BY_EXP.get(exp);
    if (s !== undefined) return s;
  }
  return exp === 0 ? '' : `e${exp}`;
}

/** divUp divides rounding away from zero, as inf.RoundUp does. */
function divUp(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : a > 0n ? q + 1n : q - 1n;
}

/** splitQuantity is parseQuantityString: sign, integer digits, fraction digits, suffix. */
function splitQuantity(str: string): { positive: boolean; num: string; denom: string; suffix: string } {
  let pos = 0;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < str.length && str[pos] === '0') pos++;
  if (pos >= str.length) return { positive, num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (pos < str.length && isDigit(str[pos]!)) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const d = pos;
    while (pos < str.length && isDigit(str[pos]!)) pos++;
    denom = str.slice(d, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < str.length && isDigit(str[pos]!)) pos++;
  if (pos < str.length) throw new QuantityError(QUANTITY_FORMAT_MSG);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** parseQuantity is resource.ParseQuantity; it throws QuantityError with apimachinery's messages. */
export function parseQuantity(input: string): Quantity {
  const str = input;
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_MSG);
  // A string must start with a sign, a digit or a dot, as the regular expression says.
  if (!/^[+-]?[0-9.]/.test(str)) throw new QuantityError(QUANTITY_FORMAT_MSG);
  const { positive, num, denom, suffix } = splitQuantity(str);
  let format: QuantityFormat;
  let base10 = 0;
  let base2 = 0;
  if (suffix in DEC_SUFFIX) {
    format = 'DecimalSI';
    base10 = DEC_SUFFIX[suffix]!;
  } else if (suffix in BIN_SUFFIX) {
    format = 'BinarySI';
    base2 = BIN_SUFFIX[suffix]!;
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    base10 = Number(suffix.slice(1));
  } else {
    throw new QuantityError(QUANTITY_SUFFIX_MSG);
  }
  // Exact arithmetic: digits × 10^(base10 - len(denom)) × 2^base2, expressed in nanos and rounded up.
  const digits = BigInt(num + denom);
  const scale = base10 - denom.length + 9;
  const mult = 1n << BigInt(base2);
  let nanos: bigint;
  if (scale >= 0) {
    nanos = digits * 10n ** BigInt(scale) * mult;
  } else {
    const div = 10n ** BigInt(-scale);
    const n = digits * mult;
    nanos = n / div + (n % div === 0n ? 0n : 1n);
  }
  if (format === 'BinarySI' && nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
  return new Quantity(positive ? nanos : -nanos, format);
}

/** tryParseQuantity returns the quantity or the error message. */
export function tryParseQuantity(input: unknown): Quantity | QuantityError {
  try {
    return quantityOf(input);
  } catch (e) {
    if (e instanceof QuantityError) return e;
    throw e;
  }
}

/**
 * quantityOf reads a JSON quantity: a string, or a number (which apimachinery
 * accepts and reads through its string form).
 */
export function quantityOf(v: unknown): Quantity {
  if (v instanceof Quantity) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return parseQuantity(numberText(v));
  if (typeof v === 'string') return parseQuantity(v);
  throw new QuantityError(QUANTITY_FORMAT_MSG);
}

function numberText(n: number): string {
  const s = String(n);
  // JavaScript writes large and tiny numbers as 1e+21 / 1e-7; the parser takes e21 / e-7.
  return s.replace('e+', 'e');
}

/** canonicalQuantity returns the canonical text of a JSON quantity (throws QuantityError). */
export function canonicalQuantity(v: unknown): string {
  return quantityOf(v).toString();
}

/** milliQuantity is resource.NewMilliQuantity. */
export function milliQuantity(milli: number, format: QuantityFormat = 'DecimalSI'): Quantity {
  return new Quantity(BigInt(Math.trunc(milli)) * 1_000_000n, format);
}

/** intQuantity is resource.NewQuantity. */
export function intQuantity(value: number, format: QuantityFormat = 'DecimalSI'): Quantity {
  return new Quantity(BigInt(Math.trunc(value)) * NANO, format);
}

/** ZERO is a zero DecimalSI quantity. */
export const ZERO = new Quantity(0n, 'DecimalSI');
