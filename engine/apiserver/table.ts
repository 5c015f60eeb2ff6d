import type { KObject, ResourceDef } from '../api/types.ts';
import { tableRow, type Held, type TableRow } from './table-rows.ts';

export type { TableRow } from './table-rows.ts';

/** wantsTable reports whether the Accept header asks for a meta.k8s.io Table (kubectl get does). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && accept.includes('as=Table') && accept.includes('g=meta.k8s.io');
}

/** tableVersion picks v1 or v1beta1 from the Accept header, preferring the first offered. */
function tableVersion(accept: string): string {
  const m = /as=Table;v=(v1beta1|v1);g=meta\.k8s\.io/.exec(accept) ?? /as=Table;g=meta\.k8s\.io;v=(v1beta1|v1)/.exec(accept);
  return m ? m[1]! : 'v1';
}

/**
 * buildTable converts objects into a meta.k8s.io Table with the resource's
 * columns, as the apiserver's TableConvertor does. includeObject decides what
 * each row carries: None, Metadata (the default) or the whole Object.
 * Rows may be shared with other answers, frozen (see table-rows.ts); so may
 * the rows array (frozen too) when nothing changed since the last answer.
 */
export function buildTable(
  def: ResourceDef,
  objs: readonly KObject[],
  opts: { accept: string; includeObject?: string; resourceVersion: string; now: number; continueToken?: string; remainingItemCount?: number; noHeaders?: boolean },
): Record<string, unknown> {
  const version = tableVersion(opts.accept);
  const include = opts.includeObject || 'Metadata';
  const table: Record<string, unknown> = {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: {
      resourceVersion: opts.resourceVersion,
      ...(opts.continueToken ? { continue: opts.continueToken } : {}),
      ...(opts.remainingItemCount !== undefined ? { remainingItemCount: opts.remainingItemCount } : {}),
    },
    columnDefinitions: def.columns,
    rows: tableRows(def, objs, version, include, opts.now),
  };
  return table;
}

/** LastRows is the rows last built from one list snapshot, and until when all of them hold. */
interface LastRows {
  def: ResourceDef;
  version: string;
  include: string;
  at: number;
  until: number;
  rows: readonly TableRow[];
}

/**
 * lastRows is keyed by the watch cache's list snapshots (frozen arrays, the
 * same one until something under the prefix changes): listing an unchanged
 * resource again, while every row holds, hands out the same frozen rows array
 * instead of looking up thousands of rows.
 */
const lastRows = new WeakMap<readonly KObject[], LastRows>();

function tableRows(def: ResourceDef, objs: readonly KObject[], version: string, include: string, now: number): readonly TableRow[] {
  const last = lastRows.get(objs);
  if (last && last.def === def && last.version === version && last.include === include && last.at <= now && now < last.until) return last.rows;
  const held: Held = { shared: true, until: Infinity };
  const rows = new Array<TableRow>(objs.length);
  for (let i = 0; i < objs.length; i++) rows[i] = tableRow(def, objs[i]!, version, include, now, held);
  // only rows that are all shared (frozen) may be handed out again, and only from a snapshot (frozen list)
  if (!held.shared || !Object.isFrozen(objs)) return rows;
  Object.freeze(rows);
  lastRows.set(objs, { def, version, include, at: now, until: held.until, rows });
  return rows;
}
