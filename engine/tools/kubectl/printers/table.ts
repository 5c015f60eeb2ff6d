import type { KObject } from '../../../api/types.ts';
import { TabWriter } from './tabwriter.ts';

/** ServerTable is a meta.k8s.io Table as the apiserver returns it. */
export interface ServerTable {
  kind: 'Table';
  columnDefinitions: { name: string; type: string; format?: string; priority: number }[];
  rows: { cells: unknown[]; object?: KObject }[];
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

const LINE_BREAK = /[\f\n\r]/;

/** cellText is how the table printer writes one cell: strings up to the first line break (then "..."), others with %v. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    if (!LINE_BREAK.test(cell)) return cell;
    const i = cell.search(LINE_BREAK);
    return `${cell.slice(0, i)}...`;
  }
  if (typeof cell === 'object') return JSON.stringify(cell);
  return String(cell);
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

/** tableRows turns the server's rows into printable cells, applying the options. */
export function tableRows(t: ServerTable, o: TableOptions): string[][] {
  return t.rows.map((r) => {
    const cells: string[] = [];
    const meta = r.object?.metadata;
    if (o.withNamespace) cells.push(meta?.namespace ?? '');
    t.columnDefinitions.forEach((c, i) => {
      if (c.priority !== 0 && !o.wide) return;
      let text = cellText(r.cells[i]);
      if (i === 0 && o.kindPrefix) text = `${o.kindPrefix}/${text}`;
      cells.push(text);
    });
    for (const l of o.labelColumns) cells.push(meta?.labels?.[l] ?? '');
    if (o.showLabels) cells.push(formatLabels(meta?.labels));
    return cells;
  });
}

/** printTable renders one Table through a TabWriter (shared across tables of one command, as kubectl does). */
export function printTable(tw: TabWriter, t: ServerTable, o: TableOptions): string {
  if (!o.noHeaders) tw.writeRow(headerRow(t, o));
  for (const r of tableRows(t, o)) tw.writeRow(r);
  return tw.flush();
}
