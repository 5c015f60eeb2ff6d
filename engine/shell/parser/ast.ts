/**
 * The shell's own syntax tree: plain objects lowered from mvdan/sh's Go
 * nodes once per parse, so the interpreter never touches GopherJS objects.
 */

/** Word is a shell word made of parts (quoted or not, expansions…). */
export interface Word {
  parts: WordPart[];
}

/** WordPart is one piece of a word. */
export type WordPart =
  | { t: 'lit'; v: string }
  | { t: 'sq'; v: string; dollar: boolean }
  | { t: 'dq'; parts: WordPart[] }
  | ParamExp
  | { t: 'cmdsubst'; stmts: Stmt[] }
  | { t: 'arith'; x: Arith; src: string }
  | { t: 'procsubst'; out: boolean; stmts: Stmt[] }
  | { t: 'extglob'; op: string; pattern: string }
  | { t: 'brace'; seq: boolean; elems: Word[] };

/** ParamExp is $x or ${…} with all its operators. */
export interface ParamExp {
  t: 'param';
  short: boolean;
  name: string;
  /** ${!x}: indirection (or keys / names with index or names) */
  excl: boolean;
  /** ${#x} */
  length: boolean;
  index?: Arith;
  /** index as written when it is @ or * */
  indexAll?: '@' | '*';
  slice?: { offset: Arith; length?: Arith };
  repl?: { all: boolean; orig: Word; with?: Word };
  exp?: { op: string; word?: Word };
  /** ${!prefix*} / ${!prefix@} */
  names?: '*' | '@';
}

/** Arith is an arithmetic expression. */
export type Arith =
  | { t: 'word'; w: Word }
  | { t: 'bin'; op: string; x: Arith; y: Arith }
  | { t: 'un'; op: string; post: boolean; x: Arith }
  | { t: 'paren'; x: Arith };

/** TestExpr is the inside of [[ ]]. */
export type TestExpr =
  | { t: 'word'; w: Word }
  | { t: 'bin'; op: string; x: TestExpr; y: TestExpr }
  | { t: 'un'; op: string; x: TestExpr }
  | { t: 'paren'; x: TestExpr };

/** Redirect is one redirection of a statement. */
export interface Redirect {
  op: string;
  /** the fd number written before the operator (2 in 2>) */
  n?: string;
  word: Word;
  /** here-document body */
  hdoc?: Word;
  /** the here-document delimiter was quoted: no expansion in the body */
  hdocQuoted?: boolean;
}

/** Assign is NAME=value, NAME+=value, NAME[i]=v or NAME=(…). */
export interface Assign {
  name: string;
  append: boolean;
  /** a bare word in a declaration (`local x`, `export -p`) */
  naked: boolean;
  index?: Arith;
  value?: Word;
  array?: Array<{ index?: Word; value: Word }>;
}

/** IfClause is if/elif/else; an else has no cond. */
export interface IfClause {
  t: 'if';
  cond: Stmt[];
  then: Stmt[];
  else?: IfClause;
}

/** Command is what a statement runs. */
export type Command =
  | { t: 'call'; assigns: Assign[]; args: Word[] }
  | { t: 'binary'; op: string; x: Stmt; y: Stmt }
  | IfClause
  | { t: 'while'; until: boolean; cond: Stmt[]; body: Stmt[] }
  | { t: 'for'; name: string; items?: Word[]; body: Stmt[] }
  | { t: 'cfor'; init?: Arith; cond?: Arith; post?: Arith; body: Stmt[] }
  | { t: 'case'; word: Word; items: Array<{ op: string; patterns: Word[]; stmts: Stmt[] }> }
  | { t: 'block'; stmts: Stmt[] }
  | { t: 'subshell'; stmts: Stmt[] }
  | { t: 'func'; name: string; body: Stmt; src: string }
  | { t: 'arithcmd'; x: Arith; src: string }
  | { t: 'test'; x: TestExpr }
  | { t: 'decl'; variant: string; args: Assign[] }
  | { t: 'let'; exprs: Arith[] }
  | { t: 'time'; stmt?: Stmt }
  | { t: 'unsupported'; what: string };

/** Stmt is a command with its redirections, negation and background flag. */
export interface Stmt {
  cmd?: Command;
  negated: boolean;
  background: boolean;
  redirs: Redirect[];
  line: number;
  /** the source text of the statement (for jobs, history of background commands) */
  src: string;
}
