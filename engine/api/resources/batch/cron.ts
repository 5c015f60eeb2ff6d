/**
 * validateCronSchedule mirrors robfig/cron's standard parser as CronJob
 * validation uses it: five fields or a @descriptor, with its error texts.
 */

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const RANGES: [number, number, Record<string, number>?][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12, { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }],
  [0, 6, { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }],
];

function parseValue(s: string, names?: Record<string, number>): number {
  const n = names?.[s.toLowerCase()];
  if (n !== undefined) return n;
  if (!/^[0-9]+$/.test(s)) throw new Error(`failed to parse int from ${s}: strconv.Atoi: parsing "${s}": invalid syntax`);
  return Number(s);
}

function checkField(field: string, [lo, hi, names]: [number, number, Record<string, number>?]): void {
  for (const part of field.split(',')) {
    const [range, step] = part.split('/');
    if (step !== undefined) parseValue(step);
    if (range === '*' || range === '?') continue;
    const [a, b] = range!.split('-');
    const start = parseValue(a!, names);
    const end = b === undefined ? start : parseValue(b, names);
    if (start < lo) throw new Error(`beginning of range (${start}) below minimum (${lo}): ${part}`);
    if (end > hi) throw new Error(`end of range (${end}) above maximum (${hi}): ${part}`);
    if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
  }
}

/** cronScheduleError returns the parser's message for a bad schedule, or undefined. */
export function cronScheduleError(schedule: string): string | undefined {
  const s = schedule.trim();
  if (s.startsWith('@')) {
    if (DESCRIPTORS.has(s) || s.startsWith('@every ')) return undefined;
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${s}`;
  try {
    fields.forEach((f, i) => checkField(f, RANGES[i]!));
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}
