/**
 * MeasuredRow is one line of cells for a TabWriter: the cells, the width in
 * runes of every padded cell (all but the last), and the text last written
 * for it. A printer that keeps rows across prints (table.ts does, for the
 * apiserver's immutable rows) hands the same MeasuredRow to every print, so
 * an unchanged row under unchanged column widths costs no measuring and no
 * string building; and one object per row keeps a print of thousands of rows
 * within the CPU's caches.
 */
export class MeasuredRow {
  readonly sizes: number[];
  /** widths names the column widths line was written under (undefined until first written). */
  widths: string | undefined = undefined;
  line = '';

  constructor(readonly cells: readonly string[]) {
    const sizes = new Array<number>(Math.max(0, cells.length - 1));
    for (let j = 0; j < sizes.length; j++) sizes[j] = runeCount(cells[j]!);
    this.sizes = sizes;
  }
}

/** runeCount is the number of code points (what Go's tabwriter measures): UTF-16 length less one per surrogate pair. */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
