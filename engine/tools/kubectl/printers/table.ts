import type { KObject } from '../../../api/types.ts';
import { MeasuredRow } from './measured-row.ts';
import { TabWriter } from './tabwriter.ts';

/** ServerTable is a meta.k8s.io Table as the apiserver returns it. */
export interface ServerTable {
  kind: 'Table';
  columnDefinitions: { name: string; type: string; format?: string; priority: number }[];
  /** rows may be shared with other answers (the apiserver freezes them): never mutate them */
  rows: { readonly cells: readonly unknown[]; readonly object?: KObject }[];
  metadata?: { resourceVersion?: string; continue?: string };
}

export interface TableOptions {
  wide: boolean;
  noHeaders: boolean;
  /** withNamespace adds the NAMESPACE column (-A) */
  withNamespace: boolean;
  /** withKind prefixes names with "kind.group/" (several types in one get) */
  kindPrefix?: string;
  showLabels: boolean;
  labelColumns: string[];
}

/** formatLabels is labels.FormatLabels: sorted k=v pairs, or <none>. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** cellText is how the table printer writes one cell: strings up to the first line break (then "..."), others with %v. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const i = lineBreakAt(cell);
    return i < 0 ? cell : `${cell.slice(0, i)}...`;
  }
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
}

/** lineBreakAt is the index of the first \f, \n or \r in s, or -1 (a plain loop: tables hold tens of thousands of cells). */
function lineBreakAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 13 && (c === 10 || c === 12 || c === 13)) return i;
  }
  return -1;
}

/** headerRow builds the header cells for a table. */
export function headerRow(t: ServerTable, o: TableOptions): string[] {
  const heads: string[] = [];
  if (o.withNamespace) heads.push('NAMESPACE');
  for (const c of t.columnDefinitions) if (c.priority === 0 || o.wide) heads.push(c.name.toUpperCase());
  for (const l of o.labelColumns) heads.push(l.split('/').pop()!.toUpperCase());
  if (o.showLabels) heads.push('LABELS');
  return heads;
}

/**
 * LastPrint is what the last print of one shape (the options that decide the
 * cells) made of each server row. The apiserver hands out frozen rows and
 * reuses them while they hold, in the same order from one list to the next,
 * so the next print walks both lists side by side: an unchanged row costs a
 * comparison of references, and only new or changed rows are turned into text
 * and measured. (A side-by-side walk reads two arrays in order, which stays
 * fast at thousands of rows where a lookup per row would not.)
 */
interface LastPrint {
  /** from holds the server rows printed, or null for a row that may change (not frozen) and is not kept. */
  from: (object | null)[];
  rows: (MeasuredRow | undefined)[];
  /** complete: every row was kept, so rows can be handed out whole when nothing changed */
  complete: boolean;
}

const lastPrints = new Map<string, LastPrint>();
const LAST_PRINTS_MAX = 8;

/** tableRows turns the server's rows into printable rows, applying the options. Rows and the array may be shared: do not mutate them. */
export function tableRows(t: ServerTable, o: TableOptions): readonly MeasuredRow[] {
  // the visible columns are the same for every row: work them out once
  const shown: number[] = [];
  t.columnDefinitions.forEach((c, i) => {
    if (c.priority === 0 || o.wide) shown.push(i);
  });
  const shape = JSON.stringify([shown, o.withNamespace, o.kindPrefix ?? '', o.labelColumns, o.showLabels]);
  const last = lastPrints.get(shape);
  // The common case, nothing changed since the last print: its rows are the answer, and nothing is allocated.
  if (last && last.from.length === t.rows.length && last.complete && sameRows(last.from, t.rows)) return last.rows as MeasuredRow[];
  const prev = last?.from ?? [];
  const prevRows = last?.rows ?? [];
  const from = new Array<object | null>(t.rows.length);
  const kept = new Array<MeasuredRow | undefined>(t.rows.length);
  const out = new Array<MeasuredRow>(t.rows.length);
  let complete = true;
  let j = 0;
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    if (prev[j] !== row && prev[j + 1] === row) j++; // the row the last print had here was deleted
    if (prev[j] === row) {
      from[r] = row;
      out[r] = kept[r] = prevRows[j++]!;
      continue;
    }
    out[r] = new MeasuredRow(rowCells(row, shown, o));
    const meta = row.object?.metadata;
    // only an immutable row (and metadata: namespace and labels print) may be kept
    if (Object.isFrozen(row) && (!meta || Object.isFrozen(meta))) {
      from[r] = row;
      kept[r] = out[r];
    } else {
      from[r] = null;
      complete = false;
    }
  }
  if (!last && lastPrints.size >= LAST_PRINTS_MAX) lastPrints.clear();
  lastPrints.set(shape, { from, rows: kept, complete });
  return out;
}

/** sameRows tells whether a print's server rows are exactly the last one's (a comparison of references, in order). */
function sameRows(from: readonly (object | null)[], rows: ServerTable['rows']): boolean {
  for (let i = 0; i < rows.length; i++) if (from[i] !== rows[i]) return false;
  return true;
}

function rowCells(row: ServerTable['rows'][number], shown: number[], o: TableOptions): string[] {
  const cells: string[] = [];
  const meta = row.object?.metadata;
  if (o.withNamespace) cells.push(meta?.namespace ?? '');
  for (const i of shown) {
    const text = cellText(row.cells[i]);
    cells.push(i === 0 && o.kindPrefix ? `${o.kindPrefix}/${text}` : text);
  }
  for (const l of o.labelColumns) cells.push(meta?.labels?.[l] ?? '');
  if (o.showLabels) cells.push(formatLabels(meta?.labels));
  return cells;
}

/** printTable renders one Table through a TabWriter (shared across tables of one command, as kubectl does). */
export function printTable(tw: TabWriter, t: ServerTable, o: TableOptions): string {
  if (!o.noHeaders) tw.writeRow(headerMeasured(headerRow(t, o)));
  tw.writeRows(tableRows(t, o));
  return tw.flush();
}

/** Header rows are kept by their text, so a repeated print hands the writer the same rows as before (and its output can be reused). */
const headers = new Map<string, MeasuredRow>();

function headerMeasured(cells: string[]): MeasuredRow {
  const key = cells.join('\t');
  let row = headers.get(key);
  if (!row) {
    if (headers.size >= 64) headers.clear();
    row = new MeasuredRow(cells);
    headers.set(key, row);
  }
  return row;
}
