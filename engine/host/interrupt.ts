import type { InterruptSignal } from './process.ts';

/**
 * Interrupt is an InterruptSignal the shell can raise: by Ctrl-C on the
 * session, or on one pipeline stage when its reader has gone (SIGPIPE). A
 * child fires when its parent fires.
 */
export class Interrupt implements InterruptSignal {
  interrupted = false;
  /** code is the exit status a command killed by this signal reports (130 SIGINT, 141 SIGPIPE). */
  code = 130;
  private cbs = new Set<() => void>();

  onInterrupt(cb: () => void): () => void {
    if (this.interrupted) {
      queueMicrotask(cb);
      return () => {};
    }
    this.cbs.add(cb);
    return () => this.cbs.delete(cb);
  }

  /** raise fires the signal once. */
  raise(code = 130): void {
    if (this.interrupted) return;
    this.interrupted = true;
    this.code = code;
    const cbs = [...this.cbs];
    this.cbs.clear();
    for (const cb of cbs) {
      try {
        cb();
      } catch {
        // a program's interrupt handler must not stop the others
      }
    }
  }

  /** child makes a signal that fires with this one; dispose detaches it. */
  child(): Interrupt & { dispose(): void } {
    const c = new Interrupt() as Interrupt & { dispose(): void };
    const off = this.onInterrupt(() => c.raise(this.code));
    c.dispose = off;
    return c;
  }
}
