import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { BENCHES } from './registry.ts';
import type { Bench, BenchResult } from './types.ts';

/** CHILD marks the process that runs one benchmark and hands its results back as JSON. */
const CHILD = 'KUBELAB_BENCH_ONE';
/** MARK precedes the child's results on its stdout (anything printed before it is ignored). */
const MARK = '\n@kubelab-bench-results@';

/** runAlone runs one benchmark in a fresh process, so no benchmark pays for the heap or compiled code another left behind. */
function runAlone(bench: Bench): Promise<BenchResult[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!], { env: { ...process.env, [CHILD]: bench.name }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out.slice(out.lastIndexOf(MARK) + MARK.length)) as BenchResult[]);
      } catch {
        resolve([{ name: bench.name, value: NaN, unit: 'ms', note: `failed: exit ${code}` }]);
      }
    });
  });
}

async function runHere(bench: Bench): Promise<BenchResult[]> {
  try {
    return await bench.run();
  } catch (err) {
    return [{ name: bench.name, value: NaN, unit: 'ms', note: `failed: ${(err as Error).message}` }];
  }
}

/** `npm run bench`: runs every benchmark, each in its own process, prints one table and writes bench/results/<time>.json. */
async function main(): Promise<void> {
  const one = process.env[CHILD];
  if (one) {
    const bench = BENCHES.find((b) => b.name === one)!;
    const results = await runHere(bench);
    process.stdout.write(MARK + JSON.stringify(results));
    return;
  }
  const only = process.argv[2];
  const results: BenchResult[] = [];
  for (const bench of BENCHES) {
    if (only && !bench.name.includes(only)) continue;
    process.stderr.write(`running ${bench.name}…\n`);
    results.push(...(await runAlone(bench)));
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
