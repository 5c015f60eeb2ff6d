import { Channel, type Readable, type Writable } from '../../host/streams.ts';
import type { FileSystem } from '../../host/types.ts';

/**
 * Pipe joins two stages of a pipeline. When the reading stage has ended, a
 * write raises SIGPIPE on the writer (onBroken), so `yes | head -1` and
 * `kubectl get pods -w | head` stop like on a real system.
 */
export class Pipe implements Writable, Readable {
  private ch = new Channel();
  readonly isTTY = false;
  private broken = false;
  onBroken: () => void = () => {};

  write(chunk: string): void {
    if (this.broken) {
      this.onBroken();
      return;
    }
    this.ch.write(chunk);
  }

  private back = '';

  read(): Promise<string | null> {
    if (this.back !== '') {
      const b = this.back;
      this.back = '';
      return Promise.resolve(b);
    }
    return this.ch.read();
  }

  /** unread puts text back to be read first (what `read` consumed beyond its line). */
  unread(text: string): void {
    this.back = text + this.back;
  }

  /** close ends the writer's side. */
  close(): void {
    this.ch.close();
  }

  /** readerGone marks the reading side as finished. */
  readerGone(): void {
    this.broken = true;
    this.ch = new Channel();
    this.ch.close();
  }
}

/** NullWriter is /dev/null. */
export const NULL_WRITER: Writable = { write: () => {}, isTTY: false };

/**
 * FileWriter writes a redirection target: the file is created or truncated
 * when opened (so errors surface before the command runs), then each chunk
 * is appended as it is written, so `tail -f` sees a log grow.
 */
export class FileWriter implements Writable {
  readonly isTTY = false;
  failed: string | undefined;

  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
    append: boolean,
    mode: number,
  ) {
    if (!append || !fs.exists(path)) fs.writeFile(path, '', { mode });
    else fs.writeFile(path, '', { append: true });
  }

  write(chunk: string): void {
    if (chunk === '' || this.failed) return;
    try {
      this.fs.writeFile(this.path, chunk, { append: true });
    } catch (e) {
      this.failed = String((e as Error).message);
    }
  }
}

/**
 * TextInput serves a fixed text as stdin (files, here-documents,
 * here-strings) and takes back what `read` did not use, so a loop of
 * `read` calls walks the text line by line.
 */
export class TextInput implements Readable {
  readonly isTTY = false;
  constructor(private text: string) {}

  read(): Promise<string | null> {
    if (this.text === '') return Promise.resolve(null);
    const t = this.text;
    this.text = '';
    return Promise.resolve(t);
  }

  unread(text: string): void {
    this.text = text + this.text;
  }
}

/** canUnread tells whether a stream takes text back. */
export function canUnread(r: Readable): r is Readable & { unread(text: string): void } {
  return typeof (r as { unread?: unknown }).unread === 'function';
}
