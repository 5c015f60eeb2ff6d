import { Collector, StringReader } from '../../host/streams.ts';
import { Interrupt } from '../../host/interrupt.ts';
import type { Host } from '../../host/host.ts';
import { parseTime } from '../../base/clock.ts';
import { macrotaskYield, pump } from './pump.ts';
import type { TestTerminal } from './lab.ts';

/** Fixture is the folder a golden case runs in (testdata/fixture.json). */
export interface Fixture {
  root: string;
  mtime: string;
  dirs?: string[];
  files?: Record<string, string>;
  links?: Record<string, string>;
  modes?: Record<string, string>;
}

/** GOLDEN_ENV is the environment the recorder gives `bash -c`. */
export const GOLDEN_ENV: Record<string, string> = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC', TERM: 'dumb', COLUMNS: '80',
};

function removeTree(host: Host, path: string): void {
  const fs = host.fs;
  let st;
  try {
    st = fs.lstat(path);
  } catch {
    return;
  }
  if (st.type === 'dir') {
    for (const n of fs.readdir(path)) removeTree(host, `${path}/${n}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}

/** buildFixture lays out a fixture in a host's filesystem exactly as the recorder does on disk. */
export function buildFixture(host: Host, fx: Fixture): void {
  const fs = host.fs;
  removeTree(host, fx.root);
  fs.mkdir(fx.root, { recursive: true });
  for (const d of fx.dirs ?? []) fs.mkdir(`${fx.root}/${d}`, { recursive: true });
  for (const [f, text] of Object.entries(fx.files ?? {})) {
    const p = `${fx.root}/${f}`;
    fs.mkdir(p.slice(0, p.lastIndexOf('/')), { recursive: true });
    fs.writeFile(p, text);
  }
  for (const [l, target] of Object.entries(fx.links ?? {})) fs.symlink(target, `${fx.root}/${l}`);
  for (const [f, mode] of Object.entries(fx.modes ?? {})) fs.chmod(`${fx.root}/${f}`, parseInt(mode, 8));
  const t = parseTime(fx.mtime.replace(' ', 'T') + 'Z')!;
  const touch = (p: string) => {
    const st = fs.lstat(p);
    if (st.type === 'dir') for (const n of fs.readdir(p)) touch(`${p}/${n}`);
    fs.utimes?.(p, t, { noFollow: true });
  };
  touch(fx.root);
}

/** Outcome is what a golden case printed. */
export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

/** runScript runs a script like `bash -c` as root in the fixture folder and collects its output. */
export async function runScript(t: TestTerminal, fx: Fixture, script: string, stdin = ''): Promise<Outcome> {
  const out = new Collector();
  const err = new Collector();
  const p = t.session.exec({ host: 'controlplane', user: 'root', command: script, cwd: fx.root, inheritEnv: { ...GOLDEN_ENV }, stdin: new StringReader(stdin), stdout: out, stderr: err, signal: new Interrupt() });
  const code = await pump(t.lab.runtime, p, macrotaskYield, { maxSimMs: 600_000 });
  return { stdout: out.text, stderr: err.text, code };
}
