// `npm start`: installs what is missing, builds the app if it is stale, and serves it on
// localhost, printing the URL. One command on a fresh machine.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync('node_modules')) run('npm', ['ci', '--no-audit', '--no-fund']);
const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const sources = Math.max(...['app', 'engine', 'exercises', 'public'].filter(existsSync).map(newest), existsSync('index.html') ? statSync('index.html').mtimeMs : 0);
if (built < sources) run('npx', ['vite', 'build', '--logLevel', 'warn']);
const port = process.env.PORT ?? '8080';
run('node', ['--import', 'tsx', 'bin/cli.ts', 'web', '--port', port]);
