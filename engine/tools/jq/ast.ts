import type { Value } from './values.ts';

/** The syntax tree of a jq program. */
export type Node =
  | { t: 'identity' }
  | { t: 'recurse' }
  | { t: 'index'; target: Node; key: Node }
  | { t: 'slice'; target: Node; from?: Node; to?: Node }
  | { t: 'iterate'; target: Node }
  | { t: 'try'; body: Node; handler?: Node }
  | { t: 'literal'; value: Value }
  | { t: 'string'; parts: Array<string | Node>; format?: string }
  | { t: 'format'; name: string }
  | { t: 'array'; body?: Node }
  | { t: 'object'; entries: ObjectEntry[] }
  | { t: 'neg'; body: Node }
  | { t: 'pipe'; left: Node; right: Node }
  | { t: 'comma'; left: Node; right: Node }
  | { t: 'binop'; op: string; left: Node; right: Node; pos?: number }
  | { t: 'and' | 'or' | 'alt'; left: Node; right: Node }
  | { t: 'assign'; op: string; left: Node; right: Node }
  | { t: 'if'; cond: Node; then: Node; otherwise?: Node }
  | { t: 'reduce'; source: Node; pattern: Pattern; init: Node; update: Node }
  | { t: 'foreach'; source: Node; pattern: Pattern; init: Node; update: Node; extract?: Node }
  | { t: 'as'; source: Node; pattern: Pattern; body: Node }
  | { t: 'def'; fn: FuncDef; rest: Node }
  | { t: 'call'; name: string; args: Node[]; pos: number }
  | { t: 'var'; name: string; pos: number }
  | { t: 'label'; name: string; body: Node }
  | { t: 'break'; name: string; pos: number };

export interface ObjectEntry {
  key: Node;
  /** absent for the shorthand forms {a}, {$x}, {"a"} */
  value?: Node;
}

export interface FuncDef {
  name: string;
  /** parameter names; "$x" for value parameters */
  params: string[];
  body: Node;
}

export type Pattern = { t: 'pvar'; name: string } | { t: 'parray'; elems: Pattern[] } | { t: 'pobj'; entries: Array<{ key: Node; keyVar?: string; value?: Pattern }> };
