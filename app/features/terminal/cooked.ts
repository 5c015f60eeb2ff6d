import type { Key } from './keys.ts';

/** CookedIO is what the line discipline does with a finished line or a control key. */
export interface CookedIO {
  write(s: string): void;
  stdin(data: string): void;
  interrupt(): void;
  endInput(): void;
}

/**
 * CookedInput is the terminal's line discipline while a command runs (the
 * tty's canonical mode): typed characters echo and collect into a line,
 * Backspace and Ctrl-U edit it, Enter hands it to the command's stdin,
 * Ctrl-C interrupts, Ctrl-D ends the input (or sends a partial line).
 */
export class CookedInput {
  /** text is the line typed so far and not yet sent */
  text = '';

  constructor(private readonly io: CookedIO) {}

  key(k: Key): void {
    if (k.type === 'text') {
      this.text += k.text;
      this.io.write(k.text);
      return;
    }
    switch (k.name) {
      case 'enter': {
        const data = this.text + '\n';
        this.text = '';
        this.io.write('\r\n');
        this.io.stdin(data);
        return;
      }
      case 'backspace': {
        if (!this.text) return;
        const chars = [...this.text];
        chars.pop();
        this.text = chars.join('');
        this.io.write('\b \b');
        return;
      }
      case 'ctrl-u':
        this.io.write('\b \b'.repeat([...this.text].length));
        this.text = '';
        return;
      case 'ctrl-c':
        this.text = '';
        this.io.write('^C');
        this.io.interrupt();
        return;
      case 'ctrl-d':
        if (this.text === '') this.io.endInput();
        else {
          this.io.stdin(this.text);
          this.text = '';
        }
        return;
      default:
        return;
    }
  }

  /** take returns the unsent line and forgets it (it becomes type-ahead at the next prompt). */
  take(): string {
    const t = this.text;
    this.text = '';
    return t;
  }
}
