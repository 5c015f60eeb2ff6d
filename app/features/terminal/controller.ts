import type { Completion, SubmitResult } from '../../../engine/protocol/api.ts';
import { completionStep, formatColumns, QUERY_ITEMS } from './completion.ts';
import { type History, HistoryCursor } from './history.ts';
import { decodeKeys, type Key } from './keys.ts';
import { LineBuffer } from './line-buffer.ts';
import { LineView } from './line-view.ts';
import { IncrementalSearch } from './search.ts';

/** TermLike is the part of an xterm Terminal the controller needs (a fake in tests). */
export interface TermLike {
  write(data: string): void;
  cols(): number;
  /** cursorX is the cursor's column now: a prompt after output without a newline starts mid-line. */
  cursorX(): number;
  /** flush calls fn once everything written so far is on screen (xterm parses writes asynchronously). */
  flush(fn: () => void): void;
}

/** SessionPort is EngineApi bound to one terminal session. */
export interface SessionPort {
  submit(line: string): Promise<SubmitResult>;
  interrupt(): Promise<void>;
  stdin(data: string): Promise<void>;
  endInput(): Promise<void>;
  complete(line: string, cursor: number): Promise<Completion>;
}

/** DoneResult is a command that ran to the end. */
export type DoneResult = Extract<SubmitResult, { kind: 'done' }>;

export interface ControllerOptions {
  term: TermLike;
  session: SessionPort;
  history: History;
  /**
   * holdMs: after Enter, further input waits this long before it is handed to
   * the running command as its stdin. A paste of several commands thus runs
   * them one after another, while a command that keeps running (kubectl exec
   * -it, read) receives what is typed, as a terminal's line discipline does.
   */
  holdMs?: number;
  /** timer schedules the hold (injected so tests decide when it fires). */
  timer?: (fn: () => void, ms: number) => () => void;
  onDone?(command: string, result: DoneResult): void;
  onEnded?(): void;
  /** onChange: the line or mode changed (persistence saves the terminal). */
  onChange?(): void;
  /** onPrompt: a prompt is on screen and takes keys. */
  onPrompt?(): void;
}

/** Mode is what the controller does with the next key. */
export type Mode = 'idle' | 'edit' | 'search' | 'query' | 'completing' | 'submitting' | 'running' | 'ended';

/** ControllerSnapshot is the part of a terminal that survives a reload. */
export interface ControllerSnapshot {
  mode: Mode;
  text: string;
  cursor: number;
  prompt: string;
  ps1: string;
  pendingLines: string[];
}

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * TerminalController is one terminal tab's shell front end: the readline
 * line editor at the prompt (echo is local and immediate), the submit flow
 * to the engine (PS2 for incomplete input), the terminal's line discipline
 * while a command runs (echo, stdin by line, Ctrl-C, Ctrl-D), Ctrl-R search
 * and bash-like Tab completion.
 */
export class TerminalController {
  mode: Mode = 'idle';
  private readonly line = new LineBuffer();
  private readonly view: LineView;
  private cursor: HistoryCursor;
  private search: IncrementalSearch | undefined;
  private lastSearchQuery = '';
  private queue: Key[] = [];
  private pumping = false;
  private prompt = '';
  private ps1 = '';
  private pendingLines: string[] = [];
  private cooked = '';
  private lastKey = '';
  private lastArgN = 0;
  private lastArgText = '';
  private listing: string[] = [];
  private completionChanged = false;
  private cancelHold: (() => void) | undefined;
  private interrupted = false;
  private whenIdle: string[] = [];
  private session: SessionPort;
  private generation = 0;

  constructor(private readonly o: ControllerOptions) {
    this.view = new LineView((s) => o.term.write(s), o.term.cols());
    this.cursor = new HistoryCursor(o.history);
    this.session = o.session;
  }

  /**
   * attach points the controller at a new session (after a reset, import or
   * rewind). A command still waiting on the old session is forgotten: its lab
   * is gone, and its answer, if one ever comes, must not draw a prompt.
   */
  attach(session: SessionPort): void {
    this.session = session;
    this.generation++;
    this.cancelHold?.();
    this.pendingLines = [];
  }

  /** feed takes what xterm's onData delivers. */
  feed(data: string): void {
    this.queue.push(...decodeKeys(data));
    this.pump();
  }

