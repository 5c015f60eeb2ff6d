import { JqError, typeName, type Value } from './values.ts';
import { truncDump } from './format.ts';

/**
 * jq's regular expressions are Oniguruma's Perl syntax; JavaScript's RegExp
 * agrees on everything people write in jq filters (classes, groups, named
 * captures, lazy quantifiers, anchors). Offsets are counted in code points.
 */
export interface Match {
  offset: number;
  length: number;
  string: string;
  captures: Array<{ offset: number; length: number; string: string | null; name: string | null }>;
}

function stripExtended(re: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    if (/\s/.test(c)) continue;
    if (c === '#') {
      while (i < re.length && re[i] !== '\n') i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** compile builds the RegExp for a jq regex and flags string; it reports whether "g" and "n" were given. */
export function compile(re: Value, flags: Value): { rx: RegExp; global: boolean; skipEmpty: boolean } {
  if (typeof re !== 'string') throw new JqError(`${typeName(re)} (${truncDump(re)}) cannot be matched, as it is not a string`);
  if (flags !== null && typeof flags !== 'string') throw new JqError(`${truncDump(flags)} is not a string`);
  let js = 'd';
  let global = false;
  let skipEmpty = false;
  let src = re;
  for (const f of flags ?? '') {
    switch (f) {
      case 'g':
        global = true;
        break;
      case 'i':
        js += 'i';
        break;
      case 'x':
        src = stripExtended(src);
        break;
      case 's':
        js += 's';
        break;
      case 'n':
        skipEmpty = true;
        break;
      case 'p':
        js += 's';
        break;
      case 'l':
        break;
      default:
        throw new JqError(`${flags} is not a valid modifier string`);
    }
  }
  try {
    return { rx: new RegExp(src, js + 'g'), global, skipEmpty };
  } catch (e) {
    const why = String((e as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
    const onig: Record<string, string> = {
      'Unterminated group': 'end pattern with unmatched parenthesis',
      "Unmatched ')'": 'unmatched close parenthesis',
      'Nothing to repeat': 'target of repeat operator is not specified',
      'Unterminated character class': 'premature end of char-class',
      'Invalid group': 'undefined group option',
      '\\ at end of pattern': 'end pattern at escape',
    };
    throw new JqError(`Regex failure: ${onig[why] ?? why}`);
  }
}

/** cpIndex converts a UTF-16 offset into a code point offset. */
function cpIndex(s: string, i: number): number {
  let n = 0;
  for (let j = 0; j < i; j++) {
    const c = s.charCodeAt(j);
    if (c >= 0xd800 && c < 0xdc00) j++;
    n++;
  }
  return n;
}

/** matches runs the regex over s like jq 1.6's f_match: one match, or all of them with "g" (no empty match at the very end). */
export function matches(s: string, re: Value, flags: Value, forceGlobal = false): Match[] {
  const { rx, global, skipEmpty } = compile(re, flags);
  const all = global || forceGlobal;
  const names = groupNames(rx);
  const out: Match[] = [];
  let start = 0;
  do {
    rx.lastIndex = start;
    const m = rx.exec(s) as (RegExpExecArray & { indices?: Array<[number, number] | undefined> }) | null;
    if (!m) break;
    const b = m.index;
    const e = b + m[0].length;
    const captures: Match['captures'] = [];
    for (let g = 1; g < m.length; g++) {
      const span = m.indices?.[g];
      if (!span) captures.push({ offset: -1, length: 0, string: null, name: names[g] ?? null });
      else captures.push({ offset: cpIndex(s, span[0]), length: cpIndex(s, span[1]) - cpIndex(s, span[0]), string: m[g]!, name: names[g] ?? null });
    }
    if (!(skipEmpty && b === e)) out.push({ offset: cpIndex(s, b), length: cpIndex(s, e) - cpIndex(s, b), string: m[0], captures });
    start = b === e ? e + 1 : e;
  } while (all && start < s.length);
  return out;
}

/** groupNames maps capture group numbers to their names, reading the pattern's "(?<name>" openings in order. */
function groupNames(rx: RegExp): Array<string | undefined> {
  const names: Array<string | undefined> = [undefined];
  const src = rx.source;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      if (src[i + 1] !== '?') names.push(undefined);
      else {
        const m = /^\(\?<([a-zA-Z_][a-zA-Z0-9_]*)>/.exec(src.slice(i));
        if (m) names.push(m[1]);
      }
    }
  }
  return names;
}
