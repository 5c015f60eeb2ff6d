import { posixToJs, RegexError } from './regex.ts';

/** Addr is a sed address. */
export type Addr = { t: 'line'; n: number } | { t: 'last' } | { t: 're'; re: RegExp | null } | { t: 'step'; first: number; step: number };

/** Cmd is one sed command with its addresses. */
export interface Cmd {
  a1?: Addr;
  a2?: Addr | { t: 'plus'; n: number };
  neg: boolean;
  name: string;
  /** s: regex, replacement, flags */
  re?: RegExp | null;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  label?: string;
  /** y: maps */
  from?: string[];
  to?: string[];
  file?: string;
  /** index of matching } for { */
  block?: number;
  /** range state */
  active?: boolean;
  endLine?: number;
}

/** SedError is a script error with GNU's "-e expression #N, char M: …" text. */
export class SedError extends Error {}

/** parseSed compiles sed scripts (each -e is one expression). */
export function parseSed(scripts: string[], ere: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  const stack: number[] = [];
  scripts.forEach((script, exprIdx) => {
    let i = 0;
    const fail = (msg: string): never => {
      throw new SedError(`-e expression #${exprIdx + 1}, char ${i}: ${msg}`);
    };
    const skipWs = () => {
      while (i < script.length && /[ \t]/.test(script[i]!)) i++;
    };
    const regex = (delim: string): RegExp | null => {
      let src = '';
      while (i < script.length && script[i] !== delim) {
        if (script[i] === '\\' && i + 1 < script.length) {
          src += script[i + 1] === delim ? delim : script[i]! + script[i + 1];
          i += 2;
          continue;
        }
        if (script[i] === '\n') fail(`unterminated address regex`);
        src += script[i++];
      }
      if (i >= script.length) fail('unterminated address regex');
      i++;
      if (src === '') return null;
      try {
        return new RegExp(posixToJs(src, ere));
      } catch (e) {
        return fail(e instanceof RegexError ? e.message : 'Invalid regular expression');
      }
    };
    const addr = (): Addr | undefined => {
      if (/\d/.test(script[i] ?? '')) {
        let n = '';
        while (/\d/.test(script[i] ?? '')) n += script[i++];
        if (script[i] === '~') {
          i++;
          let s = '';
          while (/\d/.test(script[i] ?? '')) s += script[i++];
          return { t: 'step', first: Number(n), step: Number(s || 0) };
        }
        return { t: 'line', n: Number(n) };
      }
      if (script[i] === '$') {
        i++;
        return { t: 'last' };
      }
      if (script[i] === '/' || script[i] === '\\') {
        const d = script[i] === '\\' ? script[++i]! : '/';
        i++;
        const re = regex(d);
        const flags = script[i] === 'I' ? (i++, 'i') : '';
        return { t: 're', re: re && flags ? new RegExp(re.source, 'i') : re };
      }
      return undefined;
    };
    const readText = (): string => {
      skipWs();
      if (script[i] === '\\') {
        i++;
        if (script[i] === '\n') i++;
      }
      let t = '';
      while (i < script.length && script[i] !== '\n') {
        if (script[i] === '\\' && i + 1 < script.length) {
          t += script[i + 1] === 'n' ? '\n' : script[i + 1] === 't' ? '\t' : script[i + 1];
          i += 2;
          continue;
        }
        t += script[i++];
      }
      return t;
    };
    const word = (): string => {
      skipWs();
      let w = '';
      while (i < script.length && !/[;\n}]/.test(script[i]!)) w += script[i++];
      return w.trim();
    };
    while (i < script.length) {
      while (i < script.length && /[\s;]/.test(script[i]!)) i++;
      if (i >= script.length) break;
      if (script[i] === '#') {
        while (i < script.length && script[i] !== '\n') i++;
        continue;
      }
      const c: Cmd = { neg: false, name: '' };
      c.a1 = addr();
      if (c.a1 && script[i] === ',') {
        i++;
        if (script[i] === '+') {
          i++;
          let n = '';
          while (/\d/.test(script[i] ?? '')) n += script[i++];
          c.a2 = { t: 'plus', n: Number(n) };
        } else {
          c.a2 = addr();
          if (!c.a2) fail('unexpected `,\'');
        }
      }
      skipWs();
      while (script[i] === '!') {
        c.neg = true;
        i++;
        skipWs();
      }
      const name = script[i++];
      if (name === undefined) fail('missing command');
      c.name = name!;
      switch (name) {
        case '{':
          stack.push(cmds.length);
          break;
        case '}':
          if (stack.length === 0) fail("unexpected `}'");
          cmds[stack.pop()!]!.block = cmds.length;
          break;
        case 's': {
          const d = script[i++];
          if (d === undefined || d === '\n' || d === '\\') fail("unterminated `s' command");
          c.re = regex(d!);
          let r = '';
          while (i < script.length && script[i] !== d) {
            if (script[i] === '\\' && i + 1 < script.length) {
              r += script[i + 1] === d ? d : script[i]! + script[i + 1];
              i += 2;
              continue;
            }
            r += script[i++];
          }
          if (i >= script.length) fail("unterminated `s' command");
          i++;
          c.repl = r;
          let flags = 'g';
          c.global = false;
          while (i < script.length && /[gpiImMe0-9w]/.test(script[i]!)) {
            const f = script[i++]!;
            if (f === 'g') c.global = true;
            else if (f === 'p') c.print = true;
            else if (f === 'i' || f === 'I') flags += 'i';
            else if (/\d/.test(f)) {
              let n = f;
              while (/\d/.test(script[i] ?? '')) n += script[i++];
              c.nth = Number(n);
            } else if (f === 'w') {
              c.file = word();
              break;
            }
          }
          if (c.re) c.re = new RegExp(c.re.source, flags);
          if (i < script.length && !/[\s;}#]/.test(script[i]!)) fail("unknown option to `s'");
          break;
        }
        case 'y': {
          const d = script[i++]!;
          const part = () => {
            let s = '';
            while (i < script.length && script[i] !== d) {
              if (script[i] === '\\') {
                s += script[i + 1] === 'n' ? '\n' : script[i + 1];
                i += 2;
                continue;
              }
              s += script[i++];
            }
            if (i >= script.length) fail("unterminated `y' command");
            i++;
            return [...s];
          };
          c.from = part();
          c.to = part();
          if (c.from.length !== c.to.length) fail("strings for `y' command are different lengths");
          break;
        }
        case 'a': case 'i': case 'c':
          c.text = readText();
          break;
        case 'b': case 't': case 'T': case ':':
          c.label = word();
          if (name === ':' && c.label === '') fail('":" lacks a label');
          break;
        case 'r': case 'R': case 'w': case 'W':
          c.file = word();
          break;
        case 'q': case 'Q': case 'l': case 'L': {
          skipWs();
          let n = '';
          while (/\d/.test(script[i] ?? '')) n += script[i++];
          if (n) c.nth = Number(n);
          break;
        }
        case 'p': case 'P': case 'd': case 'D': case 'n': case 'N': case 'g': case 'G': case 'h': case 'H': case 'x': case '=': case 'z': case 'F':
          break;
        default:
          fail(`unknown command: \`${name}'`);
      }
      cmds.push(c);
    }
  });
  if (stack.length) throw new SedError(`-e expression #1, char 0: unmatched \`{'`);
  return cmds;
}