  /** resize tells the controller the terminal's new width. */
  resize(): void {
    this.view.cols = Math.max(1, this.o.term.cols());
  }

  /**
   * showPrompt starts editing at a new prompt (boot, restore, after a command)
   * once the output before it is on screen, so the prompt starts where that
   * output left the cursor. Keys wait meanwhile.
   */
  showPrompt(prompt: string, typeAhead = '', before?: () => void): void {
    this.mode = 'idle';
    this.o.term.flush(() => {
      before?.();
      this.startPrompt(prompt, typeAhead);
    });
  }

  private startPrompt(prompt: string, typeAhead: string): void {
    this.prompt = prompt;
    if (this.pendingLines.length === 0) this.ps1 = prompt;
    this.mode = 'edit';
    this.line.reset();
    this.cursor = new HistoryCursor(this.o.history);
    this.view.cols = Math.max(1, this.o.term.cols());
    this.view.start(prompt, this.o.term.cursorX());
    this.o.onChange?.();
    this.o.onPrompt?.();
    if (typeAhead) this.queue.unshift(...decodeKeys(typeAhead));
    if (this.queue.length === 0 && this.whenIdle.length > 0 && this.pendingLines.length === 0) {
      this.runLine(this.whenIdle.shift()!);
      return;
    }
    this.pump();
  }

  /** restore adopts a terminal replayed from a saved transcript. */
  restore(s: ControllerSnapshot): void {
    this.ps1 = s.ps1;
    this.pendingLines = [];
    this.view.cols = Math.max(1, this.o.term.cols());
    if (s.mode === 'edit' || s.mode === 'search' || s.mode === 'query' || s.mode === 'completing') {
      this.prompt = s.prompt;
      this.pendingLines = s.pendingLines;
      this.mode = 'edit';
      this.line.reset(s.text);
      this.line.set(s.text, s.cursor);
      if (s.mode === 'edit') this.view.adopt(s.prompt, this.o.term.cursorX(), s.text, s.cursor);
      else {
        // A search or a completion listing was on screen: start the line afresh below it.
        this.o.term.write('\r\n');
        this.view.start(s.prompt, 0, s.text, s.cursor);
      }
      this.o.onPrompt?.();
      this.pump();
      return;
    }
    // A command was running when the page went away; the restored lab is between commands.
    this.showPrompt(s.ps1 || s.prompt, '', () => this.newlineIfNeeded());
  }

  /** snapshot is what persistence saves for this terminal. */
  snapshot(): ControllerSnapshot {
    return { mode: this.mode, text: this.line.text, cursor: this.line.cursor, prompt: this.prompt, ps1: this.ps1, pendingLines: [...this.pendingLines] };
  }

  /** output writes what the command printed; at a prompt (late output) the line is drawn again below it. */
  output(data: string): void {
    if (this.mode === 'edit' || this.mode === 'search') {
      this.view.finish(this.line.text);
      this.o.term.write(data);
      if (!data.endsWith('\n')) this.o.term.write('\r\n');
      this.view.start(this.mode === 'search' ? this.search!.prompt() : this.prompt, 0, this.line.text, this.line.cursor);
      return;
    }
    this.o.term.write(data);
  }

  /**
   * run types a command at the prompt and submits it, visibly (the editor's
   * Apply). When a command is running it waits for the next empty prompt.
   */
  run(command: string): void {
    if (this.mode === 'edit' && this.line.text === '' && this.pendingLines.length === 0 && this.queue.length === 0) this.runLine(command);
    else this.whenIdle.push(command);
  }

  /** notice prints a line of information above a fresh prompt (rewind, reset). */
  notice(text: string, prompt?: string): void {
    const atPrompt = this.mode === 'edit' || this.mode === 'search';
    if (atPrompt) this.view.finish(this.line.text);
    this.pendingLines = [];
    this.search = undefined;
    this.cancelHold?.();
    this.queue = [];
    this.showPrompt(prompt ?? this.ps1, '', () => {
      if (!atPrompt) this.newlineIfNeeded();
      this.o.term.write(text + '\r\n');
    });
  }

  private newlineIfNeeded(): void {
    if (this.o.term.cursorX() !== 0) this.o.term.write('\r\n');
  }

