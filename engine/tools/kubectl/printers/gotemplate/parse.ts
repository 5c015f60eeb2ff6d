/**
 * A parser for the part of Go's text/template that kubectl users write:
 * text, {{pipeline}} with fields, variables, literals, function calls,
 * parentheses and pipes; if/else if/else, range (with $k, $v := and else),
 * with, variable declarations, and {{- -}} trimming. Errors read like Go's
 * ("template: output:1: unclosed action").
 */

export type Arg =
  | { t: 'field'; chain: string[]; pos: number; text: string }
  | { t: 'var'; name: string; chain: string[]; pos: number; text: string }
  | { t: 'dot' }
  | { t: 'string'; value: string }
  | { t: 'number'; value: number; float: boolean }
  | { t: 'bool'; value: boolean }
  | { t: 'nil' }
  | { t: 'ident'; name: string }
  | { t: 'pipe'; pipe: Pipe; chain: string[] };

export interface Command {
  args: Arg[];
  /** pos is the command's offset in the template; text is how Go prints it in errors */
  pos: number;
  text: string;
}

export interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Command[];
  line: number;
  col: number;
  text: string;
}

export type TNode =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; body: TNode[]; else?: TNode[] }
  | { t: 'range'; pipe: Pipe; body: TNode[]; else?: TNode[] }
  | { t: 'template'; name: string; pipe?: Pipe };

/** Defined is a named template ({{define "x"}}…{{end}}) and the template text it was defined in. */
export interface Defined {
  nodes: TNode[];
  /** file is the name of the template the definition came from; source is its text */
  file: string;
  source: string;
}

/** TemplateParseError is a template that does not parse; message is Go's without the "template: " prefix. */
export class TemplateParseError extends Error {}

interface Tok {
  k: 'text' | 'action';
  v: string;
  line: number;
  col: number;
  /** start is the offset of the action's text in the template */
  start?: number;
}

function lex(src: string, name: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^[\s]+/, '');
    trimNext = false;
    if (open < 0) {
      if (text) toks.push({ k: 'text', v: text, line, col: 0 });
      break;
    }
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/[\s]+$/, '');
      start += 1;
    }
    if (text) toks.push({ k: 'text', v: text, line, col: 0 });
    line += (src.slice(i, open).match(/\n/g) ?? []).length;
    // find the closing }} outside quotes
    let j = start;
    let q = '';
    for (; j < src.length; j++) {
      const c = src[j]!;
      if (q) {
        if (c === '\\' && q !== '`') j++;
        else if (c === q) q = '';
        continue;
      }
      if (c === '"' || c === '`' || c === "'") q = c;
      else if (src.startsWith('}}', j)) break;
    }
    if (j >= src.length) throw new TemplateParseError(`${name}:${line}: unclosed action`);
    let body = src.slice(start, j);
    if (/[\s]-$/.test(body)) {
      body = body.slice(0, -1);
      trimNext = true;
    }
    toks.push({ k: 'action', v: body, line, col: open, start });
    line += (body.match(/\n/g) ?? []).length;
    i = j + 2;
  }
  return toks;
}

/** words splits an action into tokens: strings, raw strings, chars, parens, pipes, := and = and words. */
/** lastOffsets are the offsets of the words the last call to words() returned. */
let lastOffsets: number[] = [];

function words(s: string, name: string, line: number): string[] {
  const out: string[] = [];
  const offs: number[] = [];
  lastOffsets = offs;
  const push = (at: number, w: string) => {
    offs.push(at);
    out.push(w);
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === '`' || c === "'") {
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '\\' && c !== '`') j++;
        else if (s[j] === c) break;
        else if (s[j] === '\n' && c !== '`') j = s.length;
      }
      if (j >= s.length) throw new TemplateParseError(`${name}:${line}: unterminated quoted string`);
      push(i, s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      push(i, c);
      i++;
      continue;
    }
    if (s.startsWith(':=', i)) {
      push(i, ':=');
      i += 2;
      continue;
    }
    if (c === '=' ) {
      push(i, '=');
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !/[\s()|,"`']/.test(s[j]!) && !s.startsWith(':=', j) && !(s[j] === '=' )) j++;
    if (j === i) throw new TemplateParseError(`${name}:${line}: unexpected "${c}" in command`);
    // a word followed by "(" sub-expression chain like (x).a is handled by the parser
    push(i, s.slice(i, j));
    i = j;
  }
  return out;
}

