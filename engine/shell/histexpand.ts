/**
 * History expansion of an interactive line: !!, !n, !-n, !prefix and !$.
 * Returns the new line, undefined when nothing was expanded, or an error
 * text ("!foo: event not found").
 */
export function expandHistory(line: string, history: readonly string[]): { line: string } | { error: string } | undefined {
  if (!line.includes('!')) return undefined;
  let out = '';
  let changed = false;
  let inSingle = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" ) inSingle = !inSingle;
    if (c === '\\' && !inSingle) {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (c !== '!' || inSingle) {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    if (rest === '' || /^[\s=(]/.test(rest) || (line[i - 1] === '[' )) {
      out += c;
      continue;
    }
    let m: RegExpExecArray | null;
    let entry: string | undefined;
    let len = 0;
    let word: 'all' | 'last' = 'all';
    if (rest.startsWith('!')) {
      entry = history[history.length - 1];
      len = 1;
    } else if (rest.startsWith('$')) {
      entry = history[history.length - 1];
      len = 1;
      word = 'last';
    } else if ((m = /^-?\d+/.exec(rest))) {
      const n = Number(m[0]);
      entry = n < 0 ? history[history.length + n] : history[n - 1];
      len = m[0].length;
    } else if ((m = /^[^\s;&|()<>'"]+/.exec(rest))) {
      const prefix = m[0];
      entry = [...history].reverse().find((h) => h.startsWith(prefix));
      len = prefix.length;
    } else {
      out += c;
      continue;
    }
    if (entry === undefined) return { error: `!${rest.slice(0, len)}: event not found` };
    if (word === 'last') {
      const words = entry.trim().split(/\s+/);
      entry = words[words.length - 1] ?? '';
    }
    out += entry;
    i += len;
    changed = true;
  }
  return changed ? { line: out } : undefined;
}
