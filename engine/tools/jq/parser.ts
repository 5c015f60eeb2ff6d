import type { FuncDef, Node, ObjectEntry, Pattern } from './ast.ts';
import { lex, LexError, tokenName, type Token } from './lexer.ts';

/**
 * A recursive-descent parser for jq 1.6's grammar, with its precedences:
 * `|` < `,` < `//` < assignments < `or` < `and` < comparisons < `+ -` < `* / %`
 * < postfix terms. Errors carry bison's wording and the offset jq points at.
 */
export class JqSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
    /** extra errors jq reports after the syntax error (e.g. an unterminated if) */
    readonly extra: Array<{ message: string; pos: number }> = [],
    /** plain errors are not bison's and get no "(Unix shell quoting issues?)" */
    readonly plain = false,
  ) {
    super(message);
  }
}

/** ParseOptions switch on yq v4's additions to the grammar: `.a.[0]` and `… as $x ireduce (init; update)`. */
export interface ParseOptions {
  yq?: boolean;
}

export function parseProgram(src: string, opts: ParseOptions = {}): Node {
  let tokens: Token[];
  try {
    tokens = lex(src).tokens;
  } catch (e) {
    if (e instanceof LexError) throw new JqSyntaxError('syntax error, unexpected $end', Math.max(0, src.length - 1));
    throw e;
  }
  const p = new Parser(tokens, src, false, opts);
  const node = p.parseTop();
  return node;
}

