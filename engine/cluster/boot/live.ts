import type { World } from '../world.ts';

/**
 * liveListener answers the handler bound at host:port right now (what a
 * client dialling it would reach), or undefined when nothing listens.
 */
export function liveListener<T>(world: World, host: string, ip: string, address: string, port: number): T | undefined {
  try {
    return world.net.dial({ host, ip }, address, port).handler as T;
  } catch {
    return undefined;
  }
}

/**
 * follow is an object that forwards every property to whatever `current`
 * answers now: the apiserver and etcd of a static-pod control plane are
 * replaced each time the kubelet restarts their containers.
 */
export function follow<T extends object>(current: () => T | undefined, fallback: Partial<T>): T {
  return new Proxy({} as T, {
    get(_t, key) {
      const target = current() ?? (fallback as T);
      const v = (target as Record<PropertyKey, unknown>)[key];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
