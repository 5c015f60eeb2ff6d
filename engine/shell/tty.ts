import type { Readable, Writable } from '../host/streams.ts';

/**
 * TtyInput is the terminal as stdin of the running command: what the user
 * types while a command runs (input()) and Ctrl-D (end()). Reading from it
 * waits for the next line.
 */
export class TtyInput implements Readable {
  readonly isTTY = true;
  private buf = '';
  private ended = false;
  private waiting: ((v: string | null) => void) | undefined;

  /** reading tells whether a program waits for the next input right now. */
  get reading(): boolean {
    return this.waiting !== undefined;
  }

  write(text: string): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(text);
    } else this.buf += text;
  }

  end(): void {
    this.ended = true;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(null);
    }
  }

  /** cancel answers a waiting read with end-of-input (the reader was interrupted) without ending later reads. */
  cancel(): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(null);
    }
  }

  read(): Promise<string | null> {
    if (this.buf !== '') {
      const b = this.buf;
      this.buf = '';
      return Promise.resolve(b);
    }
    if (this.ended) {
      this.ended = false;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  unread(text: string): void {
    this.buf = text + this.buf;
  }
}

/** TtyOutput marks a caller's sink as a terminal (isTTY) for the programs writing to it. */
export function ttyWriter(sink: (text: string) => void, isTTY = true): Writable {
  return { write: sink, isTTY };
}
