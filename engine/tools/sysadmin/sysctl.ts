import type { Process } from '../../host/process.ts';
import type { FileSystem } from '../../host/types.ts';
import { sysctlPath } from './kernel.ts';

/** SYSCTL_DIRS are read by `sysctl --system`, in priority order (a file name in an earlier folder hides later ones). */
export const SYSCTL_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'];

interface Opts {
  n: boolean;
  quiet: boolean;
  write: boolean;
  ignore: boolean;
}

function keyOf(path: string): string {
  return path.replace(/^\/proc\/sys\//, '').replace(/\//g, '.');
}

/** readKey prints one key ("net.ipv4.ip_forward = 1"), or the procps error. */
function readKey(p: Process, key: string, o: Opts): number {
  const path = sysctlPath(key);
  let v: string;
  try {
    if (p.fs.stat(path).type === 'dir') return walk(p, path, o);
    v = p.fs.readFile(path).replace(/\n$/, '');
  } catch {
    if (!o.ignore) p.stderr.write(`sysctl: cannot stat ${path}: No such file or directory\n`);
    return o.ignore ? 0 : 1;
  }
  p.stdout.write(o.n ? `${v}\n` : `${keyOf(path)} = ${v}\n`);
  return 0;
}

function walk(p: Process, dir: string, o: Opts): number {
  let names: string[] = [];
  try {
    names = p.fs.readdir(dir).sort();
  } catch {
    return 0;
  }
  for (const n of names) readKey(p, keyOf(`${dir}/${n}`), o);
  return 0;
}

/** writeKey sets "key=value", echoing it as procps does; lines from a file may start with "-" to ignore a missing key. */
function writeKey(p: Process, setting: string, o: Opts): number {
  const eq = setting.indexOf('=');
  if (eq <= 0) {
    p.stderr.write(`sysctl: "${setting}" must be of the form name=value\n`);
    return 1;
  }
  let key = setting.slice(0, eq).trim();
  const ignore = key.startsWith('-');
  if (ignore) key = key.slice(1);
  const value = setting.slice(eq + 1).trim().replace(/\s+/g, ' ');
  const path = sysctlPath(key);
  if (!p.fs.exists(path)) {
    if (ignore || o.ignore) return 0;
    p.stderr.write(`sysctl: cannot stat ${path}: No such file or directory\n`);
    return 1;
  }
  if (p.user.uid !== 0) {
    p.stderr.write(`sysctl: permission denied on key "${key}"\n`);
    return 1;
  }
  p.fs.writeFile(path, value + '\n');
  if (!o.quiet) p.stdout.write(o.n ? `${value}\n` : `${key} = ${value}\n`);
  return 0;
}

/** applyFile applies a sysctl.conf-style file, returning the combined status. */
function applyFile(p: Process, path: string, o: Opts): number {
  let text: string;
  try {
    text = p.fs.readFile(path);
  } catch {
    p.stderr.write(`sysctl: cannot open "${path}": No such file or directory\n`);
    return 1;
  }
  let rc = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    rc |= writeKey(p, line, o);
  }
  return rc ? 1 : 0;
}

/** systemFiles lists what --system applies, in order, ending with /etc/sysctl.conf. */
export function systemFiles(fs: FileSystem): string[] {
  const byName = new Map<string, string>();
  for (const d of SYSCTL_DIRS) {
    let names: string[] = [];
    try {
      names = fs.readdir(d);
    } catch {
      continue;
    }
    for (const n of names) if (n.endsWith('.conf') && !byName.has(n)) byName.set(n, `${d}/${n}`);
  }
  const files = [...byName.keys()].sort().map((k) => byName.get(k)!);
  if (fs.exists('/etc/sysctl.conf')) files.push('/etc/sysctl.conf');
  return files;
}

/** runSysctl is /usr/sbin/sysctl (procps-ng 3.3.17). */
export async function runSysctl(p: Process): Promise<number> {
  const o: Opts = { n: false, quiet: false, write: false, ignore: false };
  const args: string[] = [];
  let mode: 'get' | 'all' | 'load' | 'system' = 'get';
  let loadFile: string | undefined;
  const argv = p.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--system') mode = 'system';
    else if (a === '-a' || a === '-A' || a === '-X' || a === '--all') mode = 'all';
    else if (a === '-p' || a === '--load') {
      mode = 'load';
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) loadFile = argv[++i];
    } else if (a.startsWith('--load=')) {
      mode = 'load';
      loadFile = a.slice(7);
    } else if (a.startsWith('-p') && a.length > 2) {
      mode = 'load';
      loadFile = a.slice(2);
    } else if (a === '--version' || a === '-V') {
      p.stdout.write('sysctl from procps-ng 3.3.17\n');
      return 0;
    } else if (/^-[nqwebN]+$/.test(a)) {
      if (a.includes('n')) o.n = true;
      if (a.includes('q')) o.quiet = true;
      if (a.includes('w')) o.write = true;
      if (a.includes('e')) o.ignore = true;
    } else if (a === '--values') o.n = true;
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--write') o.write = true;
    else if (a === '--ignore') o.ignore = true;
    else if (a.startsWith('-')) {
      p.stderr.write(`sysctl: invalid option -- '${a.replace(/^-+/, '')[0]}'\nUsage:\n sysctl [options] [variable[=value] ...]\n`);
      return 1;
    } else args.push(a);
  }
  if (mode === 'all') return walk(p, '/proc/sys', o);
  if (mode === 'system') {
    let rc = 0;
    for (const f of systemFiles(p.fs)) {
      if (!o.quiet) p.stdout.write(`* Applying ${f} ...\n`);
      rc |= applyFile(p, f, o);
    }
    return rc ? 1 : 0;
  }
  if (mode === 'load') return applyFile(p, loadFile ?? '/etc/sysctl.conf', o);
  if (args.length === 0) {
    p.stderr.write('\nUsage:\n sysctl [options] [variable[=value] ...]\n\nOptions:\n  -a, --all            display all variables\n  -A                   alias of -a\n  -X                   alias of -a\n      --deprecated     include deprecated parameters to listing\n  -b, --binary         print value without new line\n  -e, --ignore         ignore unknown variables errors\n  -N, --names          print variable names without values\n  -n, --values         print only values of the given variable(s)\n  -p, --load[=<file>]  read values from file\n  -f                   alias of -p\n      --system         read values from all system directories\n  -r, --pattern <expression>\n                       select setting that match expression\n  -q, --quiet          do not echo variable set\n  -w, --write          enable writing a value to variable\n  -o                   does nothing\n  -x                   does nothing\n  -d                   alias of -h\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see sysctl(8).\n');
    return 1;
  }
  let rc = 0;
  for (const a of args) rc |= o.write || a.includes('=') ? writeKey(p, a, o) : readKey(p, a, o);
  return rc ? 1 : 0;
}
