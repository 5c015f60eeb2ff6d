import type { Runtime } from '../base/runtime.ts';
import type { PodVerdicts } from './index.ts';

/**
 * The schedulers running in a lab, for "Why Pending": a kube-scheduler that
 * runs as a static pod registers its verdicts here (keyed by the lab's
 * runtime, so labs side by side stay apart) and the lab's inspector asks
 * every registered scheduler of its world.
 */
const BY_RUNTIME = new WeakMap<Runtime, Set<(podUid: string) => PodVerdicts | undefined>>();

/** registerVerdicts adds a scheduler's lookup; the returned function removes it (the scheduler stopped). */
export function registerVerdicts(runtime: Runtime, lookup: (podUid: string) => PodVerdicts | undefined): () => void {
  let set = BY_RUNTIME.get(runtime);
  if (!set) BY_RUNTIME.set(runtime, (set = new Set()));
  set.add(lookup);
  return () => set.delete(lookup);
}

/** registeredVerdicts asks each registered scheduler of the lab about a pod. */
export function registeredVerdicts(runtime: Runtime, podUid: string): PodVerdicts | undefined {
  for (const lookup of BY_RUNTIME.get(runtime) ?? []) {
    const v = lookup(podUid);
    if (v) return v;
  }
  return undefined;
}
