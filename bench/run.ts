import { mkdirSync, writeFileSync } from 'node:fs';
import { BENCHES } from './registry.ts';
import type { BenchResult } from './types.ts';

/** `npm run bench`: runs every benchmark, prints one table and writes bench/results/<time>.json. */
async function main(): Promise<void> {
  const only = process.argv[2];
  const results: BenchResult[] = [];
  for (const bench of BENCHES) {
    if (only && !bench.name.includes(only)) continue;
    process.stderr.write(`running ${bench.name}…\n`);
    try {
      results.push(...(await bench.run()));
    } catch (err) {
      results.push({ name: bench.name, value: NaN, unit: 'ms', note: `failed: ${(err as Error).message}` });
    }
  }
  // A baseline measured by one bench is attached to the figure of another it compares with.
  for (const b of results.filter((r) => r.baselineFor)) {
    const target = results.find((r) => r.name === b.baselineFor);
    if (target && !Number.isNaN(b.value)) target.baseline = { name: b.name, value: b.value };
  }
  printTable(results);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
  writeFileSync('bench/results/latest.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nresults written to ${file}`);
}

function fmt(n: number): string {
  if (Number.isNaN(n)) return '-';
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(3);
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => {
    const aim = r.aim ? `${r.aim.op} ${r.aim.value} ${r.unit}` : '';
    const ok = !r.aim || Number.isNaN(r.value) ? '' : (r.aim.op === '<' ? r.value < r.aim.value : r.value > r.aim.value) ? 'yes' : 'NO';
    const base = r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit} (x${fmt(r.baseline.value / r.value)})` : '';
    return [r.name, `${fmt(r.value)} ${r.unit}`, aim, ok, [base, r.note ?? ''].filter(Boolean).join('; ')];
  });
  const head = ['benchmark', 'result', 'aim', 'met', 'baseline / note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

await main();
