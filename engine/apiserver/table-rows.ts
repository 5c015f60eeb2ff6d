import { humanDuration, humanDurationHoldsUntil } from '../base/age.ts';
import type { Cell, KObject, PrintContext, ResourceDef } from '../api/types.ts';

/** TableRow is one row of a meta.k8s.io Table: the cells and, unless includeObject=None, the object or its metadata. */
export interface TableRow {
  readonly cells: readonly Cell[];
  readonly object?: KObject;
}

/** CachedRow is what is known of the last row built for one stored object. */
interface CachedRow {
  def: ResourceDef;
  version: string;
  include: string;
  /** at is the time the cells were computed at; they hold for any time in [at, until). */
  at: number;
  until: number;
  /** row is kept only once the object was listed again while its cells held (see tableRow). */
  row: TableRow | undefined;
}

/**
 * The watch cache hands out frozen objects and replaces (never mutates) them
 * on change, so a row built from one stays right for as long as that object
 * lives and its AGE-like cells read the same: a list of thousands of objects
 * converts only what changed since the last list, and hands out the same
 * (frozen) row objects, which lets clients keep what they derive from them.
 * Keys are the objects themselves, so entries go with them.
 */
const rows = new WeakMap<KObject, CachedRow>();

/**
 * RowClock is the PrintContext rows are computed with: it renders ages itself
 * (since) to learn until when they hold, and notes a row that reads the time
 * directly (now), whose cells then hold at that instant only.
 */
class RowClock implements PrintContext {
  until = Infinity;
  constructor(private readonly t: number) {}

  get now(): number {
    this.until = Math.min(this.until, this.t + 1);
    return this.t;
  }

  since(t: number | undefined): string {
    if (t === undefined) return '<unknown>';
    const d = this.t - t;
    this.until = Math.min(this.until, t + humanDurationHoldsUntil(d));
    return humanDuration(d);
  }
}

/**
 * tableRow returns obj's row in def's table, for a Table of the given
 * meta.k8s.io version and includeObject (None, Metadata or Object).
 *
 * A row is kept, frozen and shared by every answer that lists the object,
 * once the object is listed again while the row's cells still hold. A row
 * that changes before anyone asks again (the AGE of a young pod, listed every
 * few seconds) is built afresh for each answer and not kept: keeping it would
 * cost more (objects that outlive a garbage collection are copied) than it
 * saves. Rows handed out frozen may be kept by clients; others are theirs.
 */
export function tableRow(def: ResourceDef, obj: KObject, version: string, include: string, now: number, held?: Held): TableRow {
  let hit = rows.get(obj);
  if (hit && (hit.def !== def || hit.version !== version || hit.include !== include)) hit = undefined;
  const holds = !!hit && hit.at <= now && now < hit.until;
  if (hit?.row && holds) {
    if (held && hit.until < held.until) held.until = hit.until;
    return hit.row;
  }
  if (held) held.shared = false;
  const clock = new RowClock(now);
  const cells = def.row(obj, clock);
  // Only frozen objects are the watch cache's own; anything else (a converted copy) may change under us.
  if (!Object.isFrozen(obj)) return makeRow(cells, obj, version, include);
  if (!hit) {
    rows.set(obj, { def, version, include, at: now, until: clock.until, row: undefined });
    return makeRow(cells, obj, version, include);
  }
  const keep = holds || (hit.row !== undefined && sameCells(cells, hit.row.cells));
  if (!keep) hit.row = undefined;
  else if (!hit.row || !sameCells(cells, hit.row.cells)) hit.row = freezeRow(makeRow(cells, obj, version, include));
  hit.at = now;
  hit.until = clock.until;
  return hit.row ?? makeRow(cells, obj, version, include);
}

/** Held gathers, over the rows of one table, whether every row was a kept (shared) one and until when they all hold. */
export interface Held {
  shared: boolean;
  until: number;
}

function makeRow(cells: Cell[], obj: KObject, version: string, include: string): TableRow {
  if (include === 'Object') return { cells, object: obj };
  if (include === 'Metadata') return { cells, object: { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata } as KObject };
  return { cells };
}

function freezeRow(row: TableRow): TableRow {
  Object.freeze(row.cells);
  if (row.object && !Object.isFrozen(row.object)) Object.freeze(row.object);
  return Object.freeze(row);
}

function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
