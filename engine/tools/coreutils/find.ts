import type { Process } from '../../host/process.ts';
import type { FileStat } from '../../host/types.ts';
import { patternRegex } from './lib/pattern.ts';
import { lsDate, modeString } from './lib/fmt.ts';
import { errText, groupName, idOf, userName } from './lib/io.ts';
import { absPath } from '../../host/fs/path.ts';
import { def } from './def.ts';

type Node =
  | { t: 'and' | 'or'; a: Node; b: Node }
  | { t: 'not'; a: Node }
  | { t: 'test'; fn: (c: Ctx) => boolean | Promise<boolean> }
  | { t: 'action'; fn: (c: Ctx) => boolean | Promise<boolean> };

interface Ctx {
  path: string;
  abs: string;
  name: string;
  st: FileStat;
  depth: number;
}

class FindError extends Error {}

function sizeTest(arg: string): (st: FileStat) => boolean {
  const m = /^([+-]?)(\d+)([bckMG]?)$/.exec(arg);
  if (!m) throw new FindError(`invalid argument \u2018${arg}\u2019 to \u2018-size\u2019`);
  const unit = { '': 512, b: 512, c: 1, k: 1024, M: 1048576, G: 1073741824 }[m[3] as 'b']!;
  const n = Number(m[2]);
  return (st) => {
    const v = Math.ceil(st.size / unit);
    return m[1] === '+' ? v > n : m[1] === '-' ? v < n : v === n;
  };
}

