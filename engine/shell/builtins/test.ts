import { binaryTest, UNARY_OPS, unaryTest, type FileTestEnv } from '../interp/cond.ts';
import { ShellError } from '../interp/errors.ts';
import { fail, type Builtin } from './types.ts';

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class TestSyntax extends Error {}

/**
 * evalTest implements test(1)'s grammar: the POSIX rules for 0–4
 * arguments, then ! ( ) -a -o with their precedence.
 */
export function evalTest(args: string[], env: FileTestEnv, who: string): boolean {
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY_OPS.has(args[0]!)) return unaryTest(args[0]!, args[1]!, env);
    throw new TestSyntax(`${args[0]}: unary operator expected`);
  }
  if (n === 3) {
    if (BINARY.has(args[1]!)) return binaryTest(args[1]!, args[0]!, args[2]!, env, who);
    if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
    if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
    if (args[0] === '!') return !evalTest(args.slice(1), env, who);
    if (args[0] === '(' && args[2] === ')') return args[1] !== '';
    throw new TestSyntax(`${args[1]}: binary operator expected`);
  }
  if (n === 4 && args[0] === '!') return !evalTest(args.slice(1), env, who);
  if (n === 4 && args[0] === '(' && args[3] === ')') return evalTest(args.slice(1, 3), env, who);
  let i = 0;
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = (): boolean => {
    let v = notExpr();
    while (args[i] === '-a') {
      i++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = (): boolean => {
    if (args[i] === '!') {
      i++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestSyntax('argument expected');
    if (a === '(') {
      i++;
      const v = orExpr();
      if (args[i] !== ')') throw new TestSyntax("`)' expected");
      i++;
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3;
      return binaryTest(args[i - 2]!, a, args[i - 1]!, env, who);
    }
    if (UNARY_OPS.has(a) && i + 1 < args.length) {
      i += 2;
      return unaryTest(a, args[i - 1]!, env);
    }
    i++;
    return a !== '';
  };
  const v = orExpr();
  if (i < args.length) throw new TestSyntax('too many arguments');
  return v;
}

/** test and [ evaluate conditional expressions. */
export const test: Builtin = (c) => {
  let args = c.argv.slice(1);
  if (c.name === '[') {
    if (args[args.length - 1] !== ']') return fail(c, "missing `]'", 2);
    args = args.slice(0, -1);
  }
  try {
    return evalTest(args, c.sh.fileTestEnv(c.io), '') ? 0 : 1;
  } catch (e) {
    if (e instanceof TestSyntax || e instanceof ShellError) return fail(c, e.message, 2);
    throw e;
  }
};
