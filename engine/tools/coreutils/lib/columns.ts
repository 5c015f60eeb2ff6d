/**
 * GNU ls's multi-column layout: the most columns (filled top to bottom)
 * whose widths fit the line, each column as wide as its longest name plus
 * two spaces, with tab stops every 8 columns used for padding.
 */
export function columnize(names: string[], widths: number[], lineLength: number, tabs = true): string {
  const n = names.length;
  if (n === 0) return '';
  const maxCols = Math.max(1, Math.min(Math.floor(lineLength / 3), n));
  const info = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineLen: (i + 1) * 3, cols: Array(i + 1).fill(3) as number[] }));
  for (let f = 0; f < n; f++) {
    const len = widths[f]!;
    for (let i = 0; i < maxCols; i++) {
      const ci = info[i]!;
      if (!ci.valid) continue;
      const rows = Math.floor((n + i) / (i + 1));
      const idx = Math.floor(f / rows);
      const real = len + (idx === i ? 0 : 2);
      if (ci.cols[idx]! < real) {
        ci.lineLen += real - ci.cols[idx]!;
        ci.cols[idx] = real;
        ci.valid = ci.lineLen < lineLength;
      }
    }
  }
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1]!.valid) cols--;
  const fmt = info[cols - 1]!;
  const rows = Math.floor(n / cols) + (n % cols !== 0 ? 1 : 0);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let col = 0;
    let f = r;
    let pos = 0;
    for (;;) {
      const w = widths[f]!;
      const max = fmt.cols[col++]!;
      out += names[f];
      f += rows;
      if (f >= n) break;
      out += indent(pos + w, pos + max, tabs);
      pos += max;
    }
    out += '\n';
  }
  return out;
}

function indent(from: number, to: number, tabs: boolean): string {
  let s = '';
  while (from < to) {
    if (tabs && Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}
