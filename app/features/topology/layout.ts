import { UNSCHEDULED, type Graph } from './model.ts';

/** Point is a position on the graph's canvas. */
export interface Point {
  x: number;
  y: number;
}

/** Geometry of the picture: pods in a grid inside each node box, other objects in rows above. */
export const POD_W = 140;
export const POD_H = 46;
export const PODS_PER_ROW = 3;
export const BOX_GAP = 60;
export const BOX_W = POD_W * PODS_PER_ROW;
export const OBJ_W = 165;
export const OBJ_H = 70;
export const OBJECTS_PER_ROW = Math.floor((3 * (BOX_W + BOX_GAP)) / OBJ_W);

/** BANDS put cluster-level objects in rows above the nodes, nearest first. */
export const BANDS: readonly (readonly string[])[] = [
  ['ReplicaSet', 'Job'],
  ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'],
  ['Service'],
  ['Ingress', 'NetworkPolicy'],
];

/** SlotTable hands out the lowest free slot and keeps it for as long as its owner exists. */
class SlotTable {
  private slots = new Map<string, number>();
  private used = new Set<number>();

  slot(id: string): number {
    const had = this.slots.get(id);
    if (had !== undefined) return had;
    let s = 0;
    while (this.used.has(s)) s++;
    this.slots.set(id, s);
    this.used.add(s);
    return s;
  }

  /** keep releases every slot whose owner is not in `ids`. */
  keep(ids: Set<string>): void {
    for (const [id, s] of this.slots) {
      if (!ids.has(id)) {
        this.slots.delete(id);
        this.used.delete(s);
      }
    }
  }

  get size(): number {
    return this.used.size === 0 ? 0 : Math.max(...this.used) + 1;
  }
}

/**
 * StableLayout places graph nodes so that nothing moves when something else
 * comes or goes: every node box keeps its column and every pod its cell in
 * the box for as long as it lives; a new pod takes the first free cell.
 * Cluster-level objects get cells in their band the same way. Only a band
 * that needs one more row pushes the bands above it up.
 */
export class StableLayout {
  private columns = new SlotTable();
  private cells = new Map<string, SlotTable>();
  private bands = BANDS.map(() => new SlotTable());

  /** place returns positions for every non-compound node of the graph (pods, objects, box anchors). */
  place(g: Graph): Map<string, Point> {
    const out = new Map<string, Point>();
    const boxes = [...g.nodes.values()].filter((n) => n.kind === 'Node').sort((a, b) => boxOrder(a.id) - boxOrder(b.id) || (a.id < b.id ? -1 : 1));
    this.columns.keep(new Set(boxes.map((b) => b.id)));
    for (const b of boxes) this.columns.slot(b.id);

    const podsByBox = new Map<string, string[]>();
    for (const n of g.nodes.values()) {
      if (n.kind !== 'Pod' || !n.parent) continue;
      podsByBox.set(n.parent, [...(podsByBox.get(n.parent) ?? []), n.id]);
    }
    for (const id of this.cells.keys()) if (!podsByBox.has(id)) this.cells.delete(id);
    for (const b of boxes) {
      const x0 = this.columns.slot(b.id) * (BOX_W + BOX_GAP);
      // The anchors span the box's first row: an empty node still shows as a box one pod high.
      out.set(anchorId(b.id, 'l'), { x: x0, y: POD_H });
      out.set(anchorId(b.id, 'r'), { x: x0 + BOX_W - POD_W, y: POD_H });
      const pods = podsByBox.get(b.id) ?? [];
      let table = this.cells.get(b.id);
      if (!table) this.cells.set(b.id, (table = new SlotTable()));
      table.keep(new Set(pods));
      // New pods take cells in name order, so pods created together line up.
      for (const id of pods.sort((a, b2) => (g.nodes.get(a)!.label < g.nodes.get(b2)!.label ? -1 : 1))) {
        const s = table.slot(id);
        out.set(id, { x: x0 + (s % PODS_PER_ROW) * POD_W, y: POD_H + Math.floor(s / PODS_PER_ROW) * POD_H });
      }
    }

    let base = -OBJ_H * 1.3;
    BANDS.forEach((kinds, i) => {
      const members = [...g.nodes.values()].filter((n) => kinds.includes(n.kind)).sort((a, b) => (a.label < b.label ? -1 : 1));
      const table = this.bands[i]!;
      table.keep(new Set(members.map((m) => m.id)));
      for (const m of members) {
        const s = table.slot(m.id);
        out.set(m.id, { x: (s % OBJECTS_PER_ROW) * OBJ_W, y: base - Math.floor(s / OBJECTS_PER_ROW) * OBJ_H });
      }
      const rows = Math.max(1, Math.ceil(table.size / OBJECTS_PER_ROW));
      if (members.length > 0) base -= rows * OBJ_H;
    });
    return out;
  }
}

/** anchorId names the invisible corners that hold a node box open when it has no pods. */
export function anchorId(box: string, side: 'l' | 'r'): string {
  return `anchor:${box}:${side}`;
}

/** The control plane first, then the workers, the unscheduled box last. */
function boxOrder(id: string): number {
  if (id === UNSCHEDULED) return 2;
  if (id === 'node:controlplane' || id.includes('control')) return 0;
  return 1;
}
