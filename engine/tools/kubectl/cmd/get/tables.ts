import type { RunContext } from '../../cli/command.ts';
import { nameOf } from '../../printers/objects.ts';
import { sortByField, sortTableRows, TableSortError } from '../../printers/sort.ts';
import { printTable, type ServerTable } from '../../printers/table.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import type { Target } from './targets.ts';

/** FetchedTable is one server answer with the request it answered. */
export interface FetchedTable {
  target: Target;
  table: ServerTable;
}

/** kindPrefix is "pod", "deployment.apps": what names carry when several types print. */
export function kindPrefix(t: Target): string {
  return nameOf(t.res.kind, t.res.group, '').slice(0, -1);
}

/**
 * printTables prints server tables as kubectl get does: consecutive answers for
 * the same type make one table (one header), a blank line separates types,
 * each type gets fresh column widths. Returns whether any row printed.
 */
export function printTables(c: RunContext, fetched: FetchedTable[], wide: boolean, multiType: boolean): boolean {
  const sortBy = c.flag<string>('sort-by');
  const answers = sortBy ? sortedAnswers(fetched, sortBy) : fetched;
  const groups: FetchedTable[][] = [];
  for (const f of answers) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.target.res === f.target.res) last.push(f);
    else groups.push([f]);
  }
  let printedAny = false;
  for (const g of groups) {
    const rows = g.length === 1 ? g[0]!.table.rows : g.flatMap((f) => f.table.rows);
    if (rows.length === 0) continue;
    const merged: ServerTable = { ...g[0]!.table, rows };
    const t = g[0]!.target;
    // a blank line separates types, unless headers are off
    if (printedAny && !c.flag<boolean>('no-headers')) c.out('\n');
    c.out(
      printTable(new TabWriter(), merged, {
        wide,
        noHeaders: c.flag<boolean>('no-headers'),
        withNamespace: c.flag<boolean>('all-namespaces') && t.res.namespaced,
        kindPrefix: multiType ? kindPrefix(t) : undefined,
        showLabels: c.flag<boolean>('show-labels'),
        labelColumns: c.flag<string[]>('label-columns') ?? [],
      }),
    );
    printedAny = true;
  }
  return printedAny;
}

/**
 * sortedAnswers applies --sort-by as kubectl get does to server tables. When
 * one get brings several answers (several types, several names), kubectl
 * first sorts the answers themselves, as whole Table objects, so a field no
 * Table has (`.metadata.name`) is an error. Then each answer's rows are sorted
 * on their own; an answer whose rows cannot be sorted prints nothing.
 */
function sortedAnswers(fetched: FetchedTable[], sortBy: string): FetchedTable[] {
  const ordered = fetched.length > 1 ? sortByField(fetched, sortBy, (f) => f.table) : fetched;
  return ordered.map((f) => ({ ...f, table: { ...f.table, rows: rowsSortedOrNone(f.table, sortBy) } }));
}

function rowsSortedOrNone(table: ServerTable, sortBy: string): ServerTable['rows'] {
  try {
    return sortTableRows([...table.rows], sortBy, (r) => r.object);
  } catch (e) {
    if (e instanceof TableSortError) return [];
    throw e;
  }
}
