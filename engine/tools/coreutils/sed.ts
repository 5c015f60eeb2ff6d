import type { Process } from '../../host/process.ts';
import { PROGRAM_STEP_LIMIT } from './lib/step-limit.ts';
import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, resolve } from './lib/io.ts';
import { parseSed, SedError, type Addr, type Cmd } from './lib/sed-script.ts';
import { def } from './def.ts';

interface Line {
  text: string;
  n: number;
  last: boolean;
}

function substitute(c: Cmd, s: string, lastRe: RegExp | null): string | undefined {
  const re = c.re ?? lastRe;
  if (!re) return undefined;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let count = 0;
  let changed = false;
  const out = s.replace(g, (...m) => {
    count++;
    const groups = m.slice(0, -2).filter((x) => typeof x === 'string' || x === undefined) as (string | undefined)[];
    if (c.nth !== undefined ? count < c.nth || (count > c.nth && !c.global) : !c.global && count > 1) return m[0] as string;
    changed = true;
    return expand(c.repl ?? '', groups);
  });
  return changed ? out : undefined;
}

function expand(repl: string, g: (string | undefined)[]): string {
  let out = '';
  let mode: '' | 'U' | 'L' = '';
  let once: '' | 'u' | 'l' = '';
  const add = (t: string) => {
    for (const ch of t) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once === 'u') c = c.toUpperCase();
      else if (once === 'l') c = c.toLowerCase();
      once = '';
      out += c;
    }
  };
  for (let i = 0; i < repl.length; i++) {
    const ch = repl[i]!;
    if (ch === '&') add(g[0] ?? '');
    else if (ch === '\\' && i + 1 < repl.length) {
      const n = repl[++i]!;
      if (/\d/.test(n)) add(g[Number(n)] ?? '');
      else if (n === 'n') add('\n');
      else if (n === 't') add('\t');
      else if (n === 'U' || n === 'L') mode = n;
      else if (n === 'E') mode = '';
      else if (n === 'u' || n === 'l') once = n;
      else add(n);
    } else add(ch);
  }
  return out;
}

function matchAddr(a: Addr, l: Line, space: string, lastRe: { re: RegExp | null }): boolean {
  switch (a.t) {
    case 'line': return l.n === a.n;
    case 'last': return l.last;
    case 'step': return a.step <= 0 ? l.n === a.first : l.n >= a.first && (l.n - a.first) % a.step === 0;
    case 're': {
      const re = a.re ?? lastRe.re;
      if (a.re) lastRe.re = a.re;
      return re ? re.test(space) : false;
    }
  }
}

function selected(c: Cmd, l: Line, space: string, lastRe: { re: RegExp | null }): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matchAddr(c.a1, l, space, lastRe);
  else if (c.active) {
    const a2 = c.a2;
    if (a2.t === 'plus') hit = true, (c.active = l.n < c.endLine!);
    else if (a2.t === 'line') {
      hit = true;
      c.active = l.n < a2.n;
    } else {
      hit = true;
      if (matchAddr(a2, l, space, lastRe)) c.active = false;
    }
  } else if (matchAddr(c.a1, l, space, lastRe)) {
    hit = true;
    const a2 = c.a2;
    if (a2.t === 'plus') {
      c.endLine = l.n + a2.n;
      c.active = a2.n > 0;
    } else if (a2.t === 'line') c.active = a2.n > l.n;
    else c.active = !l.last;
  } else hit = false;
  return hit !== c.neg;
}

