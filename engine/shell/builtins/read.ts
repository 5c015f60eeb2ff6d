import type { Readable } from '../../host/streams.ts';
import { canUnread } from '../interp/pipe.ts';
import { isName } from '../interp/state.ts';
import { fail, type Builtin, type BuiltinCtx } from './types.ts';

/** readRecord reads up to delim (or n chars) from stdin, giving back any excess. */
async function readRecord(r: Readable, delim: string, nchars: number | undefined): Promise<{ text: string; eof: boolean }> {
  let buf = '';
  for (;;) {
    if (nchars !== undefined && buf.length >= nchars) {
      if (canUnread(r)) r.unread(buf.slice(nchars));
      return { text: buf.slice(0, nchars), eof: false };
    }
    const i = delim === '' ? buf.indexOf('\0') : buf.indexOf(delim);
    if (i >= 0 && (nchars === undefined || i < nchars)) {
      if (canUnread(r)) r.unread(buf.slice(i + 1));
      return { text: buf.slice(0, i), eof: false };
    }
    const chunk = await r.read();
    if (chunk === null) return { text: buf, eof: true };
    buf += chunk;
  }
}

function parseOpts(c: BuiltinCtx): { opts: Map<string, string>; names: string[] } | number {
  const opts = new Map<string, string>();
  const args = c.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if ('rse'.includes(f)) opts.set(f, '');
      else if ('pdtnNau'.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return fail(c, `-${f}: option requires an argument`, 2);
        opts.set(f, v);
        break;
      } else return fail(c, `-${f}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]`, 2);
    }
  }
  return { opts, names: args.slice(i) };
}

/** read reads a line into variables, splitting on IFS; -r keeps backslashes. */
export const read: Builtin = async (c) => {
  const parsed = parseOpts(c);
  if (typeof parsed === 'number') return parsed;
  const { opts, names } = parsed;
  const st = c.sh.state;
  for (const n of names) if (!isName(n)) return fail(c, `\`${n}': not a valid identifier`);
  if (opts.has('p') && c.io.stdin.isTTY) c.io.stderr.write(opts.get('p')!);
  const delim = opts.has('d') ? (opts.get('d')!.slice(0, 1)) : '\n';
  const n = opts.has('n') ? Number(opts.get('n')) : opts.has('N') ? Number(opts.get('N')) : undefined;
  let rec: { text: string; eof: boolean };
  if (opts.has('t')) {
    const ms = Number(opts.get('t')) * 1000;
    let timer: { cancel(): void } | undefined;
    const timeout = new Promise<null>((res) => (timer = c.sh.ctx.sys.runtime.after(ms, () => res(null))));
    const r = await Promise.race([readRecord(c.io.stdin, delim, n), timeout]);
    timer?.cancel();
    if (r === null) return 142;
    rec = r;
  } else rec = await readRecord(c.io.stdin, delim, n);
  let text = rec.text;
  if (!opts.has('r')) text = text.replace(/\\\n/g, '').replace(/\\(.)/g, '$1');
  if (opts.has('a')) {
    const ifs = st.get('IFS') ?? ' \t\n';
    st.setValue(opts.get('a')!, splitIfs(text, ifs, Infinity));
    return rec.eof && rec.text === '' ? 1 : rec.eof ? 1 : 0;
  }
  const targets = names.length ? names : ['REPLY'];
  if (names.length === 0) st.set('REPLY', text);
  else {
    const fields = splitIfs(text, st.get('IFS') ?? ' \t\n', targets.length);
    targets.forEach((t, i) => st.set(t, fields[i] ?? ''));
  }
  return rec.eof ? 1 : 0;
};

/** splitIfs splits like read: the last variable takes the rest of the line. */
export function splitIfs(text: string, ifs: string, max: number): string[] {
  const ws = [...ifs].filter((ch) => ' \t\n'.includes(ch)).join('');
  const isWs = (ch: string) => ws.includes(ch);
  const isIfs = (ch: string) => ifs.includes(ch);
  let s = text;
  while (s && isWs(s[0]!)) s = s.slice(1);
  const out: string[] = [];
  while (s !== '' && out.length < max - 1) {
    let i = 0;
    while (i < s.length && !isIfs(s[i]!)) i++;
    out.push(s.slice(0, i));
    s = s.slice(i);
    while (s && isWs(s[0]!)) s = s.slice(1);
    if (s && isIfs(s[0]!)) {
      s = s.slice(1);
      while (s && isWs(s[0]!)) s = s.slice(1);
    }
  }
  if (s !== '' || out.length < max) {
    let rest = s;
    while (rest && isWs(rest[rest.length - 1]!)) rest = rest.slice(0, -1);
    if (rest !== '' || out.length === 0) out.push(rest);
  }
  return out;
}

/** mapfile (readarray) reads lines into an array; -t strips the newline. */
export const mapfile: Builtin = async (c) => {
  const args = c.argv.slice(1);
  let strip = false;
  let name = 'MAPFILE';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-t') strip = true;
    else if (!args[i]!.startsWith('-')) name = args[i]!;
  }
  let all = '';
  for (;;) {
    const chunk = await c.io.stdin.read();
    if (chunk === null) break;
    all += chunk;
  }
  const lines = all.split(/(?<=\n)/).filter((l) => l !== '');
  c.sh.state.setValue(name, strip ? lines.map((l) => l.replace(/\n$/, '')) : lines);
  return 0;
};
