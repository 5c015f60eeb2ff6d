/** A word of the line being completed, with where it starts. */
export interface Word {
  text: string;
  start: number;
}

/**
 * splitWords splits the text before the cursor into shell words (quotes
 * respected, quote characters dropped), keeping each word's start offset. The
 * last word is the one being completed ("" when the text ends in a space).
 * Words restart after ; | & && || so "k get po | grep x" completes grep's args.
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let cur: Word | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else cur!.text += c;
      continue;
    }
    if (c === '"' || c === "'") {
      cur ??= { text: '', start: i };
      quote = c;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      cur ??= { text: '', start: i };
      cur.text += text[++i];
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (cur) words.push(cur);
      cur = undefined;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      if (cur) words.push(cur);
      cur = undefined;
      words.length = 0;
      continue;
    }
    cur ??= { text: '', start: i };
    cur.text += c;
  }
  words.push(cur ?? { text: '', start: text.length });
  return words;
}

/** commonPrefix is the longest prefix shared by every candidate (what bash inserts on one Tab). */
export function commonPrefix(items: string[]): string {
  if (items.length === 0) return '';
  let p = items[0]!;
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}
