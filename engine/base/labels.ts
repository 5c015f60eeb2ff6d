/**
 * Label selectors as k8s.io/apimachinery/pkg/labels parses and matches them:
 * `a=b,c!=d`, `env in (prod,qa)`, `tier notin (web)`, `app`, `!app`, `x>3`.
 */

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** Selector is a parsed label selector; an empty one matches everything. */
export interface Selector {
  requirements: Requirement[];
  /** nothing: a selector that matches no object (a nil LabelSelector in some APIs) */
  nothing?: boolean;
}

export const EVERYTHING: Selector = { requirements: [] };
export const NOTHING: Selector = { requirements: [], nothing: true };

/** SelectorParseError carries the apimachinery parser's message. */
export class SelectorParseError extends Error {}

type Tok = { t: 'id' | 'op' | '(' | ')' | ',' | 'end'; v: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, v: c });
      i++;
    } else if (c === '!' || c === '=' || c === '>' || c === '<') {
      let j = i + 1;
      while (j < s.length && (s[j] === '=' || s[j] === '!')) j++;
      out.push({ t: 'op', v: s.slice(i, j) });
      i = j;
    } else {
      let j = i;
      while (j < s.length && !' \t(),!=<>'.includes(s[j]!)) j++;
      out.push({ t: 'id', v: s.slice(i, j) });
      i = j;
    }
  }
  out.push({ t: 'end', v: '' });
  return out;
}

/** parseSelector parses the string form; it throws SelectorParseError with apimachinery's texts. */
export function parseSelector(input: string): Selector {
  const toks = tokenize(input);
  let p = 0;
  const peek = () => toks[p]!;
  const next = () => toks[p++]!;
  const reqs: Requirement[] = [];
  if (input.trim() === '') return { requirements: [] };
  for (;;) {
    let tok = next();
    let negate = false;
    if (tok.t === 'op' && tok.v === '!') {
      negate = true;
      tok = next();
    }
    if (tok.t !== 'id') throw new SelectorParseError(`found '${tok.v}', expected: !, identifier, or 'end of string'`);
    const key = tok.v;
    validateKey(key);
    if (negate) {
      reqs.push({ key, operator: '!', values: [] });
    } else {
      const opTok = peek();
      if (opTok.t === ',' || opTok.t === 'end') {
        reqs.push({ key, operator: 'exists', values: [] });
      } else if (opTok.t === 'op' || (opTok.t === 'id' && (opTok.v === 'in' || opTok.v === 'notin'))) {
        next();
        const op = opTok.v;
        if (op === 'in' || op === 'notin') {
          if (next().t !== '(') throw new SelectorParseError(`found '${toks[p - 1]!.v}', expected: '('`);
          const values: string[] = [];
          for (;;) {
            const v = peek();
            if (v.t === 'id') {
              values.push(v.v);
              next();
            } else if (v.t === ',' ) {
              if (values.length === 0 || toks[p - 1]!.t === ',') values.push('');
              next();
              continue;
            } else if (v.t === ')') {
              if (toks[p - 1]!.t === ',') values.push('');
              next();
              break;
            } else {
              throw new SelectorParseError(`found '${v.v}', expected: ',', ')' or identifier`);
            }
            const sep = peek();
            if (sep.t === ',') {
              next();
              if (peek().t === ')') values.push('');
              continue;
            }
            if (sep.t === ')') {
              next();
              break;
            }
            throw new SelectorParseError(`found '${sep.v}', expected: ',' or ')'`);
          }
          reqs.push({ key, operator: op, values });
        } else if (op === '=' || op === '==' || op === '!=') {
          const v = peek();
          let value = '';
          if (v.t === 'id') {
            value = v.v;
            next();
          } else if (v.t !== ',' && v.t !== 'end') {
            throw new SelectorParseError(`found '${v.v}', expected: identifier`);
          }
          validateValue(value);
          reqs.push({ key, operator: op, values: [value] });
        } else if (op === '>' || op === '<') {
          const v = next();
          if (v.t !== 'id' || !/^-?\d+$/.test(v.v)) throw new SelectorParseError(`for 'Gt', 'Lt' operators, the value must be an integer`);
          reqs.push({ key, operator: op === '>' ? 'gt' : 'lt', values: [v.v] });
        } else {
          throw new SelectorParseError(`found '${op}', expected: in, notin, =, ==, !=, gt, lt`);
        }
      } else {
        throw new SelectorParseError(`found '${opTok.v}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    const sep = next();
    if (sep.t === 'end') break;
    if (sep.t !== ',') throw new SelectorParseError(`found '${sep.v}', expected: ',' or 'end of string'`);
  }
  return { requirements: reqs };
}

const QUALIFIED_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

function validateKey(key: string): void {
  const parts = key.split('/');
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length > 2 || name === '' || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    throw new SelectorParseError(
      `key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
}

function validateValue(value: string): void {
  if (value !== '' && (value.length > 63 || !QUALIFIED_NAME.test(value))) {
    throw new SelectorParseError(
      `values[0][key]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
}

/** matches reports whether labels satisfy every requirement of sel. */
export function matches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  if (sel.nothing) return false;
  const l = labels ?? {};
  for (const r of sel.requirements) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.operator) {
      case '=':
      case '==':
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case '!=':
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v!)) return false;
        const n = Number(v);
        const want = Number(r.values[0]);
        if (r.operator === 'gt' ? !(n > want) : !(n < want)) return false;
        break;
      }
    }
  }
  return true;
}

/** LabelSelector is metav1.LabelSelector (matchLabels + matchExpressions). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * fromLabelSelector converts a metav1.LabelSelector: undefined selects nothing,
 * an empty one selects everything (metav1.LabelSelectorAsSelector).
 */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (!ls) return NOTHING;
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, operator: '=', values: [v] });
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') reqs.push({ key: e.key, operator: 'in', values: e.values ?? [] });
    else if (op === 'NotIn') reqs.push({ key: e.key, operator: 'notin', values: e.values ?? [] });
    else if (op === 'Exists') reqs.push({ key: e.key, operator: 'exists', values: [] });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, operator: '!', values: [] });
  }
  return { requirements: reqs };
}

/** fromMap is labels.SelectorFromSet: every key=value must match (an empty map matches everything). */
export function fromMap(m: Record<string, string> | undefined): Selector {
  return { requirements: Object.entries(m ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })) };
}

/** selectorString renders a Selector the way apimachinery's String() does (sorted by key). */
export function selectorString(sel: Selector): string {
  const reqs = [...sel.requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs
    .map((r) => {
      switch (r.operator) {
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.operator} (${[...r.values].sort().join(',')})`;
        case 'gt':
          return `${r.key}>${r.values[0]}`;
        case 'lt':
          return `${r.key}<${r.values[0]}`;
        default:
          return `${r.key}${r.operator}${r.values[0]}`;
      }
    })
    .join(',');
}
