// `npm test`: typecheck, unit + golden + oracle tests (vitest), build, end-to-end tests
// (Playwright in Debian's Chromium), and the exercise packs. Prints one line at the end:
// "N passed, M failed", counting every test of every stage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const stages = [];
/** failures names every failed test, so the last lines of a run say what broke. */
const failures = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  stages.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

if (!existsSync('node_modules')) run('install', 'npm', ['ci', '--no-audit', '--no-fund']);

// 1. Typecheck: the engine against plain ES2022 (no DOM), everything else with DOM and Node types.
for (const [name, project] of [
  ['typecheck engine', 'engine/tsconfig.json'],
  ['typecheck tests', 'engine/tsconfig.test.json'],
  ['typecheck app', 'tsconfig.json'],
]) {
  if (run(name, 'npx', ['tsc', '--noEmit', '-p', project])) passed++;
  else failed++;
}

// 2. Unit, golden, oracle and differential tests.
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`]);
if (existsSync(`${results}/vitest.json`)) {
  const r = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  for (const file of r.testResults ?? []) {
    const rel = file.name.replace(process.cwd() + '/', '');
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) failures.push(`${rel}: ${(file.message ?? '').split('\n')[0]}`);
    for (const t of file.assertionResults ?? []) if (t.status === 'failed') failures.push(`${rel} › ${t.fullName}: ${(t.failureMessages?.[0] ?? '').split('\n')[0]}`);
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
} else {
  failed++;
}

// 3. Build the app and run the end-to-end tests against it.
if (existsSync('playwright.config.ts')) {
  if (run('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
    run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` });
    if (existsSync(`${results}/playwright.json`)) {
      const r = JSON.parse(readFileSync(`${results}/playwright.json`, 'utf8'));
      const visit = (suite) => {
        for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(`${spec.file} › ${spec.title}`);
        for (const s of suite.suites ?? []) visit(s);
      };
      for (const s of r.suites ?? []) visit(s);
      passed += r.stats.expected ?? 0;
      failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0);
    } else {
      failed++;
    }
  } else {
    failed++;
  }
}

if (failures.length) console.log('\nfailed:\n' + failures.map((f) => `  ${f.slice(0, 300)}`).join('\n'));
console.log('\n' + stages.map((s) => `${s.ok ? 'ok  ' : 'FAIL'} ${s.name}`).join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
