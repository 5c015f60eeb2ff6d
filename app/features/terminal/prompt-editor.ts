import type { Completion } from '../../../engine/protocol/api.ts';
import { completionStep, formatColumns, QUERY_ITEMS } from './completion.ts';
import { applyEditKey } from './edit-keys.ts';
import { type History, HistoryCursor } from './history.ts';
import type { Key } from './keys.ts';
import { LineBuffer } from './line-buffer.ts';
import { LineView } from './line-view.ts';
import { IncrementalSearch, searchStep } from './search.ts';
import type { EditorMode, TermLike } from './types.ts';

/** EditorHooks are what the line editor hands back to the terminal. */
export interface EditorHooks {
  /** accept: Enter (the line is already finished on screen) */
  accept(text: string): void;
  /** cancel: Ctrl-C (the line is finished with ^C) */
  cancel(): void;
  /** eof: Ctrl-D on an empty line */
  eof(): void;
  complete(line: string, cursor: number): Promise<Completion>;
  /** resume: a completion arrived; keys waiting may go on */
  resume(): void;
}

/**
 * PromptEditor is readline at one prompt: the line and its redraws, history
 * (arrows, Alt-<, Alt->, Alt-.), incremental search (Ctrl-R/Ctrl-S) and Tab
 * completion with bash's listing rules.
 */
export class PromptEditor {
  mode: EditorMode = 'edit';
  readonly line = new LineBuffer();
  readonly view: LineView;
  prompt = '';
  private cursor: HistoryCursor;
  private search: IncrementalSearch | undefined;
  private lastSearchQuery = '';
  private lastKey = '';
  private lastArgN = 0;
  private lastArgText = '';
  private listing: string[] = [];
  private completionChanged = false;

  constructor(
    private readonly term: TermLike,
    private readonly history: History,
    private readonly hooks: EditorHooks,
  ) {
    this.view = new LineView((s) => term.write(s), term.cols());
    this.cursor = new HistoryCursor(history);
  }

  /** start shows a new prompt with an empty line. */
  start(prompt: string, col: number): void {
    this.prompt = prompt;
    this.mode = 'edit';
    this.search = undefined;
    this.line.reset();
    this.cursor = new HistoryCursor(this.history);
    this.view.cols = Math.max(1, this.term.cols());
    this.view.start(prompt, col);
  }

  /** resume takes over a line restored from a snapshot. */
  resume(prompt: string, text: string, cursor: number, onScreen: boolean): void {
    this.prompt = prompt;
    this.mode = 'edit';
    this.line.reset(text);
    this.line.set(text, cursor);
    this.cursor = new HistoryCursor(this.history);
    this.view.cols = Math.max(1, this.term.cols());
    if (onScreen) this.view.adopt(prompt, this.term.cursorX(), text, cursor);
    else this.view.start(prompt, 0, text, cursor);
  }

  /** typeLine puts a whole command on the line (Apply's typed commands). */
  typeLine(text: string): void {
    this.line.set(text);
    this.redraw();
  }

  /** finish ends the line on screen (with `suffix`, e.g. ^C) and moves below it. */
  finish(suffix = ''): void {
    this.view.finish(this.line.text, suffix);
  }

  /** redrawAfter prints late output above the line and draws the prompt again below it. */
  redrawAfter(data: string): void {
    this.view.finish(this.line.text);
    this.term.write(data);
    if (!data.endsWith('\n')) this.term.write('\r\n');
    this.view.start(this.mode === 'search' ? this.search!.prompt() : this.prompt, 0, this.line.text, this.line.cursor);
  }

  /** cancelCompletion drops a completion still on its way (Ctrl-C while waiting). */
  cancelCompletion(): void {
    if (this.mode === 'completing') this.mode = 'edit';
  }

