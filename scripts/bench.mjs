// `npm run bench [name]`: the benchmarks run on the engine bundled as the app
// ships it (one esbuild bundle, no per-module loader, no kept function names),
// not on the TypeScript sources through a loader.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const outdir = 'node_modules/.cache/kubelab-bench';
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: `${outdir}/run.mjs`,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', `${outdir}/run.mjs`, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
