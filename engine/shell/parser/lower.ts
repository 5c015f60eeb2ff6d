import type { GoNode, Syntax } from 'mvdan-sh';
import type { Arith, Assign, Command, IfClause, Redirect, Stmt, TestExpr, Word, WordPart } from './ast.ts';
import { ARITH_BIN_OPS, ARITH_UN_OPS, BIN_CMD_OPS, CASE_OPS, GLOB_OPS, PARAM_NAMES_OPS, PARAM_OPS, PROC_SUBST_OPS, REDIR_OPS, TEST_BIN_OPS, TEST_UN_OPS } from './ops.ts';

type G = GoNode | null | undefined;

const f = (n: G, k: string): unknown => (n ? n[k] : undefined);
const node = (n: G, k: string): GoNode | null => (f(n, k) as GoNode | null | undefined) ?? null;
const list = (n: G, k: string): GoNode[] => (f(n, k) as GoNode[] | null | undefined) ?? [];
const str = (n: G, k: string): string => String(f(n, k) ?? '');
const num = (n: G, k: string): number => Number(f(n, k) ?? 0);
const bool = (n: G, k: string): boolean => f(n, k) === true;

/**
 * Lowerer turns mvdan/sh's Go nodes into the plain AST of ast.ts. src is the
 * parsed text, used to keep each statement's and function's source.
 */
export class Lowerer {
  constructor(
    private readonly sx: Syntax,
    private readonly src: string,
  ) {}

  stmts(ns: GoNode[]): Stmt[] {
    return ns.map((n) => this.stmt(n));
  }

  stmt(n: GoNode): Stmt {
    const cmd = node(n, 'Cmd');
    const pos = n['Pos'] as (() => { Offset(): number; Line(): number }) | undefined;
    const end = n['End'] as (() => { Offset(): number }) | undefined;
    let line = 0;
    let src = '';
    try {
      const p = pos?.call(n);
      const e = end?.call(n);
      line = p?.Line() ?? 0;
      if (p && e) src = this.src.slice(p.Offset(), e.Offset());
    } catch {
      // positions are only for messages; a node without them still runs
    }
    return {
      cmd: cmd ? this.command(cmd) : undefined,
      negated: bool(n, 'Negated'),
      background: bool(n, 'Background'),
      redirs: list(n, 'Redirs').map((r) => this.redirect(r)),
      line,
      src,
    };
  }

  private redirect(r: GoNode): Redirect {
    const op = REDIR_OPS[num(r, 'Op')] ?? '>';
    const word = this.word(node(r, 'Word'));
    const hdoc = node(r, 'Hdoc');
    const out: Redirect = { op, word };
    const n = node(r, 'N');
    if (n) out.n = str(n, 'Value');
    if (hdoc) {
      out.hdoc = this.word(hdoc);
      out.hdocQuoted = word.parts.some((p) => p.t !== 'lit') || word.parts.some((p) => p.t === 'lit' && p.v.includes('\\'));
    }
    return out;
  }