/** parse builds find's expression tree (implicit -a, -o, !, parentheses). */
function parse(p: Process, toks: string[], actions: { any: boolean }, ctxOut: { maxdepth: number; mindepth: number }): Node {
  let i = 0;
  const primary = (): Node => {
    const t = toks[i++];
    if (t === undefined) throw new FindError('expected an expression');
    if (t === '(') {
      const e = or();
      if (toks[i++] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      return e;
    }
    if (t === '!' || t === '-not') return { t: 'not', a: primary() };
    const arg = () => {
      const v = toks[i++];
      if (v === undefined) throw new FindError(`missing argument to \u2018${t}\u2019`);
      return v;
    };
    switch (t) {
      case '-name': case '-iname': {
        const re = patternRegex(arg(), { nocase: t === '-iname' });
        return { t: 'test', fn: (c) => re.test(c.name) };
      }
      case '-path': case '-wholename': case '-ipath': {
        const re = patternRegex(arg(), { nocase: t === '-ipath' });
        return { t: 'test', fn: (c) => re.test(c.path) };
      }
      case '-type': {
        const ty = arg();
        const map: Record<string, string> = { f: 'file', d: 'dir', l: 'symlink' };
        if (!/^[fdlcbps](,[fdlcbps])*$/.test(ty)) throw new FindError(`Unknown argument to -type: ${ty}`);
        const want = ty.split(',').map((x) => map[x]);
        return { t: 'test', fn: (c) => want.includes(c.st.type) };
      }
      case '-maxdepth': ctxOut.maxdepth = Number(arg()); return { t: 'test', fn: () => true };
      case '-mindepth': ctxOut.mindepth = Number(arg()); return { t: 'test', fn: () => true };
      case '-size': { const f = sizeTest(arg()); return { t: 'test', fn: (c) => f(c.st) }; }
      case '-empty': return { t: 'test', fn: (c) => (c.st.type === 'dir' ? p.fs.readdir(c.abs).length === 0 : c.st.type === 'file' && c.st.size === 0) };
      case '-user': { const u = arg(); const id = idOf(p, '/etc/passwd', u); if (id === undefined) throw new FindError(`\u2018${u}\u2019 is not the name of a known user`); return { t: 'test', fn: (c) => c.st.uid === id }; }
      case '-group': { const g = arg(); const id = idOf(p, '/etc/group', g); if (id === undefined) throw new FindError(`\u2018${g}\u2019 is not the name of an existing group`); return { t: 'test', fn: (c) => c.st.gid === id }; }
      case '-perm': {
        const m = arg();
        const mode = parseInt(m.replace(/^[-/]/, ''), 8);
        return { t: 'test', fn: (c) => (m.startsWith('-') ? (c.st.mode & mode) === mode : m.startsWith('/') ? (c.st.mode & mode) !== 0 : (c.st.mode & 0o7777) === mode) };
      }
      case '-mtime': case '-mmin': {
        const v = arg();
        const unit = t === '-mtime' ? 86400000 : 60000;
        const n = Number(v.replace(/^[+-]/, ''));
        return { t: 'test', fn: (c) => { const age = Math.floor((p.sys.runtime.now - c.st.mtime) / unit); return v.startsWith('+') ? age > n : v.startsWith('-') ? age < n : age === n; } };
      }
      case '-newer': { const ref = p.fs.stat(absPath(p.cwd, arg())).mtime; return { t: 'test', fn: (c) => c.st.mtime > ref }; }
      case '-true': return { t: 'test', fn: () => true };
      case '-false': return { t: 'test', fn: () => false };
      case '-print': actions.any = true; return { t: 'action', fn: (c) => (p.stdout.write(c.path + '\n'), true) };
      case '-print0': actions.any = true; return { t: 'action', fn: (c) => (p.stdout.write(c.path + '\0'), true) };
      case '-ls': actions.any = true; return { t: 'action', fn: (c) => (p.stdout.write(`${String(c.st.ino).padStart(9)} ${String(Math.ceil(c.st.size / 4096) * 4).padStart(6)} ${modeString(c.st)} ${String(c.st.nlink).padStart(3)} ${userName(p, c.st.uid).padEnd(8)} ${groupName(p, c.st.gid).padEnd(8)} ${String(c.st.size).padStart(8)} ${lsDate(c.st.mtime, p.sys.runtime.now)} ${c.path}\n`), true) };
      case '-printf': {
        actions.any = true;
        const fmt = arg();
        return { t: 'action', fn: (c) => (p.stdout.write(fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%([pfshuUgGmM%])/g, (_, k: string) => ({ p: c.path, f: c.name, s: String(c.st.size), h: c.path.includes('/') ? c.path.slice(0, c.path.lastIndexOf('/')) : '.', u: userName(p, c.st.uid), U: String(c.st.uid), g: groupName(p, c.st.gid), G: String(c.st.gid), m: (c.st.mode & 0o7777).toString(8), M: modeString(c.st), '%': '%' })[k] ?? '')), true) };
      }
      case '-delete': actions.any = true; return { t: 'action', fn: (c) => { try { if (c.st.type === 'dir') p.fs.rmdir(c.abs); else p.fs.unlink(c.abs); return true; } catch (e) { p.stderr.write(`find: cannot delete \u2018${c.path}\u2019: ${errText(e)}\n`); return false; } } };
      case '-exec': case '-ok': {
        actions.any = true;
        const cmd: string[] = [];
        while (i < toks.length && toks[i] !== ';' && toks[i] !== '+') cmd.push(toks[i++]!);
        const term = toks[i++];
        if (term === undefined || cmd.length === 0) throw new FindError(`missing argument to \u2018${t}\u2019`);
        if (term === '+') {
          const batch: string[] = [];
          pendingBatches.push({ cmd, batch });
          return { t: 'action', fn: (c) => (batch.push(c.path), true) };
        }
        return { t: 'action', fn: async (c) => (await runCmd(p, cmd.map((x) => x.replaceAll('{}', c.path)))) === 0 };
      }
      case '-prune': return { t: 'action', fn: (c) => ((c as Ctx & { prune?: boolean }).prune = true) };
      case '-quit': return { t: 'action', fn: () => { throw new QuitSignal(); } };
      default:
        throw new FindError(t.startsWith('-') ? `unknown predicate \`${t}'` : `paths must precede expression: \`${t}'`);
    }
  };
  const and = (): Node => {
    let e = primary();
    while (i < toks.length && toks[i] !== ')' && toks[i] !== '-o' && toks[i] !== '-or' && toks[i] !== ',') {
      if (toks[i] === '-a' || toks[i] === '-and') i++;
      e = { t: 'and', a: e, b: primary() };
    }
    return e;
  };
  const or = (): Node => {
    let e = and();
    while (toks[i] === '-o' || toks[i] === '-or') {
      i++;
      e = { t: 'or', a: e, b: and() };
    }
    return e;
  };
  if (toks.length === 0) return { t: 'test', fn: () => true };
  const e = or();
  if (i < toks.length) throw new FindError(`unexpected \u2018${toks[i]}\u2019`);
  return e;
}