  key(k: Key): void {
    const name = k.type === 'text' ? 'text' : k.name;
    if (this.mode === 'search') this.searchKey(k);
    else if (this.mode === 'query') this.queryKey(k);
    else this.editKey(k);
    if (this.mode !== 'completing') this.lastKey = name;
  }

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
    if (k.name === 'ctrl-d' && L.text === '') return this.hooks.eof();
    if (applyEditKey(L, k.name === 'ctrl-d' ? 'delete' : k.name)) return this.redraw();
    switch (k.name) {
      case 'enter':
        this.view.finish(L.text);
        return this.hooks.accept(L.text);
      case 'tab': return this.complete();
      case 'up': case 'ctrl-p': return this.showHistory(this.cursor.prev(L.text));
      case 'down': case 'ctrl-n': return this.showHistory(this.cursor.next(L.text));
      case 'alt-<': return this.showHistory(this.cursor.first(L.text));
      case 'alt->': return this.showHistory(this.cursor.last(L.text));
      case 'alt-.': return this.yankLastArg();
      case 'ctrl-r': return this.startSearch(-1);
      case 'ctrl-s': return this.startSearch(1);
      case 'ctrl-l':
        this.term.write('\x1b[H\x1b[2J');
        this.view.start(this.prompt, 0, L.text, L.cursor);
        return;
      case 'ctrl-c':
        this.view.finish(L.text, '^C');
        return this.hooks.cancel();
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
    const arg = this.history.lastArg(this.lastArgN);
    if (arg === undefined) {
      this.lastArgN--;
      return;
    }
    if (again && this.lastArgText) this.line.replace(this.line.cursor - this.lastArgText.length, this.line.cursor, arg);
    else this.line.insert(arg);
    this.lastArgText = arg;
    this.redraw();
  }

  // ---- Ctrl-R ----

  private startSearch(dir: -1 | 1): void {
    this.search = new IncrementalSearch(this.history, { text: this.line.text, cursor: this.line.cursor }, dir, this.lastSearchQuery);
    this.mode = 'search';
    this.view.setPrompt(this.search.prompt(), this.line.text, this.line.cursor);
  }

  private endSearch(restore: boolean): void {
    const s = this.search!;
    this.search = undefined;
    this.mode = 'edit';
    if (s.query) this.lastSearchQuery = s.query;
    if (restore) this.line.set(s.original.text, s.original.cursor);
    else {
      if (s.index < this.history.entries.length) this.cursor.jump(this.line.text, s.index);
      this.line.set(s.line(), s.pos);
    }
    this.view.setPrompt(this.prompt, this.line.text, this.line.cursor);
  }

  private searchKey(k: Key): void {
    const s = this.search!;
    const step = searchStep(s, k);
    if (step.kind === 'stay') {
      this.view.setPrompt(s.prompt(), s.line(), s.pos);
      return;
    }
    this.endSearch(step.restore);
    if (step.then === 'accept') this.editKey({ type: 'key', name: 'enter', raw: '\r' });
    else if (step.then === 'cancel') this.editKey({ type: 'key', name: 'ctrl-c', raw: '\x03' });
    else if (step.then) this.editKey(step.then);
  }

  // ---- Tab ----

  private complete(): void {
    const text = this.line.text;
    const cursor = this.line.cursor;
    // Readline lists on a Tab that follows a Tab which changed nothing.
    const second = this.lastKey === 'tab' && !this.completionChanged;
    this.mode = 'completing';
    this.hooks.complete(text, cursor).then(
      (c) => {
        if (this.mode !== 'completing') return;
        this.mode = 'edit';
        if (this.line.text === text && this.line.cursor === cursor) this.applyCompletion(c, second);
        this.lastKey = 'tab';
        this.hooks.resume();
      },
      () => {
        if (this.mode === 'completing') this.mode = 'edit';
        this.hooks.resume();
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
        this.term.write(`Display all ${step.items.length} possibilities? (y or n)`);
        return;
      }
      this.term.write(formatColumns(step.items, this.term.cols()));
      this.view.start(this.prompt, 0, this.line.text, this.line.cursor);
    }
  }

  private queryKey(k: Key): void {
    const yes = k.type === 'text' && (k.text === 'y' || k.text === 'Y' || k.text === ' ');
    this.term.write('\r\n');
    if (yes) this.term.write(formatColumns(this.listing, this.term.cols()));
    this.listing = [];
    this.mode = 'edit';
    this.view.start(this.prompt, 0, this.line.text, this.line.cursor);
  }
}