  private command(c: GoNode): Command {
    const type = this.sx.NodeType(c);
    switch (type) {
      case 'CallExpr':
        return { t: 'call', assigns: list(c, 'Assigns').map((a) => this.assign(a)), args: this.braceWords(list(c, 'Args')) };
      case 'BinaryCmd':
        return { t: 'binary', op: BIN_CMD_OPS[num(c, 'Op')] ?? '&&', x: this.stmt(node(c, 'X')!), y: this.stmt(node(c, 'Y')!) };
      case 'IfClause':
        return this.ifClause(c);
      case 'WhileClause':
        return { t: 'while', until: bool(c, 'Until'), cond: this.stmts(list(c, 'Cond')), body: this.stmts(list(c, 'Do')) };
      case 'ForClause': {
        const loop = node(c, 'Loop');
        const body = this.stmts(list(c, 'Do'));
        if (this.sx.NodeType(loop!) === 'CStyleLoop') {
          return { t: 'cfor', init: this.optArith(node(loop, 'Init')), cond: this.optArith(node(loop, 'Cond')), post: this.optArith(node(loop, 'Post')), body };
        }
        const items = list(loop, 'Items');
        const hasIn = items.length > 0 || this.hasInKeyword(loop!);
        return { t: 'for', name: str(node(loop, 'Name'), 'Value'), items: hasIn ? this.braceWords(items) : undefined, body };
      }
      case 'CaseClause':
        return {
          t: 'case',
          word: this.word(node(c, 'Word')),
          items: list(c, 'Items').map((it) => ({ op: CASE_OPS[num(it, 'Op')] ?? ';;', patterns: list(it, 'Patterns').map((w) => this.word(w)), stmts: this.stmts(list(it, 'Stmts')) })),
        };
      case 'Block':
        return { t: 'block', stmts: this.stmts(list(c, 'Stmts')) };
      case 'Subshell':
        return { t: 'subshell', stmts: this.stmts(list(c, 'Stmts')) };
      case 'FuncDecl': {
        const body = this.stmt(node(c, 'Body')!);
        return { t: 'func', name: str(node(c, 'Name'), 'Value'), body, src: body.src };
      }
      case 'ArithmCmd':
        return { t: 'arithcmd', x: this.arith(node(c, 'X')!), src: this.srcOf(node(c, 'X')) };
      case 'TestClause':
        return { t: 'test', x: this.test(node(c, 'X')!) };
      case 'DeclClause':
        return { t: 'decl', variant: str(node(c, 'Variant'), 'Value'), args: list(c, 'Args').map((a) => this.assign(a)) };
      case 'LetClause':
        return { t: 'let', exprs: list(c, 'Exprs').map((x) => this.arith(x)) };
      case 'TimeClause': {
        const s = node(c, 'Stmt');
        return { t: 'time', stmt: s ? this.stmt(s) : undefined };
      }
      default:
        return { t: 'unsupported', what: type };
    }
  }

  /** hasInKeyword tells `for x in; do` (no items, but "in") from `for x; do` (iterate "$@"). */
  private hasInKeyword(loop: GoNode): boolean {
    try {
      const p = (loop['InPos'] as { IsValid(): boolean } | undefined)?.IsValid();
      return p === true;
    } catch {
      return false;
    }
  }

  private ifClause(c: GoNode): IfClause {
    const els = node(c, 'Else');
    return { t: 'if', cond: this.stmts(list(c, 'Cond')), then: this.stmts(list(c, 'Then')), else: els ? this.ifClause(els) : undefined };
  }

  private assign(a: GoNode): Assign {
    const name = node(a, 'Name');
    const value = node(a, 'Value');
    const idx = node(a, 'Index');
    const arr = node(a, 'Array');
    const out: Assign = { name: name ? str(name, 'Value') : '', append: bool(a, 'Append'), naked: bool(a, 'Naked') };
    if (value) out.value = this.word(value);
    if (idx) out.index = this.arith(idx);
    if (arr) out.array = list(arr, 'Elems').map((e) => ({ index: node(e, 'Index') ? this.indexWord(node(e, 'Index')!) : undefined, value: this.word(node(e, 'Value')) }));
    return out;
  }

  /** indexWord reads an array element index ([k]=v) as a word. */
  private indexWord(n: GoNode): Word {
    if (this.sx.NodeType(n) === 'Word') return this.word(n);
    return { parts: [{ t: 'arith', x: this.arith(n), src: this.srcOf(n) }] };
  }

  private braceWords(ws: GoNode[]): Word[] {
    return ws.map((w) => {
      if (this.hasBraceCandidate(w)) this.sx.SplitBraces(w);
      return this.word(w);
    });
  }

  private hasBraceCandidate(w: GoNode): boolean {
    return list(w, 'Parts').some((p) => this.sx.NodeType(p) === 'Lit' && str(p, 'Value').includes('{'));
  }

  word(w: G): Word {
    return { parts: list(w, 'Parts').map((p) => this.part(p)) };
  }

