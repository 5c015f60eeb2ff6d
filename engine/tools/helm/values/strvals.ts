/**
 * The --set / --set-string syntax, following helm's strvals parser:
 * `a.b=c,d[0].e=f,list={x,y}` with backslash escapes, typed values (true,
 * false, null, integers without a leading zero) unless parsing as strings.
 * Errors read like helm's ("key \"a\" has no value").
 */

/** StrvalsError is a --set expression that does not parse. */
export class StrvalsError extends Error {}

type Map_ = Record<string, unknown>;

const MAX_INDEX = 65536;
const MAX_NESTED = 30;

class Scanner {
  private i = 0;
  constructor(private readonly s: string[]) {}
  read(): string | undefined {
    return this.s[this.i++];
  }
  unread(): void {
    this.i--;
  }
  /** until reads up to a stop character (consumed), handling backslash escapes; last is undefined at EOF. */
  until(stop: string): { v: string; last: string | undefined; eof: boolean } {
    let v = '';
    for (;;) {
      const r = this.read();
      if (r === undefined) return { v, last: undefined, eof: true };
      if (stop.includes(r)) return { v, last: r, eof: false };
      if (r === '\\') {
        const n = this.read();
        if (n === undefined) return { v, last: undefined, eof: true };
        v += n;
      } else v += r;
    }
  }
}

/** typedVal converts a --set value the way helm does. */
export function typedVal(v: string, asString: boolean): unknown {
  if (asString) return v;
  const l = v.toLowerCase();
  if (l === 'true') return true;
  if (l === 'false') return false;
  if (l === 'null') return null;
  if (v === '0') return 0;
  if (v.length && v[0] !== '0' && /^[+-]?\d+$/.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n) || Math.abs(n) < 2 ** 63) return n;
  }
  return v;
}

const EOF = Symbol('eof');
const NOT_LIST = Symbol('notlist');

class Parser {
  constructor(
    private readonly sc: Scanner,
    private readonly asString: boolean,
  ) {}

  parse(data: Map_): void {
    for (;;) {
      const r = this.key(data, 0);
      if (r === EOF) return;
    }
  }

  private key(data: Map_, level: number): typeof EOF | undefined {
    const { v: k, last, eof } = this.sc.until('=[,.');
    if (eof) {
      if (k.length === 0) return EOF;
      throw new StrvalsError(`key ${JSON.stringify(k)} has no value`);
    }
    switch (last) {
      case '[': {
        const i = this.keyIndex();
        const existing = data[k];
        let list: unknown[] = [];
        if (k in data) {
          if (!Array.isArray(existing)) throw new StrvalsError(`unable to parse key: interface conversion: interface {} is ${goType(existing)}, not []interface {}`);
          list = existing;
        }
        const { list: l2, eof: e } = this.listItem(list, i, level);
        if (k) data[k] = l2;
        return e ? EOF : undefined;
      }
      case '=': {
        const vl = this.valList();
        if (vl === EOF) {
          if (k) data[k] = '';
          return EOF;
        }
        if (vl === NOT_LIST) {
          // helm returns the value reader's error here, not the scanner's EOF: "a.=b" is then a map without a value
          const { v } = this.sc.until(',');
          if (k) data[k] = typedVal(v, this.asString);
          return undefined;
        }
        if (k) data[k] = vl;
        return undefined;
      }
      case ',':
        if (k) data[k] = '';
        throw new StrvalsError(`key ${JSON.stringify(k)} has no value (cannot end with ,)`);
      default: {
        // '.'
        if (level + 1 > MAX_NESTED) throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED}`);
        let inner: Map_ = {};
        if (k in data) {
          const ex = data[k];
          if (!ex || typeof ex !== 'object' || Array.isArray(ex)) throw new StrvalsError(`unable to parse key: interface conversion: interface {} is ${goType(ex)}, not map[string]interface {}`);
          inner = ex as Map_;
        }
        let e: typeof EOF | undefined;
        try {
          e = this.key(inner, level + 1);
        } finally {
          if (Object.keys(inner).length && k) data[k] = inner;
        }
        if (e === undefined && Object.keys(inner).length === 0) throw new StrvalsError(`key map ${JSON.stringify(k)} has no value`);
        return e;
      }
    }
  }

  private keyIndex(): number {
    const { v, eof } = this.sc.until(']');
    if (eof) throw new StrvalsError('error parsing index: EOF');
    if (!/^[+-]?\d+$/.test(v)) throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
    return Number(v);
  }

  private setIndex(list: unknown[], i: number, val: unknown): unknown[] {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    if (i > MAX_INDEX) throw new StrvalsError(`index of ${i} is greater than maximum supported index of ${MAX_INDEX}`);
    const out = list.slice();
    while (out.length <= i) out.push(null);
    out[i] = val;
    return out;
  }

  private listItem(list: unknown[], i: number, level: number): { list: unknown[]; eof: boolean } {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { v: k, last, eof } = this.sc.until('[.=');
    if (k.length) throw new StrvalsError(`unexpected data at end of array index: ${JSON.stringify(k)}`);
    if (eof) return { list, eof: true };
    if (last === '=') {
      const vl = this.valList();
      if (vl === EOF) return { list: this.setIndex(list, i, ''), eof: true };
      if (vl === NOT_LIST) {
        const { v, eof: e } = this.sc.until(',');
        return { list: this.setIndex(list, i, typedVal(v, this.asString)), eof: e };
      }
      return { list: this.setIndex(list, i, vl), eof: false };
    }
    if (last === '[') {
      const next = this.keyIndex();
      const cur = list.length > i && Array.isArray(list[i]) ? (list[i] as unknown[]) : [];
      const r = this.listItem(cur, next, level);
      return { list: this.setIndex(list, i, r.list), eof: r.eof };
    }
    // '.'
    let inner: Map_ = {};
    const ex = list[i];
    if (list.length > i && ex && typeof ex === 'object' && !Array.isArray(ex)) inner = ex as Map_;
    const e = this.key(inner, level);
    return { list: this.setIndex(list, i, inner), eof: e === EOF };
  }

  private valList(): unknown[] | typeof EOF | typeof NOT_LIST {
    const r = this.sc.read();
    if (r === undefined) return EOF;
    if (r !== '{') {
      this.sc.unread();
      return NOT_LIST;
    }
    const list: unknown[] = [];
    for (;;) {
      const { v, last, eof } = this.sc.until(',}');
      if (eof) throw new StrvalsError("list must terminate with '}'");
      list.push(typedVal(v, this.asString));
      if (last === '}') {
        const n = this.sc.read();
        if (n !== undefined && n !== ',') this.sc.unread();
        return list;
      }
    }
  }
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null || v === undefined) return 'nil';
  return 'map[string]interface {}';
}

/** parseSetInto merges one --set (or --set-string) expression into dest, as strvals.ParseInto does. */
export function parseSetInto(expr: string, dest: Record<string, unknown>, asString = false): void {
  new Parser(new Scanner(Array.from(expr)), asString).parse(dest);
}

/** parseSet parses one expression into a new map. */
export function parseSet(expr: string, asString = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  parseSetInto(expr, out, asString);
  return out;
}
