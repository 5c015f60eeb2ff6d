/** Listeners of progress changes (the exercise list re-reads localStorage when a check is recorded). */
const listeners = new Set<() => void>();

/** onProgress subscribes to progress changes; returns the unsubscribe function. */
export function onProgress(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** notifyProgress tells every listener that progress changed. */
export function notifyProgress(): void {
  for (const f of listeners) f();
}
