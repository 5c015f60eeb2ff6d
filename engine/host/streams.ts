/**
 * Byte streams between processes, as text. A pipe between two commands of a
 * pipeline is a Channel: the writer's output becomes the reader's input as it
 * is written, so `kubectl get pods -w | grep web` streams.
 */

/** Writable is a process's stdout or stderr. */
export interface Writable {
  write(chunk: string): void;
  /** isTTY is true when the stream is the terminal (kubectl and ls change their output for a TTY). */
  readonly isTTY: boolean;
}

/** Readable is a process's stdin. */
export interface Readable {
  /** read resolves with the next chunk, or null at end of input. */
  read(): Promise<string | null>;
  readonly isTTY: boolean;
}

/** readAll drains a Readable into one string. */
export async function readAll(r: Readable): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = await r.read();
    if (chunk === null) return out;
    out += chunk;
  }
}

/**
 * readLine reads up to the first newline (without it), or what is left at end
 * of input: a prompt's answer. The terminal hands over one line per chunk, so
 * the lines typed after the answer stay with the shell.
 */
export async function readLine(r: Readable): Promise<string> {
  let line = '';
  for (;;) {
    const chunk = await r.read();
    if (chunk === null) return line;
    line += chunk;
    const i = line.indexOf('\n');
    if (i >= 0) return line.slice(0, i);
  }
}

/** Channel is an in-memory pipe: write on one side, read on the other. */
export class Channel implements Writable, Readable {
  private chunks: string[] = [];
  private closed = false;
  private waiting: ((v: string | null) => void) | undefined;
  private demanded: (() => void)[] = [];
  readonly isTTY: boolean = false;

  /**
   * demand resolves once a reader waits on the empty pipe (or it is closed):
   * a writer that relays a terminal (kubectl attach) reads the terminal only
   * when the program behind the pipe asks for input, so what is typed ahead
   * stays with the terminal until then.
   */
  demand(): Promise<void> {
    if (this.closed || (this.waiting && this.chunks.length === 0)) return Promise.resolve();
    return new Promise((resolve) => this.demanded.push(resolve));
  }

  private wake(): void {
    for (const d of this.demanded.splice(0)) d();
  }

  write(chunk: string): void {
    if (this.closed || chunk === '') return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(chunk);
    } else {
      this.chunks.push(chunk);
    }
  }

  /** close marks end of input; pending and later reads get null once buffered chunks are drained. */
  close(): void {
    this.closed = true;
    if (this.waiting && this.chunks.length === 0) {
      const w = this.waiting;
      this.waiting = undefined;
      w(null);
    }
    this.wake();
  }

  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.splice(0).join(''));
    if (this.closed) return Promise.resolve(null);
    const p = new Promise<string | null>((resolve) => (this.waiting = resolve));
    this.wake();
    return p;
  }
}

/** StringReader serves a fixed text as stdin (here-documents, `< file`, here-strings). */
export class StringReader implements Readable {
  private done = false;
  readonly isTTY: boolean = false;
  constructor(private readonly text: string) {}
  read(): Promise<string | null> {
    if (this.done || this.text === '') return Promise.resolve(null);
    this.done = true;
    return Promise.resolve(this.text);
  }
}

/** EMPTY_INPUT is stdin that is already at its end. */
export const EMPTY_INPUT: Readable = { read: () => Promise.resolve(null), isTTY: false };

/** Collector is a Writable that keeps what is written (for $(…), tests and captured output). */
export class Collector implements Writable {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): void {
    this.text += chunk;
  }
}
