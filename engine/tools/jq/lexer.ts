/**
 * The jq lexer. String literals keep their interpolations as token lists of
 * their own, lexed recursively, so the parser sees `"a\(.b)c"` as one token.
 * Token names follow jq's grammar (IDENT, FIELD, LITERAL, FORMAT…) because
 * syntax errors quote them.
 */
export type Token =
  | { k: 'punct'; v: string; pos: number }
  | { k: 'keyword'; v: string; pos: number }
  | { k: 'ident'; v: string; pos: number }
  | { k: 'field'; v: string; pos: number }
  | { k: 'var'; v: string; pos: number }
  | { k: 'number'; n: number; pos: number }
  | { k: 'string'; parts: Array<string | Token[]>; pos: number; unterminated?: boolean; badEscape?: string }
  | { k: 'format'; v: string; pos: number }
  | { k: 'invalid'; v: string; pos: number }
  | { k: 'eof'; pos: number };

export const KEYWORDS = new Set(['def', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', 'and', 'or', '__loc__', 'module']);
const PUNCT = ['?//=', '?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '//', '..', '.', '[', ']', '{', '}', '(', ')', '|', ',', ':', ';', '=', '<', '>', '+', '-', '*', '/', '%', '?'];
const IDENT = /[a-zA-Z_][a-zA-Z_0-9]*(::[a-zA-Z_][a-zA-Z_0-9]*)*/y;
const FIELD = /\.[a-zA-Z_][a-zA-Z_0-9]*/y;
const NUMBER = /([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/y;
const FORMAT = /@[a-zA-Z0-9_]+/y;

/** LexError carries the bison-style message of an unterminated string. */
export class LexError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** lex tokenizes src; with nested it stops at the ')' that closes an interpolation and returns where. */
export function lex(src: string, start = 0, nested = false): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  const brackets: string[] = [];
  let i = start;
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(src);
    return m ? m[0] : undefined;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const s = lexString(src, i);
      tokens.push(s.token);
      i = s.end;
      continue;
    }
    if (c === '$') {
      const id = (IDENT.lastIndex = i + 1, IDENT.exec(src));
      if (id) {
        tokens.push({ k: 'var', v: id[0], pos: i });
        i += 1 + id[0].length;
        continue;
      }
      tokens.push({ k: 'punct', v: '$', pos: i });
      i++;
      continue;
    }
    if (c === '@') {
      const f = match(FORMAT);
      if (f) {
        tokens.push({ k: 'format', v: f, pos: i });
        i += f.length;
        continue;
      }
    }
    if (c === '.' && /[a-zA-Z_]/.test(src[i + 1] ?? '')) {
      const f = match(FIELD)!;
      tokens.push({ k: 'field', v: f.slice(1), pos: i });
      i += f.length;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const n = match(NUMBER)!;
      tokens.push({ k: 'number', n: Number(n), pos: i });
      i += n.length;
      continue;
    }
    if (/[a-zA-Z_]/.test(c)) {
      const id = match(IDENT)!;
      tokens.push(KEYWORDS.has(id) ? { k: 'keyword', v: id, pos: i } : { k: 'ident', v: id, pos: i });
      i += id.length;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (!p) {
      tokens.push({ k: 'invalid', v: c, pos: i });
      i++;
      continue;
    }
    if (p === '(' || p === '[' || p === '{') brackets.push(p);
    if (p === ')' || p === ']' || p === '}') {
      const open = brackets.pop();
      if (open === undefined && p === ')' && nested) return { tokens, end: i + 1 };
      if (open !== { ')': '(', ']': '[', '}': '{' }[p]) {
        // jq's lexer reports a closing bracket without its opening one as an invalid character
        tokens.push({ k: 'invalid', v: p, pos: i });
        i++;
        continue;
      }
    }
    tokens.push({ k: 'punct', v: p, pos: i });
    i += p.length;
  }
  if (nested) throw new LexError('unterminated interpolation', src.length);
  tokens.push({ k: 'eof', pos: src.length });
  return { tokens, end: i };
}

function lexString(src: string, start: number): { token: Token; end: number } {
  const parts: Array<string | Token[]> = [];
  let cur = '';
  let i = start + 1;
  const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"') return { token: { k: 'string', parts: [...parts, cur], pos: start }, end: i + 1 };
    if (c !== '\\') {
      cur += c;
      i++;
      continue;
    }
    const e = src[i + 1] ?? '';
    if (e === '(') {
      parts.push(cur);
      cur = '';
      const inner = lex(src, i + 2, true);
      inner.tokens.push({ k: 'eof', pos: inner.end - 1 });
      parts.push(inner.tokens);
      i = inner.end;
      continue;
    }
    if (simple[e] !== undefined) {
      cur += simple[e];
      i += 2;
      continue;
    }
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      cur += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
      i += 6;
      continue;
    }
    // jq rejects the escape when it parses the literal; keep going to find its end
    const end = src.indexOf('"', i + 2);
    return { token: { k: 'string', parts: [...parts, cur], pos: start, badEscape: src.slice(start, end < 0 ? src.length : end + 1) }, end: end < 0 ? src.length : end + 1 };
  }
  return { token: { k: 'string', parts: [...parts, cur], pos: start, unterminated: true }, end: src.length };
}

/** tokenName is how bison names a token in "unexpected X". */
export function tokenName(t: Token): string {
  switch (t.k) {
    case 'eof':
      return '$end';
    case 'ident':
      return 'IDENT';
    case 'field':
      return 'FIELD';
    case 'number':
      return 'LITERAL';
    case 'string':
      return 'QQSTRING_START';
    case 'format':
      return 'FORMAT';
    case 'invalid':
      return 'INVALID_CHARACTER';
    case 'var':
      return "'$'";
    case 'keyword':
      return t.v;
    case 'punct':
      return t.v.length === 1 ? `'${t.v}'` : t.v;
  }
}
