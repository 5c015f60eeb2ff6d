/**
 * The first prompt is what a learner waits for when the page opens. Work the
 * prompt does not need (parsing the shipped exercise packs, drawing the
 * topology) waits until it is on screen, so it never competes with the boot
 * for the main thread or delays the prompt's frame.
 */

let shown = false;
let flushed = false;
const waiting: (() => void)[] = [];

/** firstPromptShown records that the first prompt has been drawn (or that none will be: the lab failed to start). */
export function firstPromptShown(): void {
  if (shown) return;
  shown = true;
  // The frame that draws the prompt is finished before the deferred work starts.
  setTimeout(() => {
    flushed = true;
    for (const fn of waiting.splice(0)) fn();
  }, 0);
}

/** afterFirstPrompt runs fn once the first prompt has been drawn (at once, if it has). It returns a cancel function. */
export function afterFirstPrompt(fn: () => void): () => void {
  if (flushed) {
    let cancelled = false;
    queueMicrotask(() => cancelled || fn());
    return () => {
      cancelled = true;
    };
  }
  waiting.push(fn);
  return () => {
    const i = waiting.indexOf(fn);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/** firstPrompt resolves once the first prompt has been drawn. */
export function firstPrompt(): Promise<void> {
  return new Promise((resolve) => afterFirstPrompt(resolve));
}

/** resetFirstPrompt forgets the first prompt (tests). */
export function resetFirstPrompt(): void {
  shown = false;
  flushed = false;
  waiting.length = 0;
}
