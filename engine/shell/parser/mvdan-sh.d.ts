/**
 * Types for the GopherJS build of mvdan/sh (the npm package ships none).
 * Only what the lowering pass touches is declared; nodes are opaque Go
 * structs whose fields are read through lower.ts.
 */
declare module 'mvdan-sh' {
  /** GoNode is any syntax node; its Go fields are read by name. */
  export type GoNode = { readonly [field: string]: unknown };
  export interface GoPos {
    Offset(): number;
    Line(): number;
    Col(): number;
  }
  export interface GoParseError {
    Text: string;
    Pos: GoPos;
    Incomplete?: boolean;
  }
  export interface Parser {
    Parse(src: string, name: string): GoNode;
  }
  export interface Printer {
    Print(node: GoNode): string;
  }
  export interface Syntax {
    NewParser(...opts: unknown[]): Parser;
    NewPrinter(...opts: unknown[]): Printer;
    NodeType(node: GoNode): string;
    IsIncomplete(err: unknown): boolean;
    SplitBraces(word: GoNode): boolean;
    KeepComments(keep: boolean): unknown;
    Variant(lang: unknown): unknown;
    LangBash: unknown;
  }
  const sh: { syntax: Syntax };
  export default sh;
}