const ASSIGN_OPS = new Set(['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']);
const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly src: string,
    /** an interpolation's parser ends at its ')' rather than at $end */
    private readonly nested: boolean,
    private readonly opts: ParseOptions = {},
  ) {}

  private peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  private take(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private is(v: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.k === 'punct' || t.k === 'keyword') && t.v === v;
  }
  private fail(t: Token, expecting?: string[]): never {
    // bison points at the last token when the input ends early ($ and a variable's name are two tokens there)
    let pos = t.pos;
    if (t.k === 'eof') {
      const last = this.toks[this.toks.indexOf(t) - 1];
      pos = last ? last.pos + (last.k === 'var' ? 1 : 0) : 0;
    }
    const exp = expecting && expecting.length > 0 ? ', expecting ' + expecting.join(' or ') : '';
    throw new JqSyntaxError(`syntax error, unexpected ${tokenName(t)}${exp}`, pos);
  }
  private expect(v: string, expecting?: string[]): Token {
    if (!this.is(v)) this.fail(this.peek(), expecting ?? [v.length === 1 ? `'${v}'` : v]);
    return this.take();
  }

  parseTop(): Node {
    if (this.peek().k === 'eof') return { t: 'identity' };
    if (!this.nested && !this.canStart(this.peek())) this.fail(this.peek(), ['$end']);
    const n = this.parsePipe();
    if (this.peek().k !== 'eof') this.fail(this.peek(), this.nested ? [] : ['$end']);
    return n;
  }

  private canStart(t: Token): boolean {
    if (t.k === 'punct') return ['.', '..', '(', '[', '{', '-'].includes(t.v);
    if (t.k === 'keyword') return ['if', 'try', 'reduce', 'foreach', 'def', 'label'].includes(t.v);
    return t.k !== 'invalid' && t.k !== 'eof';
  }

  parsePipe(): Node {
    if (this.is('def')) {
      const fn = this.parseDef();
      return { t: 'def', fn, rest: this.parsePipe() };
    }
    if (this.is('label')) {
      this.take();
      const v = this.take();
      if (v.k !== 'var') this.fail(v, ["'$'"]);
      this.expect('|');
      return { t: 'label', name: v.v, body: this.parsePipe() };
    }
    const left = this.parseComma();
    if (this.is('|')) {
      this.take();
      return { t: 'pipe', left, right: this.parsePipe() };
    }
    return left;
  }

  private parseDef(): FuncDef {
    this.expect('def');
    const name = this.take();
    if (name.k !== 'ident' && name.k !== 'keyword') this.fail(name, ['IDENT']);
    const params: string[] = [];
    if (this.is('(')) {
      this.take();
      for (;;) {
        const t = this.take();
        if (t.k === 'var') params.push('$' + t.v);
        else if (t.k === 'ident' || t.k === 'keyword') params.push(t.v);
        else this.fail(t, ['IDENT', "'$'"]);
        if (this.is(';')) {
          this.take();
          continue;
        }
        this.expect(')', ["';'", "')'"]);
        break;
      }
    }
    this.expect(':', ["':'", "'('"]);
    const body = this.parsePipe();
    this.expect(';');
    return { name: name.v, params, body };
  }

  private parsePattern(): Pattern {
    const t = this.peek();
    if (t.k === 'var') {
      this.take();
      return { t: 'pvar', name: t.v };
    }
    if (this.is('[')) {
      this.take();
      const elems: Pattern[] = [this.parsePattern()];
      while (this.is(',')) {
        this.take();
        elems.push(this.parsePattern());
      }
      this.expect(']', ["','", "']'"]);
      return { t: 'parray', elems };
    }
    if (this.is('{')) {
      this.take();
      const entries: Array<{ key: Node; keyVar?: string; value?: Pattern }> = [];
      for (;;) {
        const k = this.peek();
        if (k.k === 'var') {
          this.take();
          if (this.is(':')) {
            this.take();
            entries.push({ key: { t: 'literal', value: k.v }, keyVar: k.v, value: this.parsePattern() });
          } else entries.push({ key: { t: 'literal', value: k.v }, keyVar: k.v });
        } else if (k.k === 'ident' || k.k === 'keyword') {
          this.take();
          this.expect(':');
          entries.push({ key: { t: 'literal', value: k.v }, value: this.parsePattern() });
        } else if (k.k === 'string') {
          this.take();
          const key = this.stringNode(k);
          this.expect(':');
          entries.push({ key, value: this.parsePattern() });
        } else if (this.is('(')) {
          this.take();
          const key = this.parsePipe();
          this.expect(')');
          this.expect(':');
          entries.push({ key, value: this.parsePattern() });
        } else this.fail(k);
        if (this.is(',')) {
          this.take();
          continue;
        }
        this.expect('}', ["','", "'}'"]);
        break;
      }
      return { t: 'pobj', entries };
    }
    this.fail(t, ["'$'", "'['", "'{'"]);
  }

  private parseComma(): Node {
    let left = this.parseAlt();
    while (this.is(',')) {
      this.take();
      left = { t: 'comma', left, right: this.parseAlt() };
    }
    return left;
  }

  private parseAlt(): Node {
    const left = this.parseAssign();
    if (this.is('//')) {
      this.take();
      return { t: 'alt', left, right: this.parseAlt() };
    }
    return left;
  }

  private parseAssign(): Node {
    const left = this.parseOr();
    const t = this.peek();
    if (t.k === 'punct' && ASSIGN_OPS.has(t.v)) {
      this.take();
      // the right side of an assignment may itself be a `//` chain (nonassoc, lower precedence)
      const right = this.parseAlt();
      return { t: 'assign', op: t.v, left, right };
    }
    return left;
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.is('or')) {
      this.take();
      left = { t: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseCompare();
    while (this.is('and')) {
      this.take();
      left = { t: 'and', left, right: this.parseCompare() };
    }
    return left;
  }

  private parseCompare(): Node {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.k === 'punct' && COMPARE_OPS.has(t.v)) {
      this.take();
      const right = this.parseAdditive();
      const n = this.peek();
      if (n.k === 'punct' && COMPARE_OPS.has(n.v)) this.fail(n);
      return { t: 'binop', op: t.v, left, right };
    }
    return left;
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (t.k === 'punct' && (t.v === '+' || t.v === '-')) {
        this.take();
        left = { t: 'binop', op: t.v, left, right: this.parseMultiplicative() };
      } else return left;
    }
  }

  private parseMultiplicative(): Node {
    const start = this.peek().pos;
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.k === 'punct' && (t.v === '*' || t.v === '/' || t.v === '%')) {
        this.take();
        left = { t: 'binop', op: t.v, left, right: this.parseUnary(), pos: start };
      } else return left;
    }
  }

  private parseUnary(): Node {
    if (this.is('-')) {
      this.take();
      return { t: 'neg', body: this.parseUnary() };
    }
    const term = this.parsePostfix();
    if (this.is('as')) {
      // `Term as $x | body` takes the rest of the pipeline as its body
      this.take();
      const pattern = this.parsePattern();
      const next = this.peek();
      if (this.opts.yq && next.k === 'ident' && next.v === 'ireduce') {
        // yq: `SOURCE as $x ireduce (INIT; UPDATE)` is jq's reduce written infix
        this.take();
        this.expect('(');
        const init = this.parsePipe();
        this.expect(';');
        const update = this.parsePipe();
        this.expect(')');
        return { t: 'reduce', source: term, pattern, init, update };
      }
      this.expect('|');
      return { t: 'as', source: term, pattern, body: this.parsePipe() };
    }
    return term;
  }


  parsePostfix(): Node {
    let n = this.parsePrimary();
    for (;;) {
      const t = this.peek();
      if (t.k === 'field') {
        this.take();
        n = { t: 'index', target: n, key: { t: 'literal', value: t.v } };
      } else if (this.is('.') && this.peek(1).k === 'string') {
        this.take();
        n = { t: 'index', target: n, key: this.stringNode(this.take() as Extract<Token, { k: 'string' }>) };
      } else if (this.is('[')) {
        n = this.parseBracketSuffix(n);
      } else if (this.opts.yq && this.is('.') && this.is('[', 1)) {
        this.take();
        n = this.parseBracketSuffix(n);
      } else if (this.is('?')) {
        this.take();
        n = { t: 'try', body: n };
      } else return n;
    }
  }

  /** parseBracketSuffix reads [], [e], [e:], [:e], [e:e] after a term. */
  private parseBracketSuffix(target: Node): Node {
    this.expect('[');
    if (this.is(']')) {
      this.take();
      return { t: 'iterate', target };
    }
    if (this.is(':')) {
      this.take();
      const to = this.parsePipe();
      this.expect(']');
      return { t: 'slice', target, to };
    }
    const from = this.parsePipe();
    if (this.is(':')) {
      this.take();
      if (this.is(']')) {
        this.take();
        return { t: 'slice', target, from };
      }
      const to = this.parsePipe();
      this.expect(']');
      return { t: 'slice', target, from, to };
    }
    this.expect(']', ["']'", "':'"]);
    return { t: 'index', target, key: from };
  }

  private stringNode(t: Extract<Token, { k: 'string' }>, format?: string): Node {
    if (t.unterminated) throw new JqSyntaxError('syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END', t.pos + 1);
    if (t.badEscape !== undefined) throw new JqSyntaxError(`Invalid escape at line 1, column ${t.badEscape.length} (while parsing '${t.badEscape}')`, t.pos + 1, [], true);
    const parts = t.parts.map((p) => (typeof p === 'string' ? p : new Parser(p, this.src, true, this.opts).parseTop()));
    if (parts.length === 1 && typeof parts[0] === 'string' && !format) return { t: 'literal', value: parts[0] };
    return { t: 'string', parts, format };
  }

  private parsePrimary(): Node {
    const t = this.peek();
    switch (t.k) {
      case 'field':
        this.take();
        return { t: 'index', target: { t: 'identity' }, key: { t: 'literal', value: t.v } };
      case 'number':
        this.take();
        return { t: 'literal', value: t.n };
      case 'string':
        this.take();
        return this.stringNode(t);
      case 'format': {
        this.take();
        const next = this.peek();
        if (next.k === 'string') {
          this.take();
          return this.stringNode(next, t.v.slice(1));
        }
        return { t: 'format', name: t.v.slice(1) };
      }
      case 'var':
        this.take();
        return { t: 'var', name: t.v, pos: t.pos };
      case 'ident': {
        this.take();
        if (t.v === 'break') {
          const v = this.take();
          if (v.k !== 'var') this.fail(v, ["'$'"]);
          return { t: 'break', name: v.v, pos: t.pos };
        }
        if (!this.is('(') && (t.v === 'null' || t.v === 'true' || t.v === 'false')) return { t: 'literal', value: t.v === 'null' ? null : t.v === 'true' };
        const args: Node[] = [];
        if (this.is('(')) {
          this.take();
          for (;;) {
            args.push(this.parsePipe());
            if (this.is(';')) {
              this.take();
              continue;
            }
            this.expect(')', ["';'", "')'"]);
            break;
          }
        }
        // yq: env(NAME) and strenv(NAME) take the variable's bare name
        const a0 = args[0];
        if (this.opts.yq && (t.v === 'env' || t.v === 'strenv') && args.length === 1 && a0?.t === 'call' && a0.args.length === 0) args[0] = { t: 'literal', value: a0.name };
        return { t: 'call', name: t.v, args, pos: t.pos };
      }
      case 'keyword':
        return this.parseKeywordTerm(t);
      case 'punct':
        return this.parsePunctTerm(t);
      default:
        this.fail(t);
    }
  }

  private parsePunctTerm(t: Extract<Token, { k: 'punct' }>): Node {
    switch (t.v) {
      case '.': {
        this.take();
        const next = this.peek();
        if (next.k === 'string') {
          this.take();
          return { t: 'index', target: { t: 'identity' }, key: this.stringNode(next) };
        }
        return { t: 'identity' };
      }
      case '..':
        this.take();
        return { t: 'recurse' };
      case '(': {
        this.take();
        const body = this.parsePipe();
        this.expect(')', []);
        return body;
      }
      case '[': {
        this.take();
        if (this.is(']')) {
          this.take();
          return { t: 'array' };
        }
        const body = this.parsePipe();
        this.expect(']', []);
        return { t: 'array', body };
      }
      case '{':
        return this.parseObject();
      case '-': {
        this.take();
        return { t: 'neg', body: this.parsePostfix() };
      }
      default:
        this.fail(t);
    }
  }

  private parseKeywordTerm(t: Extract<Token, { k: 'keyword' }>): Node {
    switch (t.v) {
      case 'if':
        return this.parseIf();
      case 'try': {
        this.take();
        const body = this.parsePostfixOrNeg();
        if (this.is('catch')) {
          this.take();
          return { t: 'try', body, handler: this.parsePostfixOrNeg() };
        }
        return { t: 'try', body };
      }
      case 'reduce':
      case 'foreach': {
        this.take();
        const source = this.parsePostfix();
        this.expect('as');
        const pattern = this.parsePattern();
        this.expect('(');
        const init = this.parsePipe();
        this.expect(';');
        const update = this.parsePipe();
        if (t.v === 'reduce') {
          this.expect(')');
          return { t: 'reduce', source, pattern, init, update };
        }
        let extract: Node | undefined;
        if (this.is(';')) {
          this.take();
          extract = this.parsePipe();
        }
        this.expect(')', ["';'", "')'"]);
        return { t: 'foreach', source, pattern, init, update, extract };
      }
      case 'def': {
        const fn = this.parseDef();
        return { t: 'def', fn, rest: this.parsePipe() };
      }
      case 'label': {
        this.take();
        const v = this.take();
        if (v.k !== 'var') this.fail(v, ["'$'"]);
        this.expect('|');
        return { t: 'label', name: v.v, body: this.parsePipe() };
      }
      default:
        this.fail(t);
    }
  }

  private parsePostfixOrNeg(): Node {
    if (this.is('-')) {
      this.take();
      return { t: 'neg', body: this.parsePostfix() };
    }
    return this.parsePostfix();
  }

  private parseIf(): Node {
    const start = this.take();
    const cond = this.parsePipe();
    this.expect('then');
    const then = this.parsePipe();
    if (this.is('elif')) {
      // elif is an if nested in the else branch, sharing the one `end`
      const rest = this.parseIf();
      return { t: 'if', cond, then, otherwise: rest };
    }
    if (this.is('else')) {
      this.take();
      const otherwise = this.parsePipe();
      this.expect('end');
      return { t: 'if', cond, then, otherwise };
    }
    const at = this.peek();
    if (this.is('end')) {
      // jq 1.6 requires else; it says so twice
      throw new JqSyntaxError('syntax error, unexpected end', at.pos, [{ message: "Possibly unterminated 'if' statement", pos: start.pos }]);
    }
    this.fail(at);
  }

  private parseObject(): Node {
    this.expect('{');
    const entries: ObjectEntry[] = [];
    if (this.is('}')) {
      this.take();
      return { t: 'object', entries };
    }
    for (;;) {
      const k = this.peek();
      let key: Node;
      let shorthand: Node | undefined;
      if (k.k === 'var') {
        this.take();
        key = { t: 'literal', value: k.v };
        shorthand = { t: 'var', name: k.v, pos: k.pos };
      } else if (k.k === 'ident' || k.k === 'keyword') {
        this.take();
        key = { t: 'literal', value: k.v };
        shorthand = { t: 'index', target: { t: 'identity' }, key };
      } else if (k.k === 'string') {
        this.take();
        key = this.stringNode(k);
        shorthand = { t: 'index', target: { t: 'identity' }, key };
      } else if (k.k === 'format') {
        this.take();
        const s = this.peek();
        if (s.k !== 'string') this.fail(s, ['QQSTRING_START']);
        this.take();
        key = this.stringNode(s, k.v.slice(1));
        shorthand = { t: 'index', target: { t: 'identity' }, key };
      } else if (k.k === 'number') {
        this.take();
        key = { t: 'literal', value: k.n };
      } else if (this.is('(')) {
        this.take();
        key = this.parsePipe();
        this.expect(')');
      } else this.fail(k);
      if (this.is(':')) {
        this.take();
        entries.push({ key, value: this.parseObjectValue() });
      } else if (shorthand) {
        entries.push({ key: key, value: shorthand });
      } else this.fail(this.peek(), ["':'"]);
      if (this.is(',')) {
        this.take();
        continue;
      }
      this.expect('}');
      break;
    }
    return { t: 'object', entries };
  }

  /** an object value is a term, or terms joined with `|` (jq 1.6's ExpD). */
  private parseObjectValue(): Node {
    let left = this.parsePostfixOrNeg();
    while (this.is('|')) {
      this.take();
      left = { t: 'pipe', left, right: this.parsePostfixOrNeg() };
    }
    const t = this.peek();
    if (!this.is(',') && !this.is('}')) this.fail(t, ["'}'"]);
    return left;
  }
}
