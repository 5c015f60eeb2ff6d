// Records the goldens of the shell and the coreutils from the real tools:
// each case runs as `bash -c SCRIPT` in a fresh fixture folder, and its
// stdout, stderr and exit status are saved. The engine's tests replay the same
// cases in the simulated shell and compare.
//
//   node scripts/record-golden/shell.mjs            # both suites
//   node scripts/record-golden/shell.mjs coreutils  # one suite
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { save } from './lib.mjs';

const SUITES = {
  bash: { cases: 'engine/shell/testdata/bash-cases.json', golden: 'engine/shell/testdata/bash-golden.json', fixture: 'engine/shell/testdata/fixture.json' },
  coreutils: { cases: 'engine/tools/coreutils/testdata/cases.json', golden: 'engine/tools/coreutils/testdata/golden.json', fixture: 'engine/tools/coreutils/testdata/fixture.json' },
};

/** buildFixture lays out the fixture folder described by fixture.json, with fixed modes and times. */
function buildFixture(fx) {
  rmSync(fx.root, { recursive: true, force: true });
  mkdirSync(fx.root, { recursive: true });
  for (const d of fx.dirs ?? []) mkdirSync(join(fx.root, d), { recursive: true });
  for (const [f, text] of Object.entries(fx.files ?? {})) {
    mkdirSync(dirname(join(fx.root, f)), { recursive: true });
    writeFileSync(join(fx.root, f), text);
  }
  for (const [l, target] of Object.entries(fx.links ?? {})) symlinkSync(target, join(fx.root, l));
  for (const [f, mode] of Object.entries(fx.modes ?? {})) chmodSync(join(fx.root, f), parseInt(mode, 8));
  // Times last, deepest first, so creating entries does not move a folder's mtime again.
  const all = execFileSync('find', [fx.root, '-depth'], { encoding: 'utf8' }).trim().split('\n');
  for (const p of all) execFileSync('touch', ['-h', '-d', fx.mtime, p]);
}

function record(name) {
  const s = SUITES[name];
  const fx = JSON.parse(readFileSync(s.fixture, 'utf8'));
  const { cases } = JSON.parse(readFileSync(s.cases, 'utf8'));
  const out = {};
  for (const c of cases) {
    buildFixture(fx);
    const r = spawnSync('/bin/bash', ['-c', c.script], {
      argv0: 'bash',
      cwd: fx.root,
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC', TERM: 'dumb', COLUMNS: '80' },
      input: c.stdin ?? '',
      encoding: 'utf8',
      timeout: 20000,
    });
    out[c.name] = { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + 15 };
  }
  rmSync(fx.root, { recursive: true, force: true });
  save(s.golden, JSON.stringify(out, null, 1) + '\n');
}

const which = process.argv.slice(2);
for (const name of which.length ? which : Object.keys(SUITES)) record(name);
