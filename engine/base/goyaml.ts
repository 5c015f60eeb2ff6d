import { chooseStyle, isPrintable } from './goyaml-scalar.ts';

/**
 * toGoYaml renders a JSON value exactly as kubectl's `-o yaml` does: through
 * sigs.k8s.io/yaml, i.e. gopkg.in/yaml.v2 — keys in yaml.v2's natural order,
 * two-space indents with sequences not indented under their key, yaml.v2's
 * quoting choices, literal blocks for multi-line strings and long lines folded
 * after column 80.
 */
export function toGoYaml(value: unknown): string {
  const out = new Writer();
  writeNode(out, value, 0, 'top');
  return out.text + (out.text.endsWith('\n') ? '' : '\n');
}

const BEST_WIDTH = 80;

class Writer {
  text = '';
  column = 0;
  write(s: string): void {
    this.text += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? s.length - nl - 1 : this.column + s.length;
  }
  newline(indent: number): void {
    this.text += '\n' + ' '.repeat(indent);
    this.column = indent;
  }
}

type Ctx = 'top' | 'mapValue' | 'seqItem';

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}

/** writeNode writes a value; the writer is positioned where the value starts (after "key: " or "- "). */
function writeNode(w: Writer, v: unknown, indent: number, ctx: Ctx): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return w.write('[]');
    v.forEach((item, i) => {
      if (i > 0 || ctx === 'mapValue') w.newline(indent);
      w.write('- ');
      writeNode(w, item, indent + 2, 'seqItem');
    });
    return;
  }
  if (isMap(v)) {
    const keys = sortKeys(Object.keys(v).filter((k) => v[k] !== undefined));
    if (keys.length === 0) return w.write('{}');
    keys.forEach((k, i) => {
      if (i > 0 || ctx === 'mapValue') w.newline(indent);
      writeScalar(w, k, indent, true);
      w.write(':');
      const child = v[k];
      if (Array.isArray(child) && child.length > 0) {
        writeNode(w, child, indent, 'mapValue');
      } else if (isMap(child) && !isEmptyCollection(child)) {
        writeNode(w, child, indent + 2, 'mapValue');
      } else {
        w.write(' ');
        writeNode(w, child, indent + 2, 'mapValue');
      }
    });
    return;
  }
  if (v === null || v === undefined) return w.write('null');
  if (typeof v === 'boolean') return w.write(v ? 'true' : 'false');
  if (typeof v === 'number') return w.write(formatNumber(v));
  writeScalar(w, String(v), indent, false);
}

/** formatNumber is yaml.v2's: integers as is, floats with strconv 'g' shortest. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isNaN(n)) return '.nan';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  return String(n);
}

function writeScalar(w: Writer, s: string, indent: number, simpleKey: boolean): void {
  const style = chooseStyle(s, simpleKey);
  switch (style) {
    case 'plain':
      return writeFolded(w, s, indent, !simpleKey, '', '');
    case 'single':
      return writeFolded(w, s.replace(/'/g, "''"), indent, !simpleKey, "'", "'");
    case 'double':
      return writeDouble(w, s, indent, !simpleKey);
    case 'literal':
      return writeLiteral(w, s, indent);
  }
}

/** writeFolded writes plain or single-quoted text, breaking at a space once past column 80. */
function writeFolded(w: Writer, s: string, indent: number, allowBreaks: boolean, open: string, close: string): void {
  w.write(open);
  let spaces = false;
  const chars = Array.from(s);
  let buf = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ' ') {
      const quoted = open !== '';
      const edge = quoted && (i === 0 || i === chars.length - 1);
      if (allowBreaks && !spaces && w.column + buf.length > BEST_WIDTH && chars[i + 1] !== ' ' && !edge) {
        w.write(buf);
        buf = '';
        w.newline(indent);
      } else {
        buf += c;
      }
      spaces = true;
    } else {
      buf += c;
      spaces = false;
    }
  }
  w.write(buf + close);
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function writeDouble(w: Writer, s: string, indent: number, allowBreaks: boolean): void {
  w.write('"');
  const chars = Array.from(s);
  let spaces = false;
  let buf = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const cp = c.codePointAt(0)!;
    if (!isPrintable(cp) || c === '\n' || c === '\r' || c === '"' || c === '\\' || c === '\u0085' || c === '\u2028' || c === '\u2029' || cp === 0xfeff) {
      let e = ESCAPES[c];
      if (!e) {
        if (cp <= 0xff) e = `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
        else if (cp <= 0xffff) e = `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        else e = `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
      }
      buf += e;
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && w.column + buf.length > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        w.write(buf);
        buf = '';
        w.newline(indent);
        if (chars[i + 1] === ' ') buf += '\\';
      } else {
        buf += c;
      }
      spaces = true;
    } else {
      buf += c;
      spaces = false;
    }
  }
  w.write(buf + '"');
}

function writeLiteral(w: Writer, s: string, indent: number): void {
  let chomp = '-';
  if (s.endsWith('\n')) chomp = s.endsWith('\n\n') || s === '\n' ? '+' : '';
  const indicator = s.startsWith(' ') || s.startsWith('\n') ? String(2) : '';
  w.write(`|${indicator}${chomp}`);
  const body = chomp === '-' ? s : s.slice(0, -1);
  for (const line of body.split('\n')) {
    if (line === '') {
      w.text += '\n';
      w.column = 0;
    } else {
      w.newline(indent);
      w.write(line);
    }
  }
}

// ---------------------------------------------------------------------------
// yaml.v2's key order (sorter.go keyList.Less): numbers numerically, then a
// "natural" string order where runs of digits compare as numbers and
// non-letters sort before letters.

function keyFloat(s: string): number | undefined {
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function keyLess(a: string, b: string): boolean {
  const af = keyFloat(a);
  const bf = keyFloat(b);
  if (af !== undefined && bf !== undefined && af !== bf) return af < bf;
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

/** sortKeys orders mapping keys as yaml.v2 does. */
export function sortKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
}