  /** end marks the session finished (its outermost shell exited). */
  end(message: string): void {
    this.mode = 'ended';
    this.o.term.write(message);
    this.o.onChange?.();
  }

  private runLine(command: string): void {
    this.line.set(command);
    this.view.draw(command, command.length);
    this.accept();
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const k = this.queue[0]!;
        if (this.mode === 'idle' || this.mode === 'submitting' || this.mode === 'completing' || this.mode === 'ended') {
          if (k.type === 'key' && k.name === 'ctrl-c' && this.mode !== 'idle' && this.mode !== 'ended') {
            this.queue.shift();
            this.heldInterrupt();
            continue;
          }
          if (this.mode === 'ended' && k.type === 'key' && k.name === 'enter') {
            this.queue.shift();
            continue;
          }
          break;
        }
        this.queue.shift();
        this.handle(k);
      }
    } finally {
      this.pumping = false;
    }
  }

  private handle(k: Key): void {
    const name = k.type === 'text' ? 'text' : k.name;
    switch (this.mode) {
      case 'edit':
        this.editKey(k);
        break;
      case 'search':
        this.searchKey(k);
        break;
      case 'query':
        this.queryKey(k);
        break;
      case 'running':
        this.runningKey(k);
        break;
      default:
        break;
    }
    this.lastKey = name;
  }

  // ---- editing at the prompt ----

  private redraw(): void {
    this.view.draw(this.line.text, this.line.cursor);
  }

  private editKey(k: Key): void {
    const L = this.line;
    if (k.type === 'text') {
      const atEnd = L.cursor === L.text.length;
      L.insert(k.text);
      if (atEnd) this.view.append(k.text, L.text);
      else this.redraw();
      return;
    }
    switch (k.name) {
      case 'enter': return this.accept();
      case 'tab': return this.complete();
      case 'backspace': if (L.backspace()) this.redraw(); return;
      case 'delete': if (L.deleteChar()) this.redraw(); return;
      case 'ctrl-d':
        if (L.text === '' && this.pendingLines.length === 0) return this.eof();
        if (L.deleteChar()) this.redraw();
        return;
      case 'left': case 'ctrl-b': L.left(); return this.redraw();
      case 'right': case 'ctrl-f': L.right(); return this.redraw();
      case 'home': case 'ctrl-a': L.home(); return this.redraw();
      case 'end': case 'ctrl-e': L.end(); return this.redraw();
      case 'alt-b': case 'ctrl-left': L.wordLeft(); return this.redraw();
      case 'alt-f': case 'ctrl-right': L.wordRight(); return this.redraw();
      case 'ctrl-k': L.killToEnd(); return this.redraw();
      case 'ctrl-u': L.killToStart(); return this.redraw();
      case 'ctrl-w': L.killWordBack(); return this.redraw();
      case 'alt-d': L.killWordForward(); return this.redraw();
      case 'alt-backspace': case 'ctrl-backspace': L.killAlnumWordBack(); return this.redraw();
      case 'ctrl-y': L.yank(); return this.redraw();
      case 'ctrl-t': L.transpose(); return this.redraw();
      case 'ctrl-_': if (L.undo()) this.redraw(); return;
      case 'up': case 'ctrl-p': return this.showHistory(this.cursor.prev(L.text));
      case 'down': case 'ctrl-n': return this.showHistory(this.cursor.next(L.text));
      case 'alt-<': return this.showHistory(this.cursor.first(L.text));
      case 'alt->': return this.showHistory(this.cursor.last(L.text));
      case 'alt-.': return this.yankLastArg();
      case 'ctrl-r': return this.startSearch(-1);
      case 'ctrl-s': return this.startSearch(1);
      case 'ctrl-l':
        this.o.term.write('\x1b[H\x1b[2J');
        this.view.start(this.prompt, 0, L.text, L.cursor);
        return;
      case 'ctrl-c': return this.cancelLine();
      default:
        return;
    }
  }

  private showHistory(text: string | undefined): void {
    if (text === undefined) return;
    this.line.set(text);
    this.redraw();
  }

  private yankLastArg(): void {
    const again = this.lastKey === 'alt-.';
    this.lastArgN = again ? this.lastArgN + 1 : 1;
    const arg = this.o.history.lastArg(this.lastArgN);
    if (arg === undefined) {
      this.lastArgN--;
      return;
    }
    if (again && this.lastArgText) {
      const start = this.line.cursor - this.lastArgText.length;
      this.line.replace(start, this.line.cursor, arg);
    } else this.line.insert(arg);
    this.lastArgText = arg;
    this.redraw();
  }

  private cancelLine(): void {
    this.view.finish(this.line.text, '^C');
    if (this.pendingLines.length > 0) {
      this.pendingLines = [];
      void this.session.interrupt().catch(() => undefined);
    }
    this.showPrompt(this.ps1);
  }

  private eof(): void {
    // Ctrl-D on an empty line ends the shell, as `exit` would.
    this.view.finish('');
    this.submitLines(['exit'], false);
  }

  private accept(): void {
    const text = this.line.text;
    this.view.finish(text);
    this.submitLines(text.split('\n'), true);
  }

  private submitLines(lines: string[], remember: boolean): void {
    this.mode = 'submitting';
    this.interrupted = false;
    this.cooked = '';
    this.o.onChange?.();
    this.cancelHold = (this.o.timer ?? defaultTimer)(() => {
      if (this.mode !== 'submitting') return;
      this.mode = 'running';
      this.pump();
    }, this.o.holdMs ?? 150);
    const gen = this.generation;
    void this.submitAll(lines).then(
      (r) => gen === this.generation && this.finished(lines, r, remember),
      (err: unknown) => gen === this.generation && this.failed(err),
    );
  }

  private async submitAll(lines: string[]): Promise<SubmitResult> {
    let r: SubmitResult = { kind: 'incomplete', prompt: '> ' };
    for (let i = 0; i < lines.length; i++) {
      r = await this.session.submit(lines[i]!);
      if (r.kind === 'done' && i < lines.length - 1) {
        // The lines of a recalled entry held two commands: run the rest as typed input.
        const rest = lines.slice(i + 1).join('\n') + '\r';
        return { ...r, unread: (r.unread ?? '') + rest };
      }
    }
    return r;
  }

  private finished(lines: string[], r: SubmitResult, remember: boolean): void {
    this.cancelHold?.();
    if (r.kind === 'incomplete') {
      this.pendingLines.push(...lines);
      this.showPrompt(r.prompt);
      return;
    }
    const command = [...this.pendingLines, ...lines].join('\n');
    this.pendingLines = [];
    if (remember) this.o.history.add(command);
    this.o.onDone?.(command, r);
    if (r.session.ended) {
      this.end('\r\n\x1b[2m[the shell exited: press Enter for a new one]\x1b[0m\r\n');
      this.o.onEnded?.();
      return;
    }
    const typeAhead = (r.unread ?? '') + this.cooked;
    this.cooked = '';
    const interrupted = this.interrupted;
    // bash starts a new line after a command stopped by Ctrl-C; after normal output it does not.
    this.showPrompt(r.session.prompt, typeAhead, () => interrupted && this.newlineIfNeeded());
  }

  private failed(err: unknown): void {
    this.cancelHold?.();
    this.pendingLines = [];
    const msg = err instanceof Error ? err.message : String(err);
    this.showPrompt(this.ps1, '', () => {
      this.newlineIfNeeded();
      this.o.term.write(`\x1b[31mkubelab: ${msg}\x1b[0m\r\n`);
    });
  }

  /** heldInterrupt is Ctrl-C while input waits (just after Enter): stop the command, drop the type-ahead. */
  private heldInterrupt(): void {
    if (this.mode === 'completing') {
      this.mode = 'edit';
      this.cancelLine();
      return;
    }
    this.queue = [];
    this.interrupted = true;
    this.o.term.write('^C');
    void this.session.interrupt().catch(() => undefined);
  }

  // ---- while a command runs: the tty's cooked mode ----

  private runningKey(k: Key): void {
    if (k.type === 'text') {
      this.cooked += k.text;
      this.o.term.write(k.text);
      return;
    }
    switch (k.name) {
      case 'enter': {
        const data = this.cooked + '\n';
        this.cooked = '';
        this.o.term.write('\r\n');
        void this.session.stdin(data).catch(() => undefined);
        return;
      }
      case 'backspace': {
        if (!this.cooked) return;
        const chars = [...this.cooked];
        chars.pop();
        this.cooked = chars.join('');
        this.o.term.write('\b \b');
        return;
      }
      case 'ctrl-u': {
        this.o.term.write('\b \b'.repeat([...this.cooked].length));
        this.cooked = '';
        return;
      }
      case 'ctrl-c':
        this.cooked = '';
        this.queue = [];
        this.interrupted = true;
        this.o.term.write('^C');
        void this.session.interrupt().catch(() => undefined);
        return;
      case 'ctrl-d':
        if (this.cooked === '') void this.session.endInput().catch(() => undefined);
        else {
          void this.session.stdin(this.cooked).catch(() => undefined);
          this.cooked = '';
        }
        return;
      default:
        return;
    }
  }

  // ---- Ctrl-R ----

  private startSearch(dir: -1 | 1): void {
    this.search = new IncrementalSearch(this.o.history, { text: this.line.text, cursor: this.line.cursor }, dir, this.lastSearchQuery);
    this.mode = 'search';
    this.view.setPrompt(this.search.prompt(), this.line.text, this.line.cursor);
  }

  private showSearch(): void {
    const s = this.search!;
    this.view.setPrompt(s.prompt(), s.line(), s.pos);
  }

  private endSearch(restore: boolean): void {
    const s = this.search!;
    this.search = undefined;
    this.mode = 'edit';
    if (s.query) this.lastSearchQuery = s.query;
    if (restore) this.line.set(s.original.text, s.original.cursor);
    else {
      const text = s.line();
      if (s.index < this.o.history.entries.length) this.cursor.jump(this.line.text, s.index);
      this.line.set(text, s.pos);
    }
    this.view.setPrompt(this.prompt, this.line.text, this.line.cursor);
  }

  private searchKey(k: Key): void {
    const s = this.search!;
    if (k.type === 'text') {
      s.type(k.text);
      return this.showSearch();
    }
    switch (k.name) {
      case 'ctrl-r': s.again(-1); return this.showSearch();
      case 'ctrl-s': s.again(1); return this.showSearch();
      case 'backspace': s.backspace(); return this.showSearch();
      case 'ctrl-g': return this.endSearch(true);
      case 'escape': return this.endSearch(false);
      case 'ctrl-c':
        this.endSearch(true);
        return this.cancelLine();
      case 'enter':
        this.endSearch(false);
        return this.accept();
      default:
        // Any other editing key ends the search on the match and then does its job.
        this.endSearch(false);
        return this.editKey(k);
    }
  }

  // ---- Tab ----

  private complete(): void {
    const text = this.line.text;
    const cursor = this.line.cursor;
    // Readline lists on a Tab that follows a Tab which changed nothing.
    const second = this.lastKey === 'tab' && !this.completionChanged;
    this.mode = 'completing';
    this.session.complete(text, cursor).then(
      (c) => {
        if (this.mode !== 'completing') return;
        this.mode = 'edit';
        if (this.line.text === text && this.line.cursor === cursor) this.applyCompletion(c, second);
        this.lastKey = 'tab';
        this.pump();
      },
      () => {
        if (this.mode === 'completing') this.mode = 'edit';
        this.pump();
      },
    );
  }

  private applyCompletion(c: Completion, second: boolean): void {
    const step = completionStep(this.line.text, this.line.cursor, c, second);
    this.completionChanged = step.kind === 'replace';
    if (step.kind === 'replace') {
      this.line.replace(step.start, step.end, step.text);
      this.redraw();
    } else if (step.kind === 'list') {
      this.view.finish(this.line.text);
      if (step.items.length > QUERY_ITEMS) {
        this.listing = step.items;
        this.mode = 'query';
        this.o.term.write(`Display all ${step.items.length} possibilities? (y or n)`);
        return;
      }
      this.o.term.write(formatColumns(step.items, this.o.term.cols()));
      this.view.start(this.prompt, 0, this.line.text, this.line.cursor);
    }
  }

  private queryKey(k: Key): void {
    const yes = k.type === 'text' && (k.text === 'y' || k.text === 'Y' || k.text === ' ');
    this.o.term.write('\r\n');
    if (yes) this.o.term.write(formatColumns(this.listing, this.o.term.cols()));
    this.listing = [];
    this.mode = 'edit';
    this.view.start(this.prompt, 0, this.line.text, this.line.cursor);
  }
}
