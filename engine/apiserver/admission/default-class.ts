import type { KObject } from '../../api/types.ts';

/**
 * pickDefault chooses among objects annotated as the default class: when
 * several are, the most recently created wins (ties by name), as the
 * storage and ingress defaulting plugins have done since 1.28.
 */
export function pickDefault(objs: KObject[], annotations: string[]): KObject | undefined {
  const defaults = objs.filter((o) => annotations.some((a) => o.metadata.annotations?.[a] === 'true'));
  defaults.sort((a, b) => {
    const ta = String(a.metadata.creationTimestamp ?? '');
    const tb = String(b.metadata.creationTimestamp ?? '');
    if (ta !== tb) return ta < tb ? 1 : -1;
    return (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  });
  return defaults[0];
}
