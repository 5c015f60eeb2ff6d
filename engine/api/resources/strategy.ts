import { deepEqual } from '../../base/deep.ts';
import type { KObject, ResourceDef } from '../types.ts';

/** Registry strategy hooks shared by kinds (PrepareForCreate / PrepareForUpdate of the real strategies). */

type Hooks = Pick<ResourceDef, 'prepareForCreate' | 'prepareForUpdate' | 'hasStatus'>;

/**
 * specStatusStrategy is the workload pattern: status reset to its empty form
 * and generation 1 on create, generation +1 when the spec (or one of the
 * extra top-level fields) changes, status kept by the main resource.
 */
export function specStatusStrategy(emptyStatus: () => Record<string, unknown> | undefined, opts: { bumpOn?: string[]; annotations?: boolean } = {}): Hooks {
  const bumpOn = opts.bumpOn ?? ['spec'];
  return {
    hasStatus: true,
    prepareForCreate(obj) {
      const s = emptyStatus();
      if (s === undefined) delete obj.status;
      else obj.status = s;
      obj.metadata.generation = 1;
    },
    prepareForUpdate(obj, old) {
      bumpGeneration(obj, old, bumpOn, opts.annotations ?? false);
    },
  };
}

/** generationStrategy sets generation 1 on create and bumps it on spec change, for kinds without status. */
export function generationStrategy(bumpOn: string[] = ['spec']): Hooks {
  return {
    prepareForCreate(obj) {
      obj.metadata.generation = 1;
    },
    prepareForUpdate(obj, old) {
      bumpGeneration(obj, old, bumpOn, false);
    },
  };
}

/** bumpGeneration adds one to metadata.generation when any watched field changed. */
export function bumpGeneration(obj: KObject, old: KObject, fields: string[], annotations: boolean): void {
  const changed = fields.some((f) => !deepEqual(obj[f], old[f])) || (annotations && !deepEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}));
  obj.metadata.generation = (old.metadata.generation ?? 0) + (changed ? 1 : 0);
}

/** statusOnlyStrategy keeps status on main-resource updates (the apiserver copies it) without generation. */
export function statusOnlyStrategy(emptyStatus?: () => Record<string, unknown>): Hooks {
  return {
    hasStatus: true,
    prepareForCreate(obj) {
      if (emptyStatus) obj.status = emptyStatus();
    },
  };
}
