/**
 * Shell patterns (globs) as regular expressions. A pattern here is text in
 * which characters that were quoted in the source are escaped with a
 * backslash, so `"*".txt` stays literal while `*.txt` matches.
 */

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'a-zA-Z0-9_', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~',
};

/** escapeGlob backslash-escapes the characters that are special in a pattern. */
export function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]()|@!+]/g, '\\$&');
}

/** hasGlob tells whether a pattern has an unescaped wildcard. */
export function hasGlob(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
    else if ((c === '@' || c === '!' || c === '+') && p[i + 1] === '(') return true;
  }
  return false;
}

/** unescapeGlob removes the pattern escapes, giving the literal text. */
export function unescapeGlob(p: string): string {
  return p.replace(/\\(.)/gs, '$1');
}

function reEscape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** patternSource converts a pattern to regex source; in pathname mode wildcards do not match "/". */
export function patternSource(p: string, pathname = false): string {
  const any = pathname ? '[^/]' : '[\\s\\S]';
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      i++;
      out += i < p.length ? reEscape(p[i]!) : '\\\\';
      continue;
    }
    if ('?*+@!'.includes(c) && p[i + 1] === '(') {
      const close = matchParen(p, i + 1);
      if (close > 0) {
        const alts = splitAlts(p.slice(i + 2, close)).map((a) => patternSource(a, pathname)).join('|');
        out += c === '@' ? `(?:${alts})` : c === '?' ? `(?:${alts})?` : c === '*' ? `(?:${alts})*` : c === '+' ? `(?:${alts})+` : `(?:(?!(?:${alts})$)${any}*)`;
        i = close;
        continue;
      }
    }
    if (c === '*') out += any + '*';
    else if (c === '?') out += any;
    else if (c === '[') {
      const br = bracket(p, i);
      if (br) {
        out += br.re;
        i = br.end;
      } else out += '\\[';
    } else out += reEscape(c);
  }
  return out;
}

function matchParen(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '(') depth++;
    else if (p[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitAlts(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      cur += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function bracket(p: string, start: number): { re: string; end: number } | undefined {
  let i = start + 1;
  let neg = false;
  if (p[i] === '!' || p[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < p.length; i++) {
    const c = p[i]!;
    if (c === ']' && !first) return { re: `[${neg ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) {
        body += CLASSES[p.slice(i + 2, close)] ?? '';
        i = close + 1;
        continue;
      }
    }
    if (c === '\\') {
      i++;
      body += reEscape(p[i] ?? '\\');
      continue;
    }
    if (c === '-' && body !== '' && p[i + 1] !== ']') {
      body += '-';
      continue;
    }
    body += c === '^' || c === ']' || c === '[' ? '\\' + c : reEscape(c);
  }
  return undefined;
}

const cache = new Map<string, RegExp>();

/** patternRegex compiles a whole-string matcher for a pattern. */
export function patternRegex(p: string, opts: { pathname?: boolean; nocase?: boolean } = {}): RegExp {
  const key = `${opts.pathname ? 1 : 0}${opts.nocase ? 1 : 0}${p}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^(?:${patternSource(p, opts.pathname)})$`, opts.nocase ? 'i' : '');
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** matchPattern tests a whole string against a pattern (case, [[ == ]]). */
export function matchPattern(s: string, p: string, nocase = false): boolean {
  return patternRegex(p, { nocase }).test(s);
}

/** stripPrefix implements ${x#p} (shortest) and ${x##p} (longest). */
export function stripPrefix(s: string, p: string, longest: boolean): string {
  const re = patternRegex(p);
  if (longest) {
    for (let n = s.length; n >= 0; n--) if (re.test(s.slice(0, n))) return s.slice(n);
  } else {
    for (let n = 0; n <= s.length; n++) if (re.test(s.slice(0, n))) return s.slice(n);
  }
  return s;
}

/** stripSuffix implements ${x%p} (shortest) and ${x%%p} (longest). */
export function stripSuffix(s: string, p: string, longest: boolean): string {
  const re = patternRegex(p);
  if (longest) {
    for (let n = 0; n <= s.length; n++) if (re.test(s.slice(n))) return s.slice(0, n);
  } else {
    for (let n = s.length; n >= 0; n--) if (re.test(s.slice(n))) return s.slice(0, n);
  }
  return s;
}

/** replacePattern implements ${x/p/r}, ${x//p/r}, ${x/#p/r} and ${x/%p/r} (longest match at each place). */
export function replacePattern(s: string, p: string, r: string, all: boolean): string {
  let anchor: '' | '#' | '%' = '';
  if (p.startsWith('#')) anchor = '#';
  else if (p.startsWith('%')) anchor = '%';
  if (anchor) p = p.slice(1);
  const re = patternRegex(p);
  if (anchor === '#') {
    for (let n = s.length; n >= 0; n--) if (re.test(s.slice(0, n))) return r + s.slice(n);
    return s;
  }
  if (anchor === '%') {
    for (let n = 0; n <= s.length; n++) if (re.test(s.slice(n))) return s.slice(0, n) + r;
    return s;
  }
  let out = '';
  let i = 0;
  while (i <= s.length) {
    let matched = -1;
    for (let n = s.length; n > i; n--) {
      if (re.test(s.slice(i, n))) {
        matched = n;
        break;
      }
    }
    if (matched < 0) {
      if (i < s.length) out += s[i];
      i++;
      continue;
    }
    out += r;
    i = matched;
    if (!all) return out + s.slice(i);
  }
  return out;
}
