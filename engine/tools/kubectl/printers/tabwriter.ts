/**
 * TabWriter aligns tab-separated cells the way kubectl's printers do: Go's
 * text/tabwriter (through liggitt/tabwriter) with minwidth 6, padding 3,
 * padchar ' ' and RememberWidths, so that a watch's later rows keep the
 * widths of earlier ones. A line's text after its last tab is not a cell and
 * is never padded. Widths count runes, as Go does.
 */
export class TabWriter {
  private buf = '';
  private widths: number[] = [];

  constructor(
    private readonly minwidth = 6,
    private readonly padding = 3,
    private readonly remember = true,
  ) {}

  write(s: string): void {
    this.buf += s;
  }

  /** flush formats everything written so far and returns it. */
  flush(): string {
    if (this.buf === '') return '';
    const text = this.buf;
    this.buf = '';
    const endsWithNewline = text.endsWith('\n');
    const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
    const out: string[] = [];
    this.format(lines, out);
    return out.join('\n') + (endsWithNewline ? '\n' : '');
  }

  /** format is tabwriter's recursive column-block algorithm. */
  private format(lines: string[][], out: string[]): void {
    const widths: number[] = [];
    const rec = (l0: number, l1: number, col: number) => {
      let start = l0;
      for (let thisLine = l0; thisLine < l1; thisLine++) {
        if (col >= lines[thisLine]!.length - 1) continue;
        emit(start, thisLine, widths);
        start = thisLine;
        let width = this.minwidth;
        if (this.remember) width = Math.max(width, this.widths[col] ?? 0);
        let end = thisLine;
        for (; end < l1; end++) {
          const line = lines[end]!;
          if (col >= line.length - 1) break;
          const w = runeCount(line[col]!) + this.padding;
          if (w > width) width = w;
        }
        if (this.remember) this.widths[col] = Math.max(this.widths[col] ?? 0, width);
        widths.push(width);
        rec(start, end, col + 1);
        widths.pop();
        start = end;
        thisLine = end - 1;
      }
      emit(start, l1, widths);
    };
    const emit = (from: number, to: number, ws: number[]) => {
      for (let i = from; i < to; i++) {
        const cells = lines[i]!;
        let s = '';
        for (let j = 0; j < cells.length; j++) {
          const c = cells[j]!;
          if (j < cells.length - 1) {
            const w = ws[j] ?? runeCount(c) + this.padding;
            s += c + ' '.repeat(Math.max(0, w - runeCount(c)));
          } else {
            s += c;
          }
        }
        out[i] = s;
      }
    };
    rec(0, lines.length, 0);
  }
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** formatTable aligns rows of cells in one go (no memory across calls). */
export function formatTable(rows: string[][]): string {
  const tw = new TabWriter(6, 3, false);
  for (const r of rows) tw.write(r.join('\t') + '\n');
  return tw.flush();
}
