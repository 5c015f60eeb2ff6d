import type { GoParseError } from 'mvdan-sh';
import type { Stmt } from './ast.ts';
import { loadShellParser, nowMs, parseStats } from './load.ts';
import { Lowerer } from './lower.ts';
import { bashSyntaxError } from './syntax-error.ts';

/** ParseResult is a parsed program, a request for more input, or bash's syntax error text. */
export type ParseResult =
  | { kind: 'ok'; stmts: Stmt[] }
  | { kind: 'incomplete' }
  | { kind: 'error'; message: string; line: number };

/**
 * Messages of mvdan/sh that mean "the input stops too early": an
 * interactive shell then prints PS2 and reads another line. Others that the
 * parser also flags as incomplete (`echo >`, `echo (`) are syntax errors
 * in bash, which complains about `newline'.
 */
const INCOMPLETE = [
  /^reached EOF without/,
  /^unclosed here-document/,
  /must be followed by a statement list$/,
  /^(\|\||&&|\||\|&) must be followed by a statement$/,
  /^case statement must end with "esac"$/,
  /must end with "(fi|done|esac|})"$/,
  /must be followed by "(then|do|in|\))"$/,
  /^"(if|while|until|for|case|select|function|then|do|else|elif)" must be followed/,
  /must be followed by a list$/,
];

/** primed holds statements parsed ahead (source → their JSON), see primeParses. */
let primed = new Map<string, string>();
let onParsed: ((src: string, stmts: Stmt[]) => void) | undefined;

/**
 * primeParses sets the statements of sources parsed ahead of time (the login
 * files every fresh session reads, parsed when the app is built), which
 * parseShell then returns without the parser, so a first prompt does not wait
 * for the parser's large module to load. A source not in the table is parsed.
 */
export function primeParses(entries: Record<string, string>): void {
  primed = new Map(Object.entries(entries));
}

/** recordParses calls fn with every source the parser parsed successfully (to build a primeParses table); undefined stops. */
export function recordParses(fn: ((src: string, stmts: Stmt[]) => void) | undefined): void {
  onParsed = fn;
}

/** parseShell parses src as bash. */
export async function parseShell(src: string): Promise<ParseResult> {
  const ahead = primed.get(src);
  if (ahead !== undefined) return { kind: 'ok', stmts: JSON.parse(ahead) as Stmt[] };
  const { sx, parser } = await loadShellParser();
  const t0 = nowMs();
  try {
    const file = parser.Parse(src, '');
    const lw = new Lowerer(sx, src);
    const stmts = lw.stmts((file['Stmts'] as never[]) ?? []);
    if (endsWithContinuation(src)) return { kind: 'incomplete' };
    onParsed?.(src, stmts);
    return { kind: 'ok', stmts };
  } catch (e) {
    const err = e as GoParseError;
    if (typeof err?.Text !== 'string') return { kind: 'error', message: `syntax error: ${String(e)}`, line: 1 };
    // mvdan/sh does not mark an unclosed here-document with a quoted delimiter (<<'EOF') as
    // incomplete, but bash waits for its body all the same.
    const incomplete = sx.IsIncomplete(e) || /^unclosed here-document/.test(err.Text);
    if (incomplete && INCOMPLETE.some((re) => re.test(err.Text))) return { kind: 'incomplete' };
    const message = bashSyntaxError(err.Text, src, err.Pos.Offset());
    const line = message.startsWith('unexpected EOF') ? src.replace(/\n$/, '').split('\n').length + 1 : err.Pos.Line();
    return { kind: 'error', message, line };
  } finally {
    parseStats.parses++;
    parseStats.parseMs += nowMs() - t0;
  }
}

/** endsWithContinuation tells whether the last line ends in an unescaped backslash (line continuation). */
function endsWithContinuation(src: string): boolean {
  const body = src.endsWith('\n') ? src.slice(0, -1) : src;
  let n = 0;
  for (let i = body.length - 1; i >= 0 && body[i] === '\\'; i--) n++;
  return n % 2 === 1;
}