class QuitSignal {}
let pendingBatches: Array<{ cmd: string[]; batch: string[] }> = [];

async function runCmd(p: Process, argv: string[]): Promise<number> {
  const exec = p.sys.session.exec;
  if (!exec) return 127;
  const code = await exec({ host: p.hostname, user: p.user.name, argv, inheritEnv: p.env, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal, quietNotFound: true });
  if (code === 127) p.stderr.write(`find: \u2018${argv[0]}\u2019: No such file or directory\n`);
  return code;
}

async function evaluate(n: Node, c: Ctx): Promise<boolean> {
  switch (n.t) {
    case 'and': return (await evaluate(n.a, c)) && evaluate(n.b, c);
    case 'or': return (await evaluate(n.a, c)) || evaluate(n.b, c);
    case 'not': return !(await evaluate(n.a, c));
    default: return n.fn(c);
  }
}

/** find walks directory trees evaluating tests and actions (-name -type -maxdepth -exec …). */
export const find = def(
  'find',
  async (p) => {
    const argv = p.argv.slice(1);
    let k = 0;
    while (k < argv.length && (argv[k] === '-L' || argv[k] === '-H' || argv[k] === '-P')) k++;
    const paths: string[] = [];
    while (k < argv.length && !/^[-(!)]/.test(argv[k]!) && argv[k] !== ',') paths.push(argv[k++]!);
    if (paths.length === 0) paths.push('.');
    const actions = { any: false };
    const limits = { maxdepth: Infinity, mindepth: 0 };
    pendingBatches = [];
    let expr: Node;
    try {
      expr = parse(p, argv.slice(k), actions, limits);
    } catch (e) {
      p.stderr.write(`find: ${(e as Error).message}\n`);
      return 1;
    }
    if (!actions.any) expr = { t: 'and', a: expr, b: { t: 'action', fn: (c) => (p.stdout.write(c.path + '\n'), true) } };
    const batches = pendingBatches;
    let code = 0;
    const visit = async (path: string, abs: string, depth: number): Promise<void> => {
      if (p.signal.interrupted) return;
      let st: FileStat;
      try {
        st = p.fs.lstat(abs);
      } catch (e) {
        p.stderr.write(`find: \u2018${path}\u2019: ${errText(e)}\n`);
        code = 1;
        return;
      }
      const c: Ctx & { prune?: boolean } = { path, abs, name: depth === 0 ? path.replace(/\/+$/, '').split('/').pop() || path : path.split('/').pop()!, st, depth };
      if (depth >= limits.mindepth) await evaluate(expr, c);
      if (st.type !== 'dir' || depth >= limits.maxdepth || c.prune) return;
      let names: string[];
      try {
        names = p.fs.readdir(abs);
      } catch (e) {
        p.stderr.write(`find: \u2018${path}\u2019: ${errText(e)}\n`);
        code = 1;
        return;
      }
      for (const n of names) await visit(path.endsWith('/') ? path + n : `${path}/${n}`, abs === '/' ? '/' + n : `${abs}/${n}`, depth + 1);
    };
    try {
      for (const root of paths) await visit(root, absPath(p.cwd, root), 0);
    } catch (e) {
      if (!(e instanceof QuitSignal)) throw e;
    }
    for (const b of batches) if (b.batch.length) {
      const argv2 = b.cmd.flatMap((x) => (x === '{}' ? b.batch : [x]));
      if ((await runCmd(p, argv2)) !== 0) code = 1;
    }
    return code;
  },
  'find - search for files in a directory hierarchy\n\nSYNOPSIS\n       find [starting-point...] [expression]\n\nDESCRIPTION\n       -name pattern, -type c, -maxdepth levels, -mindepth levels, -size n, -user name, -perm mode, -mtime n, -newer file, -empty, -exec command ;, -exec command {} +, -print, -delete',
);
