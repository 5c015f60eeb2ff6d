/** Expressions of an awk program. */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'idx'; name: string; subs: Expr[] }
  | { k: 'field'; e: Expr }
  | { k: 'assign'; op: string; lv: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: string; post: boolean; lv: Expr }
  | { k: 'in'; subs: Expr[]; arr: string }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; lv?: Expr; file?: Expr; cmd?: Expr }
  | { k: 'group'; e: Expr; list?: Expr[] };

/** Redirect of print/printf output. */
export interface Redir {
  op: '>' | '>>' | '|';
  e: Expr;
}

/** Statements of an awk program. */
export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; redir?: Redir }
  | { k: 'printf'; args: Expr[]; redir?: Redir }
  | { k: 'if'; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: Expr; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'nextfile' }
  | { k: 'exit'; e?: Expr }
  | { k: 'return'; e?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'getline'; e: Expr };

/** Rule is pattern { action }. */
export interface Rule {
  pattern?: Expr;
  range?: [Expr, Expr];
  body?: Stmt[];
  inRange?: boolean;
}

/** Program is a parsed awk program. */
export interface Program {
  begin: Stmt[][];
  end: Stmt[][];
  rules: Rule[];
  funcs: Map<string, { params: string[]; body: Stmt[] }>;
}
