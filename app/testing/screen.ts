/**
 * Screen is a small VT100 screen for unit tests: enough of what xterm does
 * (auto-wrap with the deferred wrap at the right margin, CR, LF, BS, cursor
 * movement, erase in line and display, scrolling) to check what the terminal
 * code draws, character by character, without a browser.
 */
export class Screen {
  rows: string[][];
  x = 0;
  y = 0;
  private pendingWrap = false;
  /** scrolled keeps lines that scrolled off the top. */
  scrolled: string[] = [];

  constructor(
    readonly cols = 40,
    readonly height = 12,
  ) {
    this.rows = Array.from({ length: height }, () => []);
  }

  /** write interprets data as xterm would with convertEol on. */
  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const c = data[i]!;
      if (c === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
        this.csi(data.slice(i + 2, j), data[j]!);
        i = j + 1;
        continue;
      }
      if (c === '\r') {
        this.x = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        this.x = 0;
        this.pendingWrap = false;
        this.lineFeed();
      } else if (c === '\b') {
        this.pendingWrap = false;
        if (this.x > 0) this.x--;
      } else if (c === '\x07') {
        // bell
      } else {
        this.put(c);
      }
      i++;
    }
  }

  private put(c: string): void {
    if (this.pendingWrap) {
      this.pendingWrap = false;
      this.x = 0;
      this.lineFeed();
    }
    const row = this.rows[this.y]!;
    while (row.length < this.x) row.push('\0');
    row[this.x] = c;
    if (this.x === this.cols - 1) this.pendingWrap = true;
    else this.x++;
  }

  private lineFeed(): void {
    if (this.y === this.height - 1) {
      this.scrolled.push(this.rows.shift()!.join(''));
      this.rows.push([]);
    } else this.y++;
  }

  private csi(params: string, final: string): void {
    const n = Number(params.split(';')[0] || '1') || 1;
    this.pendingWrap = false;
    switch (final) {
      case 'A': this.y = Math.max(0, this.y - n); break;
      case 'B': this.y = Math.min(this.height - 1, this.y + n); break;
      case 'C': this.x = Math.min(this.cols - 1, this.x + n); break;
      case 'D': this.x = Math.max(0, this.x - n); break;
      case 'H': this.x = 0; this.y = 0; break;
      case 'K': this.rows[this.y] = this.rows[this.y]!.slice(0, this.x); break;
      case 'J':
        if (params === '2' || params === '3') {
          if (params === '2') this.rows = Array.from({ length: this.height }, () => []);
        } else {
          this.rows[this.y] = this.rows[this.y]!.slice(0, this.x);
          for (let r = this.y + 1; r < this.height; r++) this.rows[r] = [];
        }
        break;
      case 'm': break;
      default: break;
    }
  }

  /** text is the screen's rows, trailing empty rows dropped. */
  text(): string {
    const lines = this.rows.map((_, y) => this.line(y));
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  /** line is one row's text: written cells only (a written trailing space stays). */
  line(y: number): string {
    return (this.rows[y] ?? []).join('').replace(/\0+$/, '').replace(/\0/g, ' ');
  }

  /** cursorX is the cursor's column as xterm reports it: `cols` while a wrap is pending. */
  cursorX(): number {
    return this.pendingWrap ? this.cols : this.x;
  }
}