  private part(p: GoNode): WordPart {
    switch (this.sx.NodeType(p)) {
      case 'Lit':
        return { t: 'lit', v: str(p, 'Value') };
      case 'SglQuoted':
        return { t: 'sq', v: str(p, 'Value'), dollar: bool(p, 'Dollar') };
      case 'DblQuoted':
        return { t: 'dq', parts: list(p, 'Parts').map((x) => this.part(x)) };
      case 'ParamExp':
        return this.param(p);
      case 'CmdSubst':
        return { t: 'cmdsubst', stmts: this.stmts(list(p, 'Stmts')) };
      case 'ArithmExp':
        return { t: 'arith', x: this.arith(node(p, 'X')!), src: this.srcOf(node(p, 'X')) };
      case 'ProcSubst':
        return { t: 'procsubst', out: PROC_SUBST_OPS[num(p, 'Op')] === '>(', stmts: this.stmts(list(p, 'Stmts')) };
      case 'ExtGlob':
        return { t: 'extglob', op: GLOB_OPS[num(p, 'Op')] ?? '@(', pattern: str(node(p, 'Pattern'), 'Value') };
      case 'BraceExp':
        return { t: 'brace', seq: bool(p, 'Sequence'), elems: list(p, 'Elems').map((w) => this.word(w)) };
      default:
        return { t: 'lit', v: '' };
    }
  }

  private param(p: GoNode): WordPart {
    const out: WordPart = { t: 'param', short: bool(p, 'Short'), name: str(node(p, 'Param'), 'Value'), excl: bool(p, 'Excl'), length: bool(p, 'Length') };
    const idx = node(p, 'Index');
    if (idx) {
      const lit = this.sx.NodeType(idx) === 'Word' ? list(idx, 'Parts') : [];
      const only = lit.length === 1 && this.sx.NodeType(lit[0]!) === 'Lit' ? str(lit[0]!, 'Value') : '';
      if (only === '@' || only === '*') out.indexAll = only;
      else out.index = this.arith(idx);
    }
    const slice = node(p, 'Slice');
    if (slice) {
      const len = node(slice, 'Length');
      out.slice = { offset: this.arith(node(slice, 'Offset')!), length: len ? this.arith(len) : undefined };
    }
    const repl = node(p, 'Repl');
    if (repl) out.repl = { all: bool(repl, 'All'), orig: this.word(node(repl, 'Orig')), with: node(repl, 'With') ? this.word(node(repl, 'With')) : undefined };
    const exp = node(p, 'Exp');
    if (exp) out.exp = { op: PARAM_OPS[num(exp, 'Op')] ?? ':-', word: node(exp, 'Word') ? this.word(node(exp, 'Word')) : undefined };
    const names = num(p, 'Names');
    if (names) out.names = PARAM_NAMES_OPS[names] as '*' | '@';
    return out;
  }

  /** srcOf returns the source text a node spans (for error messages). */
  srcOf(n: GoNode | null): string {
    if (!n) return '';
    try {
      const p = (n['Pos'] as () => { Offset(): number }).call(n);
      const e = (n['End'] as () => { Offset(): number }).call(n);
      return this.src.slice(p.Offset(), e.Offset());
    } catch {
      return '';
    }
  }

  private optArith(n: GoNode | null): Arith | undefined {
    return n ? this.arith(n) : undefined;
  }

  arith(n: GoNode): Arith {
    switch (this.sx.NodeType(n)) {
      case 'BinaryArithm':
        return { t: 'bin', op: ARITH_BIN_OPS[num(n, 'Op')] ?? '+', x: this.arith(node(n, 'X')!), y: this.arith(node(n, 'Y')!) };
      case 'UnaryArithm':
        return { t: 'un', op: ARITH_UN_OPS[num(n, 'Op')] ?? '+', post: bool(n, 'Post'), x: this.arith(node(n, 'X')!) };
      case 'ParenArithm':
        return { t: 'paren', x: this.arith(node(n, 'X')!) };
      default:
        return { t: 'word', w: this.word(n) };
    }
  }

  private test(n: GoNode): TestExpr {
    switch (this.sx.NodeType(n)) {
      case 'BinaryTest':
        return { t: 'bin', op: TEST_BIN_OPS[num(n, 'Op')] ?? '==', x: this.test(node(n, 'X')!), y: this.test(node(n, 'Y')!) };
      case 'UnaryTest':
        return { t: 'un', op: TEST_UN_OPS[num(n, 'Op')] ?? '-n', x: this.test(node(n, 'X')!) };
      case 'ParenTest':
        return { t: 'paren', x: this.test(node(n, 'X')!) };
      default:
        return { t: 'word', w: this.word(n) };
    }
  }
}
