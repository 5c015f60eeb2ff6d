import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

function splitItems(text: string, delim: string | undefined): string[] {
  if (delim !== undefined) return text.split(delim).filter((x, i, a) => !(i === a.length - 1 && x === ''));
  const out: string[] = [];
  let cur = '';
  let q: string | undefined;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === q) q = undefined;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      has = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (cur !== '' || has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (cur !== '' || has) out.push(cur);
  return out;
}

async function run(p: Process, argv: string[]): Promise<number> {
  const exec = p.sys.session.exec;
  if (!exec) return 127;
  const code = await exec({ host: p.hostname, user: p.user.name, argv, inheritEnv: p.env, cwd: p.cwd, stdin: { read: async () => null, isTTY: false }, stdout: p.stdout, stderr: p.stderr, signal: p.signal, quietNotFound: true });
  if (code === 127) p.stderr.write(`xargs: ${argv[0]}: No such file or directory\n`);
  return code;
}

/** xargs builds command lines from stdin (-n, -I, -0, -d, -r, -t). */
export const xargs = def(
  'xargs',
  async (p) => {
    const args = p.argv.slice(1);
    let n: number | undefined;
    let repl: string | undefined;
    let delim: string | undefined;
    let noRunEmpty = false;
    let trace = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n') n = Number(args[++i]);
      else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
      else if (a === '-I' || a === '-i') repl = a === '-i' ? '{}' : args[++i];
      else if (a.startsWith('-I')) repl = a.slice(2);
      else if (a === '-0' || a === '--null') delim = '\0';
      else if (a === '-d') delim = args[++i]?.replace('\\n', '\n');
      else if (a === '-r' || a === '--no-run-if-empty') noRunEmpty = true;
      else if (a === '-t' || a === '--verbose') trace = true;
      else if (a === '-L' || a === '-P' || a === '-s') i++;
      else if (a === '--') {
        i++;
        break;
      } else if (a.startsWith('-')) {
        p.stderr.write(`xargs: invalid option -- '${a.slice(1, 2)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nRun COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n\nTry 'xargs --help' for more information.\n`);
        return 1;
      } else break;
    }
    const cmd = args.slice(i).length ? args.slice(i) : ['echo'];
    let text = '';
    for (;;) {
      const c = await p.stdin.read();
      if (c === null) break;
      text += c;
    }
    let items: string[];
    try {
      items = repl !== undefined ? text.split('\n').filter((x) => x.trim() !== '').map((x) => x.replace(/^\s+/, '')) : splitItems(text, delim);
    } catch {
      p.stderr.write(`xargs: unmatched quote; by default quotes are special to xargs unless you use the -0 option\n`);
      return 1;
    }
    if (items.length === 0 && (noRunEmpty || repl !== undefined)) return 0;
    let worst = 0;
    const batches: string[][] = repl !== undefined ? items.map((it) => cmd.map((c) => c.replaceAll(repl!, it))) : [];
    if (repl === undefined) {
      const size = n ?? Math.max(1, items.length);
      if (items.length === 0) batches.push([...cmd]);
      for (let k = 0; k < items.length; k += size) batches.push([...cmd, ...items.slice(k, k + size)]);
    }
    for (const argv of batches) {
      if (p.signal.interrupted) return 130;
      if (trace) p.stderr.write(argv.join(' ') + '\n');
      const code = await run(p, argv);
      if (code === 127 || code === 126) return code;
      if (code === 255) {
        p.stderr.write(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
        return 124;
      }
      if (code !== 0) worst = 123;
    }
    return worst;
  },
  'xargs - build and execute command lines from standard input\n\nSYNOPSIS\n       xargs [options] [command [initial-arguments]]\n\nDESCRIPTION\n       -I replace-str\n              Replace occurrences of replace-str in the initial-arguments with names read from standard input.\n       -n max-args\n              Use at most max-args arguments per command line.\n       -0     Input items are terminated by a null character.',
);
