import type { Plugins, Profile } from '../config/types.ts';
import type { Handle, Plugin, PluginFactory } from './interfaces.ts';

/** METHODS names the method that makes a plugin implement each extension point. */
export const METHODS = {
  preEnqueue: 'preEnqueue',
  queueSort: 'less',
  preFilter: 'preFilter',
  filter: 'filter',
  postFilter: 'postFilter',
  preScore: 'preScore',
  score: 'score',
  reserve: 'reserve',
  permit: 'permit',
  preBind: 'preBind',
  bind: 'bind',
  postBind: 'postBind',
} as const;
/** Point is an extension point the framework runs. */
export type Point = keyof typeof METHODS;

const GO_INTERFACE: Record<Point, string> = {
  preEnqueue: 'PreEnqueuePlugin',
  queueSort: 'QueueSortPlugin',
  preFilter: 'PreFilterPlugin',
  filter: 'FilterPlugin',
  postFilter: 'PostFilterPlugin',
  preScore: 'PreScorePlugin',
  score: 'ScorePlugin',
  reserve: 'ReservePlugin',
  permit: 'PermitPlugin',
  preBind: 'PreBindPlugin',
  bind: 'BindPlugin',
  postBind: 'PostBindPlugin',
};

/** The order NewFramework walks the points in (getExtensionPoints); multiPoint errors name the first. */
const POINT_ORDER: Point[] = ['preFilter', 'filter', 'postFilter', 'reserve', 'preScore', 'score', 'preBind', 'bind', 'postBind', 'permit', 'preEnqueue', 'queueSort'];

function implementsPoint(p: Plugin, point: Point): boolean {
  return typeof (p as unknown as Record<string, unknown>)[METHODS[point]] === 'function';
}

/** ProfilePlugins are a profile's plugin instances per extension point, and the score weights. */
export interface ProfilePlugins {
  byPoint: Record<Point, Plugin[]>;
  weights: Map<string, number>;
  all: Map<string, Plugin>;
}

/**
 * buildProfilePlugins is NewFramework's plugin wiring: instantiate every
 * plugin the profile names (once), list explicitly enabled plugins per
 * point, then expand multiPoint (explicit overrides first, then multiPoint
 * order, then the other explicit ones) and compute score weights (0 → 1).
 * It throws the framework's error texts.
 */
export function buildProfilePlugins(profile: Profile, registry: Readonly<Record<string, PluginFactory>>, handle: Handle): ProfilePlugins {
  const plugins: Plugins = profile.plugins;
  const all = new Map<string, Plugin>();
  const argsOf = new Map(profile.pluginConfig.map((c) => [c.name, c.args]));
  const need = new Set<string>();
  for (const set of Object.values(plugins)) for (const p of set.enabled) need.add(p.name);
  for (const name of need) {
    const f = registry[name];
    if (f) all.set(name, f(argsOf.get(name) ?? {}, handle));
  }
  const byPoint = {} as Record<Point, Plugin[]>;
  for (const point of POINT_ORDER) {
    const explicit: string[] = [];
    for (const ref of plugins[point].enabled) {
      const p = all.get(ref.name);
      if (!p) throw new Error(`${GO_INTERFACE[point]} "${ref.name}" does not exist`);
      if (!implementsPoint(p, point)) throw new Error(`plugin "${ref.name}" does not extend ${GO_INTERFACE[point]} plugin`);
      if (explicit.includes(ref.name)) throw new Error(`plugin "${ref.name}" already registered as "${GO_INTERFACE[point]}"`);
      explicit.push(ref.name);
    }
    const disabled = new Set(plugins[point].disabled.map((p) => p.name));
    const overrides: string[] = [];
    const multi: string[] = [];
    if (!disabled.has('*')) {
      for (const ref of plugins.multiPoint.enabled) {
        const p = all.get(ref.name);
        if (!p) throw new Error(`${GO_INTERFACE[point]} "${ref.name}" does not exist`);
        if (!implementsPoint(p, point) || disabled.has(ref.name)) continue;
        if (explicit.includes(ref.name)) overrides.push(ref.name);
        else if (multi.includes(ref.name)) throw new Error(`plugin "${ref.name}" already registered as "${GO_INTERFACE[point]}"`);
        else multi.push(ref.name);
      }
    }
    const names = [...explicit.filter((n) => overrides.includes(n)), ...multi, ...explicit.filter((n) => !overrides.includes(n))];
    byPoint[point] = names.map((n) => all.get(n)!);
  }
  if (byPoint.queueSort.length !== 1) throw new Error(`one queue sort plugin required for profile with scheduler name "${profile.schedulerName}", but got ${byPoint.queueSort.length}`);
  if (byPoint.bind.length === 0) throw new Error(`at least one bind plugin is needed for profile with scheduler name "${profile.schedulerName}"`);
  const weights = new Map<string, number>();
  for (const ref of [...plugins.score.enabled, ...plugins.multiPoint.enabled]) {
    const p = all.get(ref.name);
    if (!p || !implementsPoint(p, 'score') || weights.has(ref.name)) continue;
    weights.set(ref.name, ref.weight || 1);
  }
  return { byPoint, weights, all };
}
