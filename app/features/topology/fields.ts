import type { ClusterObject } from '../../../engine/protocol/api.ts';

type Obj = Record<string, unknown>;

/** get reads a nested field of an API object (undefined when any step is missing). */
export const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((c, p) => (c && typeof c === 'object' ? (c as Obj)[p] : undefined), o);

/** arr reads a list field (absent: empty). */
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** labelsOf is an object's labels. */
export const labelsOf = (o: ClusterObject): Record<string, string> => (get(o.object, 'metadata', 'labels') ?? {}) as Record<string, string>;