/** runSed executes compiled commands over the input lines; returns output text and exit code. */
function runSed(p: Process, cmds: Cmd[], lines: string[], trailingNl: boolean, quiet: boolean): { out: string; code: number; quit: boolean } {
  let out = '';
  let hold = '';
  const lastRe = { re: null as RegExp | null };
  const labels = new Map<string, number>();
  cmds.forEach((c, i) => c.name === ':' && labels.set(c.label!, i));
  for (const c of cmds) c.active = false;
  let idx = 0;
  let code = 0;
  const writeFiles = new Map<string, string>();
  const nl = (isLast: boolean) => (isLast && !trailingNl ? '' : '\n');
  let steps = 0;
  while (idx < lines.length) {
    let space = lines[idx]!;
    let n = idx + 1;
    let lineLast = idx === lines.length - 1;
    idx++;
    let append = '';
    let deleted = false;
    let tflag = false;
    let autoprint = !quiet;
    let quitAfter: number | undefined;
    for (let pc = 0; pc < cmds.length; pc++) {
      if (++steps > PROGRAM_STEP_LIMIT) return { out, code: 130, quit: true };
      const c = cmds[pc]!;
      if (c.name === '}' || c.name === ':') continue;
      const l: Line = { text: space, n, last: lineLast };
      if (!selected(c, l, space, lastRe)) {
        if (c.name === '{') pc = c.block!;
        continue;
      }
      switch (c.name) {
        case '{': break;
        case 'p': out += space + '\n'; break;
        case 'P': out += space.split('\n')[0] + '\n'; break;
        case 'd': deleted = true; pc = cmds.length; break;
        case 'D': {
          const i = space.indexOf('\n');
          if (i < 0) { deleted = true; pc = cmds.length; break; }
          space = space.slice(i + 1);
          pc = -1;
          continue;
        }
        case 's': {
          const r = substitute(c, space, lastRe.re);
          if (c.re) lastRe.re = c.re;
          if (r !== undefined) {
            space = r;
            tflag = true;
            if (c.print) out += space + '\n';
            if (c.file) writeFiles.set(c.file, (writeFiles.get(c.file) ?? '') + space + '\n');
          }
          break;
        }
        case 'y': space = [...space].map((ch) => { const k = c.from!.indexOf(ch); return k >= 0 ? c.to![k] : ch; }).join(''); break;
        case 'a': append += c.text + '\n'; break;
        case 'i': out += c.text + '\n'; break;
        case 'c':
          if (!c.a2 || !c.active) out += c.text + '\n';
          deleted = true;
          pc = cmds.length;
          break;
        case '=': out += n + '\n'; break;
        case 'l': out += space.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n') + '$\n'; break;
        case 'n':
          if (autoprint) out += space + '\n';
          if (idx >= lines.length) { deleted = true; autoprint = false; pc = cmds.length; break; }
          space = lines[idx]!;
          n = ++idx;
          lineLast = idx === lines.length;
          break;
        case 'N':
          if (idx >= lines.length) { pc = cmds.length; break; }
          space += '\n' + lines[idx]!;
          n = ++idx;
          lineLast = idx === lines.length;
          break;
        case 'h': hold = space; break;
        case 'H': hold += '\n' + space; break;
        case 'g': space = hold; break;
        case 'G': space += '\n' + hold; break;
        case 'x': [space, hold] = [hold, space]; break;
        case 'z': space = ''; break;
        case 'F': out += '-\n'; break;
        case 'b': pc = c.label ? labels.get(c.label) ?? cmds.length : cmds.length; break;
        case 't': if (tflag) { tflag = false; pc = c.label ? labels.get(c.label) ?? cmds.length : cmds.length; } break;
        case 'T': if (!tflag) pc = c.label ? labels.get(c.label) ?? cmds.length : cmds.length; else tflag = false; break;
        case 'r': try { append += p.fs.readFile(resolve(p, c.file!)); } catch { /* a missing file adds nothing */ } break;
        case 'w': writeFiles.set(c.file!, (writeFiles.get(c.file!) ?? '') + space + '\n'); break;
        case 'q': quitAfter = c.nth ?? 0; pc = cmds.length; break;
        case 'Q': code = c.nth ?? 0; return { out, code, quit: true };
      }
    }
    if (!deleted && autoprint) out += space + nl(lineLast);
    out += append;
    if (quitAfter !== undefined) {
      code = quitAfter;
      flush(p, writeFiles);
      return { out, code, quit: true };
    }
  }
  flush(p, writeFiles);
  return { out, code, quit: false };
}

