import type { Runtime } from '../../base/runtime.ts';

/** EXPECTATIONS_TIMEOUT_MS is ExpectationsTimeout: a controller stops waiting for lost watch events after 5 minutes. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Expectations is controller.ControllerExpectations: after creating or
 * deleting pods, a controller waits for its informer to see them before it
 * counts again, so it never creates twice for one shortfall.
 */
export class Expectations {
  private items = new Map<string, { add: number; del: number; at: number }>();

  constructor(private readonly runtime: Runtime) {}

  /** satisfied is true when nothing is pending for key (or the wait timed out). */
  satisfied(key: string): boolean {
    const e = this.items.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.runtime.now - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expect(key: string, add: number, del: number): void {
    this.items.set(key, { add, del, at: this.runtime.now });
  }

  /** lower reduces what key still waits for (a failed create or an observed add). */
  creationObserved(key: string): void {
    const e = this.items.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string): void {
    const e = this.items.get(key);
    if (e) e.del--;
  }

  delete(key: string): void {
    this.items.delete(key);
  }
}