function unquoteGo(w: string): string {
  if (w.startsWith('`')) return w.slice(1, -1);
  if (w.startsWith("'")) return w.slice(1, -1);
  return JSON.parse(w.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as string;
}

function parsePipe(text: string, name: string, line: number, col: number, base = 0): Pipe {
  const ws = words(text, name, line);
  const offs = lastOffsets;
  let pos = 0;
  const fail = (msg: string): never => {
    throw new TemplateParseError(`${name}:${line}: ${msg}`);
  };
  const operand = (): Arg => {
    const at = base + (offs[pos] ?? 0);
    const w = ws[pos++]!;
    if (w === '(') {
      const inner = pipeline([')']);
      if (ws[pos] !== ')') fail('unclosed left paren');
      pos++;
      const arg: Arg = { t: 'pipe', pipe: inner, chain: [] };
      // (x).Field chains only when the field follows the parenthesis directly: "(x) .Field" is another argument.
      if (pos < ws.length && ws[pos]!.startsWith('.') && ws[pos] !== '.' && offs[pos] === offs[pos - 1]! + 1) arg.chain = ws[pos++]!.slice(1).split('.');
      return arg;
    }
    if (w === ')') fail('unexpected ")" in operand');
    if (w.startsWith('"') || w.startsWith('`')) return { t: 'string', value: unquoteGo(w) };
    if (w.startsWith("'")) return { t: 'number', value: unquoteGo(w).codePointAt(0) ?? 0, float: false };
    if (w === '.') return { t: 'dot' };
    // Go places a chain of fields (.a.b, $x.a) where its second part starts: the lexer reads ".a" and ".b" as two tokens.
    if (w.startsWith('.')) {
      const chain = w.slice(1).split('.');
      return { t: 'field', chain, pos: chain.length > 1 ? at + 1 + chain[0]!.length : at, text: w };
    }
    if (w.startsWith('$')) {
      const [v, ...chain] = w.split('.');
      return { t: 'var', name: v!, chain, pos: chain.length ? at + v!.length : at, text: w };
    }
    if (w === 'true' || w === 'false') return { t: 'bool', value: w === 'true' };
    if (w === 'nil') return { t: 'nil' };
    if (/^[+-]?(\d|\.\d)/.test(w)) {
      const n = Number(w);
      if (Number.isNaN(n)) fail(`bad number syntax: "${w}"`);
      return { t: 'number', value: n, float: /[.eE]/.test(w) && !/^0x/i.test(w) };
    }
    if (/^[A-Za-z_]\w*$/.test(w)) return { t: 'ident', name: w };
    return fail(`unexpected "${w}" in command`);
  };
  const pipeline = (stops: string[]): Pipe => {
    const p: Pipe = { decl: [], assign: false, cmds: [], line, col, text };
    const newCmd = (): Command => ({ args: [], pos: base + (offs[pos] ?? 0), text: '' });
    let cmd: Command = newCmd();
    let from = pos;
    const close = () => {
      cmd.text = ws.slice(from, pos).join(' ');
    };
    while (pos < ws.length && !stops.includes(ws[pos]!)) {
      if (ws[pos] === '|') {
        if (cmd.args.length === 0) fail('missing command');
        close();
        p.cmds.push(cmd);
        pos++;
        from = pos;
        cmd = newCmd();
        continue;
      }
      cmd.args.push(operand());
    }
    if (cmd.args.length === 0) fail(p.cmds.length ? 'missing command' : 'missing value for command');
    close();
    p.cmds.push(cmd);
    return p;
  };
  let decl: string[] = [];
  let assign = false;
  const declEnd = ws.findIndex((w) => w === ':=' || w === '=');
  if (declEnd > 0 && ws.slice(0, declEnd).every((w) => w === ',' || w.startsWith('$'))) {
    decl = ws.slice(0, declEnd).filter((w) => w !== ',');
    assign = ws[declEnd] === '=';
    pos = declEnd + 1;
  }
  const pipe = pipeline([]);
  if (pos < ws.length) fail(`unexpected "${ws[pos]}" in operand`);
  return { ...pipe, decl, assign };
}

/**
 * parseTemplate parses a whole template (named "output", as kubectl names it).
 * Named templates ({{define}}, {{block}}) go into defines, which several
 * templates of one set may share.
 */
export function parseTemplate(src: string, name = 'output', defines: Map<string, Defined> = new Map()): TNode[] {
  const toks = lex(src, name);
  let i = 0;
  const parseList = (until: string[]): { nodes: TNode[]; end: string; tok?: Tok } => {
    const nodes: TNode[] = [];
    while (i < toks.length) {
      const tok = toks[i++]!;
      if (tok.k === 'text') {
        nodes.push({ t: 'text', text: tok.v });
        continue;
      }
      const body = tok.v.trim();
      if (body.startsWith('/*')) continue;
      const kw = /^(\w+)\b\s*(.*)$/s.exec(body);
      const word = kw?.[1] ?? '';
      if (word === 'end' || word === 'else') {
        if (!until.includes(word)) throw new TemplateParseError(`${name}:${tok.line}: unexpected {{${word}}}`);
        return { nodes, end: word, tok };
      }
      if (word === 'if' || word === 'with' || word === 'range') {
        nodes.push(parseBlock(word, kw![2]!, tok));
        continue;
      }
      if (word === 'define' || word === 'template' || word === 'block') {
        const m = /^("(?:[^"\\\n]|\\.)*"|`[^`]*`)\s*(.*)$/s.exec(kw![2]!);
        if (!m) throw new TemplateParseError(`${name}:${tok.line}: unexpected "${kw![2]!.trim().split(/\s/)[0] ?? ''}" in ${word} clause`);
        const tname = unquoteGo(m[1]!);
        const rest = m[2]!.trim();
        if (word === 'define' && rest) throw new TemplateParseError(`${name}:${tok.line}: unexpected "${rest.split(/\s/)[0]}" in define clause`);
        const pipe = rest ? parsePipe(rest, name, tok.line, tok.col, (tok.start ?? 0) + tok.v.lastIndexOf(rest)) : undefined;
        if (word !== 'template') {
          const body = parseList(['end']);
          defines.set(tname, { nodes: body.nodes, file: name, source: src });
        }
        if (word !== 'define') nodes.push(pipe ? { t: 'template', name: tname, pipe } : { t: 'template', name: tname });
        continue;
      }
      nodes.push({ t: 'action', pipe: parsePipe(body, name, tok.line, tok.col, (tok.start ?? 0) + tok.v.indexOf(body)) });
    }
    if (until.length) throw new TemplateParseError(`${name}:${toks[toks.length - 1]?.line ?? 1}: unexpected EOF`);
    return { nodes, end: '' };
  };
  const parseBlock = (word: 'if' | 'with' | 'range', pipeText: string, tok: Tok): TNode => {
    const pipe = parsePipe(pipeText, name, tok.line, tok.col, (tok.start ?? 0) + tok.v.indexOf(pipeText));
    const body = parseList(['end', 'else']);
    const node: Extract<TNode, { t: 'if' | 'with' | 'range' }> = { t: word, pipe, body: body.nodes };
    if (body.end === 'else') {
      const rest = body.tok!.v.trim().replace(/^else\s*/, '');
      const m = /^(if|with)\s+(.*)$/s.exec(rest);
      if (m && (m[1] === word || word !== 'range')) node.else = [parseBlock(m[1] as 'if' | 'with', m[2]!, body.tok!)];
      else node.else = parseList(['end']).nodes;
    }
    return node;
  };
  return parseList([]).nodes;
}
