import type { Completion } from '../../../engine/protocol/api.ts';
import { charWidth } from './layout.ts';

/** commonPrefix is the longest prefix every candidate shares. */
export function commonPrefix(items: string[]): string {
  if (items.length === 0) return '';
  let p = items[0]!;
  for (const s of items) {
    let i = 0;
    while (i < p.length && i < s.length && p[i] === s[i]) i++;
    p = p.slice(0, i);
    if (!p) break;
  }
  return p;
}

/** CompletionStep is what one Tab press does to the line. */
export type CompletionStep =
  | { kind: 'none' }
  | { kind: 'replace'; start: number; end: number; text: string }
  | { kind: 'list'; items: string[] };

/**
 * completionStep decides what Tab does, as bash does: one candidate replaces
 * the word (a space follows unless it ends in / or =); several insert their
 * longest common prefix when that adds something; otherwise a second Tab in
 * a row lists them.
 */
export function completionStep(line: string, cursor: number, c: Completion, secondTab: boolean): CompletionStep {
  const cands = [...new Set(c.candidates)];
  if (cands.length === 0) return { kind: 'none' };
  const typed = line.slice(c.start, cursor);
  if (cands.length === 1) {
    const only = cands[0]!;
    const after = line[c.end];
    const space = /[/=]$/.test(only) || after === ' ' ? '' : ' ';
    return { kind: 'replace', start: c.start, end: c.end, text: only + space };
  }
  const prefix = commonPrefix(cands);
  if (prefix.length > typed.length && prefix.startsWith(typed)) return { kind: 'replace', start: c.start, end: cursor, text: prefix };
  if (secondTab) return { kind: 'list', items: displayNames(typed, cands) };
  return { kind: 'none' };
}

/**
 * displayNames shows file candidates by their last path component, as bash
 * does for filename completion; other candidates are shown as they are.
 */
export function displayNames(typed: string, cands: string[]): string[] {
  const pathLike = /^(\/|\.\.?\/|~)/.test(typed) || cands.some((c) => c.endsWith('/'));
  const cut = typed.lastIndexOf('/') + 1;
  const shown = cands.map((c) => (pathLike && cut > 0 && c.startsWith(typed.slice(0, cut)) ? c.slice(cut) : c));
  return shown.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * formatColumns lays items out in columns down then across, as bash lists
 * completions: each column as wide as the longest item plus two spaces,
 * as many columns as fit in `cols`. Lines end with CR LF.
 */
export function formatColumns(items: string[], cols: number): string {
  if (items.length === 0) return '';
  const colWidth = Math.max(...items.map(width)) + 2;
  const perLine = Math.max(1, Math.floor(cols / colWidth));
  const lines = Math.ceil(items.length / perLine);
  let out = '';
  for (let r = 0; r < lines; r++) {
    let line = '';
    for (let c = 0; c < perLine; c++) {
      const i = c * lines + r;
      const item = items[i];
      if (item === undefined) continue;
      const last = (c + 1) * lines + r >= items.length;
      line += last ? item : item + ' '.repeat(colWidth - width(item));
    }
    out += line.trimEnd() + '\r\n';
  }
  return out;
}

/** QUERY_ITEMS is bash's completion-query-items: above it, bash asks before listing. */
export const QUERY_ITEMS = 100;
