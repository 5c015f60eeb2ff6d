import type { Expr, Program, Redir, Stmt } from './ast.ts';
import { AwkSyntaxError, lexAwk, type Tok } from './lex.ts';

/** parseAwk compiles awk source into a Program. */
export function parseAwk(src: string): Program {
  const toks = lexAwk(src);
  let i = 0;
  const peek = (o = 0) => toks[Math.min(i + o, toks.length - 1)]!;
  const fail = (t: Tok = peek()): never => {
    throw new AwkSyntaxError(t.line, t.t === 'nl' ? 'end of line' : t.t === 'str' ? `"${t.v}"` : t.v);
  };
  const is = (v: string, t?: Tok['t']) => peek().v === v && (t ? peek().t === t : peek().t === 'op' || peek().t === 'kw');
  const eat = (v: string) => {
    if (!is(v)) fail();
    return toks[i++]!;
  };
  const nls = () => {
    while (peek().t === 'nl') i++;
  };
  const terms = () => {
    while (peek().t === 'nl' || is(';')) i++;
  };
  const prog: Program = { begin: [], end: [], rules: [], funcs: new Map() };

  const block = (): Stmt[] => {
    eat('{');
    const body: Stmt[] = [];
    terms();
    while (!is('}')) {
      body.push(stmt());
      terms();
    }
    eat('}');
    return body;
  };

  const simpleEnd = () => {
    if (is(';')) i++;
    else if (peek().t === 'nl') i++;
    else if (!is('}') && peek().t !== 'eof') fail();
  };

  const redir = (): Redir | undefined => {
    if (is('>') || is('>>') || is('|')) {
      const op = toks[i++]!.v as Redir['op'];
      return { op, e: concat(false) };
    }
    return undefined;
  };

  const stmt = (): Stmt => {
    const t = peek();
    if (is('{')) return { k: 'block', body: block() };
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          i++;
          eat('(');
          const c = expr();
          eat(')');
          nls();
          const th = stmt();
          const save = i;
          terms();
          if (is('else')) {
            i++;
            nls();
            return { k: 'if', c, t: th, f: stmt() };
          }
          i = save;
          return { k: 'if', c, t: th };
        }
        case 'while': {
          i++;
          eat('(');
          const c = expr();
          eat(')');
          if (is(';')) {
            i++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          nls();
          return { k: 'while', c, body: stmt() };
        }
        case 'do': {
          i++;
          nls();
          const body = stmt();
          terms();
          eat('while');
          eat('(');
          const c = expr();
          eat(')');
          simpleEnd();
          return { k: 'do', body, c };
        }
        case 'for': {
          i++;
          eat('(');
          if (peek().t === 'name' && peek(1).v === 'in' && peek(2).t === 'name' && peek(3).v === ')') {
            const v: Expr = { k: 'var', name: toks[i++]!.v };
            i++;
            const arr = toks[i++]!.v;
            eat(')');
            nls();
            return { k: 'forin', v, arr, body: stmt() };
          }
          const init = is(';') ? undefined : expr();
          eat(';');
          nls();
          const c = is(';') ? undefined : expr();
          eat(';');
          nls();
          const step = is(')') ? undefined : expr();
          eat(')');
          if (is(';')) {
            i++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          nls();
          return { k: 'for', init, c, step, body: stmt() };
        }
        case 'next': case 'nextfile': case 'break': case 'continue':
          i++;
          simpleEnd();
          return { k: t.v } as Stmt;
        case 'exit': case 'return': {
          i++;
          const e = is(';') || is('}') || peek().t === 'nl' || peek().t === 'eof' ? undefined : expr();
          simpleEnd();
          return { k: t.v, e } as Stmt;
        }
        case 'delete': {
          i++;
          const name = peek().t === 'name' ? toks[i++]!.v : fail();
          let subs: Expr[] | undefined;
          if (is('[')) {
            i++;
            subs = exprList(']');
            eat(']');
          }
          simpleEnd();
          return { k: 'delete', name: name as string, subs };
        }
        case 'print': case 'printf': {
          i++;
          let args: Expr[] = [];
          if (!(is(';') || is('}') || is('>') || is('>>') || is('|') || peek().t === 'nl' || peek().t === 'eof')) {
            if (is('(')) {
              const save = i;
              i++;
              const list = exprList(')');
              eat(')');
              if (is(';') || is('}') || is('>') || is('>>') || is('|') || peek().t === 'nl' || peek().t === 'eof') args = list;
              else {
                i = save;
                args = printArgs();
              }
            } else args = printArgs();
          }
          const r = redir();
          simpleEnd();
          return { k: t.v as 'print', args, redir: r };
        }
      }
    }
    if (is(';')) {
      i++;
      return { k: 'block', body: [] };
    }
    const e = expr();
    simpleEnd();
    return { k: 'expr', e };
  };

  const printArgs = (): Expr[] => {
    const out = [ternary(true)];
    while (is(',')) {
      i++;
      nls();
      out.push(ternary(true));
    }
    return out;
  };

  const exprList = (close: string): Expr[] => {
    const out: Expr[] = [];
    nls();
    if (is(close)) return out;
    out.push(expr());
    nls();
    while (is(',')) {
      i++;
      nls();
      out.push(expr());
      nls();
    }
    return out;
  };

  const isLvalue = (e: Expr) => e.k === 'var' || e.k === 'idx' || e.k === 'field';

  const expr = (noGt = false): Expr => {
    const left = ternary(noGt);
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v) && isLvalue(left)) {
      const op = toks[i++]!.v;
      nls();
      return { k: 'assign', op, lv: left, e: expr(noGt) };
    }
    return left;
  };

  const ternary = (noGt: boolean): Expr => {
    const c = or(noGt);
    if (is('?')) {
      i++;
      nls();
      const a = expr(noGt);
      nls();
      eat(':');
      nls();
      const b = expr(noGt);
      return { k: 'cond', c, a, b };
    }
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v) && isLvalue(c)) {
      const op = toks[i++]!.v;
      nls();
      return { k: 'assign', op, lv: c, e: expr(noGt) };
    }
    return c;
  };

  const or = (noGt: boolean): Expr => {
    let a = and(noGt);
    while (is('||')) {
      i++;
      nls();
      a = { k: 'bin', op: '||', a, b: and(noGt) };
    }
    return a;
  };
  const and = (noGt: boolean): Expr => {
    let a = inExpr(noGt);
    while (is('&&')) {
      i++;
      nls();
      a = { k: 'bin', op: '&&', a, b: inExpr(noGt) };
    }
    return a;
  };
  const inExpr = (noGt: boolean): Expr => {
    let a = match(noGt);
    while (is('in')) {
      i++;
      const arr = peek().t === 'name' ? toks[i++]!.v : fail();
      a = { k: 'in', subs: a.k === 'group' && a.list ? a.list : [a], arr: arr as string };
    }
    return a;
  };
  const match = (noGt: boolean): Expr => {
    let a = compare(noGt);
    while (is('~') || is('!~')) {
      const op = toks[i++]!.v;
      a = { k: 'bin', op, a, b: compare(noGt) };
    }
    return a;
  };
  const compare = (noGt: boolean): Expr => {
    const a = concat(noGt);
    const v = peek().v;
    if (peek().t === 'op' && (['<', '<=', '!=', '==', '>=', '>'].includes(v)) && !(noGt && (v === '>'))) {
      i++;
      return { k: 'bin', op: v, a, b: concat(noGt) };
    }
    return a;
  };
  const startsOperand = () => {
    const t = peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'func' || t.t === 'builtin') return true;
    if (t.t === 'op') return ['$', '(', '!', '++', '--', '-', '+'].includes(t.v) && !(t.v === '-' || t.v === '+' || t.v === '!');
    return false;
  };
  const concat = (_noGt: boolean): Expr => {
    let a = additive();
    for (;;) {
      if (is('|') && peek(1).v === 'getline') {
        i += 2;
        const lv = peek().t === 'name' || is('$') ? primary() : undefined;
        a = { k: 'getline', cmd: a, lv };
        continue;
      }
      if (!startsOperand() || (peek().t === 'kw' && peek().v === 'in')) break;
      a = { k: 'bin', op: '', a, b: additive() };
    }
    return a;
  };
  const additive = (): Expr => {
    let a = mul();
    while (is('+') || is('-')) {
      const op = toks[i++]!.v;
      a = { k: 'bin', op, a, b: mul() };
    }
    return a;
  };
  const mul = (): Expr => {
    let a = unary();
    while (is('*') || is('/') || is('%')) {
      const op = toks[i++]!.v;
      a = { k: 'bin', op, a, b: unary() };
    }
    return a;
  };
  const unary = (): Expr => {
    if (is('!')) {
      i++;
      return { k: 'un', op: '!', e: unary() };
    }
    if (is('-') || is('+')) {
      const op = toks[i++]!.v;
      return { k: 'un', op, e: unary() };
    }
    return power();
  };
  const power = (): Expr => {
    const a = postfix();
    if (is('^')) {
      i++;
      return { k: 'bin', op: '^', a, b: unaryPow() };
    }
    return a;
  };
  const unaryPow = (): Expr => {
    if (is('-') || is('+') || is('!')) {
      const op = toks[i++]!.v;
      return { k: 'un', op, e: unaryPow() };
    }
    return power();
  };
  const postfix = (): Expr => {
    if (is('++') || is('--')) {
      const op = toks[i++]!.v;
      return { k: 'incdec', op, post: false, lv: postfix() };
    }
    const e = primary();
    if ((is('++') || is('--')) && isLvalue(e)) {
      const op = toks[i++]!.v;
      return { k: 'incdec', op, post: true, lv: e };
    }
    return e;
  };
  const primary = (): Expr => {
    const t = peek();
    switch (t.t) {
      case 'num':
        i++;
        return { k: 'num', v: Number(t.v) };
      case 'str':
        i++;
        return { k: 'str', v: t.v };
      case 'ere':
        i++;
        return { k: 're', src: t.v };
      case 'name': {
        i++;
        if (is('[')) {
          i++;
          const subs = exprList(']');
          eat(']');
          return { k: 'idx', name: t.v, subs };
        }
        return { k: 'var', name: t.v };
      }
      case 'func': {
        i++;
        eat('(');
        const args = exprList(')');
        eat(')');
        return { k: 'call', name: t.v, args };
      }
      case 'builtin': {
        i++;
        if (is('(')) {
          i++;
          const args = exprList(')');
          eat(')');
          return { k: 'builtin', name: t.v, args };
        }
        if (t.v === 'length') return { k: 'builtin', name: 'length', args: [] };
        return fail(t);
      }
      case 'kw':
        if (t.v === 'getline') {
          i++;
          const lv = peek().t === 'name' || is('$') ? postfix() : undefined;
          if (is('<')) {
            i++;
            return { k: 'getline', lv, file: primary() };
          }
          return { k: 'getline', lv };
        }
        return fail(t);
      case 'op':
        if (t.v === '$') {
          i++;
          if (is('++') || is('--')) return { k: 'field', e: postfix() };
          return { k: 'field', e: primary() };
        }
        if (t.v === '(') {
          i++;
          nls();
          const list = exprList(')');
          eat(')');
          if (list.length === 1) return { k: 'group', e: list[0]! };
          if (!is('in')) fail();
          return { k: 'group', e: list[0]!, list };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return unary();
        return fail(t);
      default:
        return fail(t);
    }
  };

  terms();
  while (peek().t !== 'eof') {
    const t = peek();
    if (t.t === 'kw' && (t.v === 'BEGIN' || t.v === 'END')) {
      i++;
      nls();
      (t.v === 'BEGIN' ? prog.begin : prog.end).push(block());
    } else if (t.t === 'kw' && t.v === 'function') {
      i++;
      const name = peek().t === 'name' || peek().t === 'func' ? toks[i++]!.v : fail();
      eat('(');
      const params: string[] = [];
      while (!is(')')) {
        if (peek().t !== 'name') fail();
        params.push(toks[i++]!.v);
        if (is(',')) {
          i++;
          nls();
        }
      }
      eat(')');
      nls();
      prog.funcs.set(name as string, { params, body: block() });
    } else {
      let pattern: Expr | undefined;
      let range: [Expr, Expr] | undefined;
      if (!is('{')) {
        pattern = expr();
        if (is(',')) {
          i++;
          nls();
          range = [pattern, expr()];
          pattern = undefined;
        }
      }
      const body = is('{') ? block() : undefined;
      prog.rules.push({ pattern, range, body });
    }
    terms();
  }
  return prog;
}
