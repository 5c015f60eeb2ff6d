import { MeasuredRow, runeCount } from './measured-row.ts';

/**
 * TabWriter aligns tab-separated cells the way kubectl's printers do: Go's
 * text/tabwriter (through liggitt/tabwriter) with minwidth 6, padding 3,
 * padchar ' ' and RememberWidths, so that a watch's later rows keep the
 * widths of earlier ones. A line's text after its last tab is not a cell and
 * is never padded. Widths count runes, as Go does.
 *
 * Rows are kept as arrays of cells (writeRow) so tables are never joined and
 * split again; write() accepts tab-separated text for everything else.
 * writeRow also takes a MeasuredRow, which a printer may keep across prints.
 */
export class TabWriter {
  /** rows written so far, as runs: writeRows hands over a whole (shared, unmutated) array, writeRow fills the last run */
  private runs: (readonly MeasuredRow[])[] = [];
  private open: MeasuredRow[] | undefined;
  private widths: number[] = [];

  constructor(
    private readonly minwidth = 6,
    private readonly padding = 3,
    private readonly remember = true,
  ) {}

  /** writeRow adds one line: every cell but the last is padded. */
  writeRow(cells: readonly string[] | MeasuredRow): void {
    if (!this.open) {
      this.open = [];
      this.runs.push(this.open);
    }
    this.open.push(cells instanceof MeasuredRow ? cells : new MeasuredRow(cells));
  }

  /** writeRows adds many lines at once; the array is kept until flush, not copied, and never changed. */
  writeRows(rows: readonly MeasuredRow[]): void {
    if (rows.length === 0) return;
    this.runs.push(rows);
    this.open = undefined;
  }

  /** write adds tab-separated text (several lines allowed). */
  write(s: string): void {
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    for (const line of body.split('\n')) this.writeRow(line.split('\t'));
  }

  /** flush formats everything written so far and returns it. */
  flush(): string {
    const runs = this.runs;
    this.runs = [];
    this.open = undefined;
    if (runs.length === 0) return '';
    const n = runs[0]![0]!.cells.length;
    const uniform = runs.every((run) => run.every((r) => r.cells.length === n));
    return uniform ? this.formatUniform(runs, n) : this.formatBlocks(runs.flat().map((r) => r.cells));
  }

  /**
   * formatUniform is the common case (every line has the same cells): one pass
   * for the widths, from each row's measures, one for the text, where a row
   * written before under the same widths reuses its line.
   */
  private formatUniform(runs: (readonly MeasuredRow[])[], n: number): string {
    const cols = n - 1;
    const widths: number[] = [];
    for (let j = 0; j < cols; j++) widths.push(Math.max(this.minwidth, this.remember ? (this.widths[j] ?? 0) : 0));
    for (const rows of runs) {
      for (let i = 0; i < rows.length; i++) {
        const sizes = rows[i]!.sizes;
        for (let j = 0; j < cols; j++) if (sizes[j]! + this.padding > widths[j]!) widths[j] = sizes[j]! + this.padding;
      }
    }
    if (this.remember) for (let j = 0; j < cols; j++) this.widths[j] = widths[j]!;
    const key = widths.join(',');
    if (lastText && lastText.key === key && sameRuns(lastText.runs, runs)) return lastText.text;
    let total = 0;
    for (const rows of runs) total += rows.length;
    const lines = new Array<string>(total + 1);
    let at = 0;
    for (const rows of runs) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.widths !== key) {
          const cells = row.cells;
          let line = '';
          for (let j = 0; j < cols; j++) line += cells[j]! + pad(widths[j]! - row.sizes[j]!);
          line += cells[cols]!;
          // Reading a character makes the engine flatten the rope now, once, not on every print that reuses the line.
          line.charCodeAt(0);
          row.line = line;
          row.widths = key;
        }
        lines[at++] = row.line;
      }
    }
    lines[total] = '';
    const text = lines.join('\n');
    lastText = { key, runs, text };
    return text;
  }

  /** formatBlocks is tabwriter's general algorithm: a column's width is per block of consecutive lines that have it. */
  private formatBlocks(lines: (readonly string[])[]): string {
    const out: string[] = new Array<string>(lines.length);
    const stack: number[] = [];
    const emit = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const cells = lines[i]!;
        let s = '';
        for (let j = 0; j < cells.length - 1; j++) s += cells[j]! + pad(stack[j]! - runeCount(cells[j]!));
        out[i] = s + cells[cells.length - 1]!;
      }
    };
    const rec = (l0: number, l1: number, col: number) => {
      let start = l0;
      for (let line = l0; line < l1; line++) {
        if (col >= lines[line]!.length - 1) continue;
        emit(start, line);
        let width = Math.max(this.minwidth, this.remember ? (this.widths[col] ?? 0) : 0);
        let end = line;
        for (; end < l1 && col < lines[end]!.length - 1; end++) width = Math.max(width, runeCount(lines[end]![col]!) + this.padding);
        if (this.remember) this.widths[col] = width;
        stack.push(width);
        rec(line, end, col + 1);
        stack.pop();
        start = end;
        line = end - 1;
      }
      emit(start, l1);
    };
    rec(0, lines.length, 0);
    return out.join('\n') + '\n';
  }
}

/**
 * lastText is the last uniform table written. A print of the very same rows
 * under the same widths (kubectl get over an unchanged list: the rows are
 * kept across prints) is the same text, and is handed out again instead of
 * joining hundreds of kilobytes anew.
 */
let lastText: { key: string; runs: (readonly MeasuredRow[])[]; text: string } | undefined;

/** sameRuns compares two writes row by row (references: a MeasuredRow's text only changes with its widths key). */
function sameRuns(a: (readonly MeasuredRow[])[], b: (readonly MeasuredRow[])[]): boolean {
  let ai = 0;
  let aj = 0;
  for (const rows of b) {
    for (let i = 0; i < rows.length; i++) {
      while (ai < a.length && aj >= a[ai]!.length) {
        ai++;
        aj = 0;
      }
      if (ai >= a.length || a[ai]![aj++] !== rows[i]) return false;
    }
  }
  while (ai < a.length && aj >= a[ai]!.length) {
    ai++;
    aj = 0;
  }
  return ai >= a.length;
}

const PADS: string[] = Array.from({ length: 128 }, (_, i) => ' '.repeat(i));

/** pad returns n spaces (cached: tables pad tens of thousands of cells). */
function pad(n: number): string {
  return n < PADS.length ? PADS[Math.max(0, n)]! : ' '.repeat(n);
}

/** formatTable aligns rows of cells in one go (no memory across calls). */
export function formatTable(rows: string[][]): string {
  const tw = new TabWriter(6, 3, false);
  for (const r of rows) tw.writeRow(r);
  return tw.flush();
}