function flush(p: Process, files: Map<string, string>): void {
  for (const [f, text] of files) {
    try {
      p.fs.writeFile(resolve(p, f), text);
    } catch {
      // sed reports unwritable w files when opening; ignored here
    }
  }
}

/** sed is the stream editor: s///, addresses, -n, -i, -e, -E and the common commands. */
export const sed = def(
  'sed',
  async (p) => {
    const argv = p.argv.slice(1).map((x) => (/^-i./.test(x) ? '--in-place=' + x.slice(2) : x));
    const a = parseOrUsage({ ...p, argv: [p.argv[0]!, ...argv] }, { flags: 'nErsiuz', withArg: 'ef', long: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', 'expression=': 'e', 'file=': 'f', 'in-place': 'i', 'in-place=': 'I', separate: 's', 'null-data': 'z', debug: 'D', posix: 'P' } });
    if (typeof a === 'number') return a;
    const scripts = [...(a.opts.get('e') ?? [])];
    for (const f of a.opts.get('f') ?? []) {
      try {
        scripts.push(p.fs.readFile(resolve(p, f)).replace(/\n$/, ''));
      } catch (e) {
        p.stderr.write(`sed: couldn't open file ${f}: ${errText(e)}\n`);
        return 1;
      }
    }
    const files = [...a.args];
    if (scripts.length === 0) {
      if (files.length === 0) {
        p.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
        return 1;
      }
      scripts.push(files.shift()!);
    }
    let cmds: Cmd[];
    try {
      cmds = parseSed(scripts, has(a, 'E') || has(a, 'r'));
    } catch (e) {
      if (!(e instanceof SedError)) throw e;
      p.stderr.write(`sed: ${e.message}\n`);
      return 1;
    }
    const inPlace = has(a, 'i') || has(a, 'I');
    const quiet = has(a, 'n');
    if (inPlace) {
      if (files.length === 0) {
        p.stderr.write('sed: no input files\n');
        return 1;
      }
      let code = 0;
      for (const f of files) {
        const path = resolve(p, f);
        let text: string;
        try {
          if (p.fs.stat(path).type === 'dir') throw new Error(`couldn't edit ${f}: not a regular file`);
          text = p.fs.readFile(path);
        } catch (e) {
          p.stderr.write(/couldn't edit/.test(errText(e)) ? `sed: ${errText(e)}\n` : `sed: can't read ${f}: ${errText(e)}\n`);
          code = 2;
          continue;
        }
        const r = runSed(p, cmds, text === '' ? [] : text.replace(/\n$/, '').split('\n'), text.endsWith('\n'), quiet);
        const suffix = val(a, 'I');
        if (suffix) p.fs.writeFile(path + suffix, text);
        p.fs.writeFile(path, r.out);
        if (r.quit) return r.code;
      }
      return code;
    }
    let text = '';
    let code = 0;
    for (const f of files.length ? files : ['-']) {
      if (f === '-') {
        for (;;) {
          const c = await p.stdin.read();
          if (c === null) break;
          text += c;
        }
        continue;
      }
      try {
        text += p.fs.readFile(resolve(p, f));
      } catch (e) {
        p.stderr.write(`sed: can't read ${f}: ${errText(e)}\n`);
        code = 2;
      }
    }
    const r = runSed(p, cmds, text === '' ? [] : text.replace(/\n$/, '').split('\n'), text.endsWith('\n') || text === '', quiet);
    p.stdout.write(r.out);
    return r.quit ? r.code : code;
  },
  'sed - stream editor for filtering and transforming text\n\nSYNOPSIS\n       sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\nDESCRIPTION\n       -n, --quiet, --silent\n              suppress automatic printing of pattern space\n       -e script, --expression=script\n              add the script to the commands to be executed\n       -i[SUFFIX], --in-place[=SUFFIX]\n              edit files in place (makes backup if SUFFIX supplied)\n       -E, -r, --regexp-extended\n              use extended regular expressions in the script',
);
