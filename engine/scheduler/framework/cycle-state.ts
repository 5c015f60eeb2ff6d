/**
 * StateData is what a plugin keeps for one cycle: any object. Data that
 * preemption's dry runs change (counts) has a clone() method; the rest is
 * shared between copies, as upstream's Clone() returning itself.
 */
export type StateData = object;

function cloneData(v: StateData): StateData {
  const c = (v as { clone?: () => StateData }).clone;
  return typeof c === 'function' ? c.call(v) : v;
}

/**
 * CycleState is framework.CycleState: per-pod, per-cycle data the plugins
 * compute in PreFilter/PreScore and read in Filter/Score, plus the plugins
 * that said Skip.
 */
export class CycleState {
  private data = new Map<string, StateData>();
  /** skipFilterPlugins are PreFilter plugins that returned Skip: their Filter is not called. */
  skipFilterPlugins = new Set<string>();
  /** skipScorePlugins are PreScore plugins that returned Skip: their Score is not called. */
  skipScorePlugins = new Set<string>();
  /** activeFilters caches the Filter plugins not skipped this cycle (set after PreFilter). */
  activeFilters: unknown[] | undefined;

  read<T extends object>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, v: StateData): void {
    this.data.set(key, v);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) c.data.set(k, cloneData(v));
    c.skipFilterPlugins = new Set(this.skipFilterPlugins);
    c.skipScorePlugins = new Set(this.skipScorePlugins);
    return c;
  }
}
