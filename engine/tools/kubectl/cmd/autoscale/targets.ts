import { parseQuantity, QuantityError } from '../../../../base/quantity.ts';

/** A metric target as `kubectl autoscale --cpu/--memory` reads it: a utilization percent, or an average value. */
export type MetricTarget = { type: 'Utilization'; averageUtilization: number } | { type: 'AverageValue'; averageValue: string };

/** DEFAULT_UNIT is the unit of a bare number: milliCPU for cpu, mebibytes for memory. */
const DEFAULT_UNIT = { cpu: 'm', memory: 'Mi' } as const;

/** goG prints a float as Go's %g does (shortest digits; an exponent below 1e-4 or from 1e6 on, written e+06). */
export function goG(v: number): string {
  const [mant, exp] = v.toExponential().split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 6) return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(v);
}

/** parseInt32 is strconv.ParseInt(s, 10, 32): optional sign and decimal digits, within int32. */
function parseInt32(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

/** parseFloat64 is strconv.ParseFloat(s, 64) for what a flag holds: decimal or exponent notation, inf and nan. */
function parseFloat64(s: string): number | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  return undefined;
}

/**
 * parseResourceInput is kubectl 1.34's parseResourceInput: "70%" is a
 * utilization, a quantity with units ("500m", "2Gi") an average value, and a
 * bare number takes the resource's unit ("500" → 500m of cpu, 200Mi of memory).
 * It throws Error with kubectl's texts.
 */
export function parseResourceInput(input: string, resource: 'cpu' | 'memory'): MetricTarget {
  const text = input.trim();
  if (text === '') throw new Error('empty input');
  if (text.endsWith('%')) {
    const v = parseInt32(text.slice(0, -1));
    if (v === undefined || v < 0) throw new Error(`invalid percentage value: ${text.slice(0, -1)}`);
    return { type: 'Utilization', averageUtilization: v };
  }
  const f = parseFloat64(text);
  if (f !== undefined) {
    // the number is printed back with the unit and parsed as a quantity, whose error is kubectl's as it comes
    return { type: 'AverageValue', averageValue: parseQuantity(`${goG(f)}${DEFAULT_UNIT[resource]}`).toString() };
  }
  try {
    return { type: 'AverageValue', averageValue: parseQuantity(text).toString() };
  } catch (e) {
    if (e instanceof QuantityError) throw new Error(`invalid resource ${resource} value: ${text}`);
    throw e;
  }
}
