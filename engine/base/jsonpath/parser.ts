/**
 * The JSONPath template language of client-go's util/jsonpath, as kubectl's
 * -o jsonpath, custom-columns and --sort-by use it: text with {…} actions;
 * inside an action fields (.a.b, ['a']), arrays ([0], [-1], [1:3], [*],
 * [0,2]), recursive descent (..name), filters ([?(@.x=="y")]), quoted
 * literals ("\n") and {range …}…{end}. Error texts are client-go's.
 */

export type Node =
  | { t: 'text'; text: string }
  | { t: 'list'; nodes: Node[] }
  | { t: 'field'; name: string }
  | { t: 'array'; params: SliceParam[] }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; lists: Node[][] }
  | { t: 'filter'; left: Node[]; op: string; right: Node[] }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'ident'; name: string };

/** SliceParam is one of an array subscript's three numbers: known tells it was written, derived that the parser filled it. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** JsonPathParseError is a template that does not parse. */
export class JsonPathParseError extends Error {}

const EOF = '';

class Parser {
  root: Node[] = [];
  private pos = 0;
  private start = 0;
  private width = 0;
  constructor(private readonly input: string) {}

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.width = ch.length;
    this.pos += this.width;
    return ch;
  }
  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }
  private backup(): void {
    this.pos -= this.width;
  }
  private consume(): string {
    const s = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return s;
  }

  parse(): Node[] {
    this.root = [];
    this.parseText(this.root);
    return this.root;
  }

  /** parseText reads plain text up to the next "{". */
  private parseText(cur: Node[]): void {
    while (true) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.push({ t: 'text', text: this.consume() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.push({ t: 'text', text: this.consume() });
  }

  private parseLeftDelim(cur: Node[]): void {
    this.pos += 1;
    this.consume();
    const list: Node[] = [];
    cur.push({ t: 'list', nodes: list });
    this.parseInsideAction(cur, list);
  }

  private parseInsideAction(top: Node[], cur: Node[]): void {
    const rest = this.input.slice(this.pos);
    if (rest.startsWith('}')) {
      this.pos += 1;
      this.consume();
      this.parseText(top);
      return;
    }
    if (rest.startsWith('[?(')) {
      this.parseFilter(cur);
      this.parseInsideAction(top, cur);
      return;
    }
    if (rest.startsWith('..')) {
      const last = cur[cur.length - 1];
      if (last && last.t === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
      this.pos += 2;
      this.consume();
      cur.push({ t: 'recursive' });
      if (isAlphaNumeric(this.peek())) this.parseField(cur);
      this.parseInsideAction(top, cur);
      return;
    }
    const r = this.next();
    if (r === EOF || r === '\n' || r === '\r') throw new JsonPathParseError('unclosed action');
    if (r === ' ') {
      this.consume();
    } else if (r === '@' || r === '$') {
      this.consume();
    } else if (r === '[') {
      this.parseArray(cur);
    } else if (r === '"' || r === "'") {
      this.parseQuote(cur, r);
    } else if (r === '.') {
      this.parseField(cur);
    } else if (r === '+' || r === '-' || isDigit(r)) {
      this.backup();
      this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      this.parseIdentifier(cur);
    } else {
      throw new JsonPathParseError(`unrecognized character in action: ${unicodeName(r)}`);
    }
    this.parseInsideAction(top, cur);
  }

  private parseIdentifier(cur: Node[]): void {
    let r: string;
    while (true) {
      r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.push({ t: 'bool', value: value === 'true' });
    else cur.push({ t: 'ident', name: value });
  }

  private parseNumber(cur: Node[]): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    while (true) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.push({ t: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ t: 'float', value: Number(value) });
    else throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: Node[]): void {
    while (true) {
      const r = this.next();
      if (r === EOF || r === '\n' || r === '\r') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      cur.push({ t: 'union', lists: strs.map((s) => parseAction(`[${s.trim()}]`)) });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.push(...parseAction(`.${dict[1]}`));
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) params.push({ value: params[0]!.value + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.push({ t: 'array', params });
  }

  private parseFilter(cur: Node[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    while (true) {
      const r = this.next();
      if (r === EOF || r === '\n' || r === '\r') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (pair === r) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.push({ t: 'filter', left: parseAction(text), op: 'exists', right: [] });
    else cur.push({ t: 'filter', left: parseAction(m[1]!), op: m[2]!, right: parseAction(m[3]!) });
  }

  private parseQuote(cur: Node[], end: string): void {
    while (true) {
      const r = this.next();
      if (r === EOF || r === '\n' || r === '\r') throw new JsonPathParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    cur.push({ t: 'text', text: unquote(this.consume()) });
  }

  private parseField(cur: Node[]): void {
    this.consume();
    while (true) {
      const r = this.next();
      if (r === '\\') {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        if (r !== EOF) this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === '*') cur.push({ t: 'wildcard' });
    else cur.push({ t: 'field', name: value.replace(/\\/g, '') });
  }
}

/** parseAction parses "{text}" and returns the nodes of its single action (filter sides, union members). */
function parseAction(text: string): Node[] {
  const nodes = parseJsonPath(`{${text}}`);
  return nodes;
}

function unquote(s: string): string {
  const body = s.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        return e;
    }
  });
}

function isDigit(r: string): boolean {
  return r >= '0' && r <= '9';
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{N}]$/u.test(r);
}

function isTerminator(r: string): boolean {
  return r === EOF || r === ' ' || r === '\t' || r === '\r' || r === '\n' || r === '.' || r === ',' || r === '[' || r === ']' || r === '$' || r === '@' || r === '{' || r === '}';
}

function unicodeName(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** parseJsonPath parses a whole template into its top-level nodes. */
export function parseJsonPath(template: string): Node[] {
  const p = new Parser(template);
  return p.parse();
}
