import type { JqObject, Value } from './values.ts';

/**
 * JsonStream reads a text of JSON values one after another, character by
 * character like jq 1.6's parser, so its error messages ("Expected separator
 * between values at line 1, column 4", "Unfinished JSON term at EOF at line 2,
 * column 0") and the line number of `jq: error (at <stdin>:N)` come out the same.
 */
export type ParseResult = { value: Value } | { error: string } | { more: true } | null;

type Frame = { kind: 'array'; items: Value[] } | { kind: 'object'; obj: JqObject } | { kind: 'key'; key: string };

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class JsonStream {
  private pos = 0;
  private line = 1;
  private column = 0;
  private stack: Frame[] = [];
  private next: Value | undefined;
  private token = '';
  private inString = false;
  private escape = false;
  private str = '';
  private done = false;
  /** at is the offset of the last character jq had read when the last value completed. */
  at = 0;

  /**
   * With ended false the text is a stream still arriving: read() answers
   * { more: true } at the end of what it has, append() adds, end() closes it.
   */
  constructor(
    private text: string,
    private ended = true,
  ) {}

  append(chunk: string): void {
    this.text += chunk;
  }

  end(): void {
    this.ended = true;
  }

  /** read returns the next value, a parse error message (without the "parse error: " prefix), or null at the end. */
  read(): ParseResult {
    if (this.done) return null;
    const t = this.text;
    while (this.pos < t.length) {
      const ch = t[this.pos++]!;
      this.column++;
      if (ch === '\n') {
        this.line++;
        this.column = 0;
      }
      const err = this.scan(ch);
      if (err) return this.fail(`${err} at line ${this.line}, column ${this.column}`);
      if (this.stack.length === 0 && this.next !== undefined) {
        const value = this.next;
        this.next = undefined;
        this.at = this.pos - 1;
        return { value };
      }
    }
    if (!this.ended) return { more: true };
    this.done = true;
    this.at = t.length;
    if (this.inString) return this.fail(`Unfinished string at EOF at line ${this.line}, column ${this.column}`);
    const lit = this.checkLiteral();
    if (lit) return this.fail(`${lit} at EOF at line ${this.line}, column ${this.column}`);
    if (this.stack.length > 0) return this.fail(`Unfinished JSON term at EOF at line ${this.line}, column ${this.column}`);
    if (this.next !== undefined) {
      const value = this.next;
      this.next = undefined;
      return { value };
    }
    return null;
  }

  private fail(msg: string): ParseResult {
    this.done = true;
    return { error: msg };
  }

  private scan(ch: string): string | undefined {
    if (this.inString) {
      if (ch === '"' && !this.escape) {
        this.inString = false;
        return this.foundString();
      }
      this.str += ch;
      this.escape = ch === '\\' && !this.escape;
      return undefined;
    }
    const ws = ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
    const structure = '[,]{:}'.includes(ch);
    if (ws || structure || ch === '"') {
      const err = this.checkLiteral();
      if (err) return err;
      if (this.stack.length === 0 && this.next !== undefined) {
        // a complete top-level value: hand it out before looking at ch
        this.pos--;
        this.column--;
        if (ch === '\n') this.line--;
        return undefined;
      }
    }
    if (ws) return undefined;
    if (ch === '"') {
      this.inString = true;
      this.escape = false;
      this.str = '';
      return undefined;
    }
    if (structure) return this.structure(ch);
    this.token += ch;
    return undefined;
  }

  private setValue(v: Value): string | undefined {
    if (this.next !== undefined) return 'Expected separator between values';
    this.next = v;
    return undefined;
  }

  private foundString(): string | undefined {
    const s = this.str;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c !== '\\') {
        // jq 1.6 checks c < 0x1f, so U+001F itself slips through
        const code = c.charCodeAt(0);
        if (code > 0 && code < 0x1f) return 'Invalid string: control characters from U+0000 through U+001F must be escaped';
        out += c;
        continue;
      }
      const e = s[++i];
      const simple: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && simple[e] !== undefined) out += simple[e];
      else if (e === 'u') {
        const hex = s.slice(i + 1, i + 5);
        if (hex.length < 4) return 'Invalid \\uXXXX escape';
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return 'Invalid characters in \\uXXXX escape';
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else return 'Invalid escape';
    }
    return this.setValue(out);
  }

  private checkLiteral(): string | undefined {
    const tok = this.token;
    if (tok === '') return undefined;
    this.token = '';
    const words: Record<string, Value> = { t: true, f: false, n: null };
    const first = tok[0]!;
    if (first in words) {
      const want = first === 't' ? 'true' : first === 'f' ? 'false' : 'null';
      if (tok !== want) return 'Invalid literal';
      return this.setValue(words[first]!);
    }
    if (!NUMERIC.test(tok)) return 'Invalid numeric literal';
    return this.setValue(Number(tok));
  }

  private structure(ch: string): string | undefined {
    const top = this.stack[this.stack.length - 1];
    switch (ch) {
      case '[':
      case '{':
        if (this.next !== undefined) return 'Expected separator between values';
        this.stack.push(ch === '[' ? { kind: 'array', items: [] } : { kind: 'object', obj: new Map() });
        return undefined;
      case ':':
        if (!top || top.kind !== 'object') return "':' not as part of an object";
        if (this.next === undefined) return "Expected string key before ':'";
        if (typeof this.next !== 'string') return 'Object keys must be strings';
        this.stack.push({ kind: 'key', key: this.next });
        this.next = undefined;
        return undefined;
      case ',':
        if (this.next === undefined) return "Expected value before ','";
        if (!top) return "',' not as part of an object or array";
        if (top.kind === 'array') top.items.push(this.next);
        else if (top.kind === 'key') {
          this.stack.pop();
          (this.stack[this.stack.length - 1] as { obj: JqObject }).obj.set(top.key, this.next);
        } else return 'Objects must consist of key:value pairs';
        this.next = undefined;
        return undefined;
      case ']':
        if (!top || top.kind !== 'array') return "Unmatched ']'";
        if (this.next !== undefined) top.items.push(this.next);
        else if (top.items.length > 0) return 'Expected another array element';
        this.stack.pop();
        this.next = top.items;
        return undefined;
      default: {
        // '}'
        if (!top) return "Unmatched '}'";
        if (this.next !== undefined) {
          if (top.kind !== 'key') return 'Objects must consist of key:value pairs';
          this.stack.pop();
          (this.stack[this.stack.length - 1] as { obj: JqObject }).obj.set(top.key, this.next);
        } else {
          if (top.kind !== 'object') return "Unmatched '}'";
          if (top.obj.size > 0) return 'Expected another key-value pair';
        }
        const o = this.stack.pop() as { obj: JqObject };
        this.next = o.obj;
        return undefined;
      }
    }
  }
}

/** parseAll parses a whole text of JSON values; it throws the parse error message. */
export function parseAll(text: string): Value[] {
  const s = new JsonStream(text);
  const out: Value[] = [];
  for (;;) {
    const r = s.read();
    if (r === null) return out;
    if ('error' in r) throw new Error(r.error);
    if ('value' in r) out.push(r.value);
  }
}
