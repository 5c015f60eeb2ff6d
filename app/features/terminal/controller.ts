import type { SubmitResult } from '../../../engine/protocol/api.ts';
import { CookedInput } from './cooked.ts';
import type { History } from './history.ts';
import { decodeKeys, type Key } from './keys.ts';
import { PromptEditor } from './prompt-editor.ts';
import type { ControllerSnapshot, DoneResult, Mode, SessionPort, TermLike } from './types.ts';

export type { ControllerSnapshot, DoneResult, Mode, SessionPort, TermLike } from './types.ts';

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

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * TerminalController is one terminal tab's shell front end: the line editor
 * at the prompt (echo is local and immediate), the submit flow to the engine
 * (PS2 for incomplete input, history, type-ahead), and the terminal's line
 * discipline while a command runs (stdin by line, Ctrl-C, Ctrl-D).
 */
export class TerminalController {
  private state: 'idle' | 'prompt' | 'submitting' | 'running' | 'ended' = 'idle';
  private readonly editor: PromptEditor;
  private readonly cooked: CookedInput;
  private queue: Key[] = [];
  private pumping = false;
  private ps1 = '';
  private pendingLines: string[] = [];
  private cancelHold: (() => void) | undefined;
  private interrupted = false;
  private whenIdle: string[] = [];
  private session: SessionPort;
  private generation = 0;

  constructor(private readonly o: ControllerOptions) {
    this.session = o.session;
    this.editor = new PromptEditor(o.term, o.history, {
      accept: (text) => this.submitLines(text.split('\n'), true),
      cancel: () => this.cancelLine(),
      eof: () => this.eof(),
      complete: (line, cursor) => this.session.complete(line, cursor),
      resume: () => this.pump(),
    });
    this.cooked = new CookedInput({
      write: (d) => o.term.write(d),
      stdin: (d) => void this.session.stdin(d).catch(() => undefined),
      interrupt: () => this.interruptCommand(),
      endInput: () => void this.session.endInput().catch(() => undefined),
    });
  }

  /** mode is what the next key does ('edit' at a prompt). */
  get mode(): Mode {
    return this.state === 'prompt' ? this.editor.mode : this.state;
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
    this.editor.view.cols = Math.max(1, this.o.term.cols());
  }

  /**
   * showPrompt starts editing at a new prompt (boot, restore, after a command)
   * once the output before it is on screen, so the prompt starts where that
   * output left the cursor. Keys wait meanwhile.
   */
  showPrompt(prompt: string, typeAhead = '', before?: () => void): void {
    this.state = 'idle';
    this.o.term.flush(() => {
      before?.();
      this.startPrompt(prompt, typeAhead);
    });
  }

  private startPrompt(prompt: string, typeAhead: string): void {
    if (this.pendingLines.length === 0) this.ps1 = prompt;
    this.state = 'prompt';
    this.editor.start(prompt, this.o.term.cursorX());
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
    if (s.mode === 'edit' || s.mode === 'search' || s.mode === 'query' || s.mode === 'completing') {
      this.pendingLines = s.pendingLines;
      this.state = 'prompt';
      // A search or a completion listing was on screen: start the line afresh below it.
      if (s.mode !== 'edit') this.o.term.write('\r\n');
      this.editor.resume(s.prompt, s.text, s.cursor, s.mode === 'edit');
      this.o.onPrompt?.();
      this.pump();
      return;
    }
    // A command was running when the page went away; the restored lab is between commands.
    this.showPrompt(s.ps1 || s.prompt, '', () => this.newlineIfNeeded());
  }

  /** snapshot is what persistence saves for this terminal. */
  snapshot(): ControllerSnapshot {
    return { mode: this.mode, text: this.editor.line.text, cursor: this.editor.line.cursor, prompt: this.editor.prompt, ps1: this.ps1, pendingLines: [...this.pendingLines] };
  }

  /** output writes what the command printed; at a prompt (late output) the line is drawn again below it. */
  output(data: string): void {
    if (this.state === 'prompt' && (this.editor.mode === 'edit' || this.editor.mode === 'search')) this.editor.redrawAfter(data);
    else this.o.term.write(data);
  }

  /**
   * run types a command at the prompt and submits it, visibly (the editor's
   * Apply). When a command is running it waits for the next empty prompt.
   */
  run(command: string): void {
    if (this.mode === 'edit' && this.editor.line.text === '' && this.pendingLines.length === 0 && this.queue.length === 0) this.runLine(command);
    else this.whenIdle.push(command);
  }

  /** notice prints a line of information above a fresh prompt (rewind, reset). */
  notice(text: string, prompt?: string): void {
    const atPrompt = this.mode === 'edit' || this.mode === 'search';
    if (atPrompt) this.editor.finish();
    this.pendingLines = [];
    this.cancelHold?.();
    this.queue = [];
    this.showPrompt(prompt ?? this.ps1, '', () => {
      if (!atPrompt) this.newlineIfNeeded();
      this.o.term.write(text + '\r\n');
    });
  }

  /** end marks the session finished (its outermost shell exited). */
  end(message: string): void {
    this.state = 'ended';
    this.o.term.write(message);
    this.o.onChange?.();
  }

  private newlineIfNeeded(): void {
    if (this.o.term.cursorX() !== 0) this.o.term.write('\r\n');
  }

  private runLine(command: string): void {
    this.editor.typeLine(command);
    this.editor.finish();
    this.submitLines(command.split('\n'), true);
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    let edited = false;
    try {
      while (this.queue.length > 0) {
        const k = this.queue[0]!;
        const mode = this.mode;
        if (mode === 'idle' || mode === 'submitting' || mode === 'completing' || mode === 'ended') {
          // Input waits, except Ctrl-C, which acts at once.
          if (k.type === 'key' && k.name === 'ctrl-c' && (mode === 'submitting' || mode === 'completing')) {
            this.queue.shift();
            this.heldInterrupt();
            continue;
          }
          if (mode === 'ended' && k.type === 'key' && k.name === 'enter') {
            this.queue.shift();
            continue;
          }
          break;
        }
        this.queue.shift();
        if (mode === 'running') this.cooked.key(k);
        else {
          this.editor.key(k);
          // The half-typed line is part of what a reload restores: let the page save it soon.
          edited = true;
        }
      }
    } finally {
      this.pumping = false;
      if (edited) this.o.onChange?.();
    }
  }

  private cancelLine(): void {
    if (this.pendingLines.length > 0) {
      this.pendingLines = [];
      void this.session.interrupt().catch(() => undefined);
    }
    this.showPrompt(this.ps1);
  }

  private eof(): void {
    // Ctrl-D on an empty line ends the shell, as `exit` would; inside a multi-line command it does nothing.
    if (this.pendingLines.length > 0) return;
    this.editor.finish();
    this.submitLines(['exit'], false);
  }

  private submitLines(lines: string[], remember: boolean): void {
    this.state = 'submitting';
    this.interrupted = false;
    this.cooked.take();
    this.o.onChange?.();
    this.cancelHold = (this.o.timer ?? defaultTimer)(() => {
      if (this.state !== 'submitting') return;
      this.state = 'running';
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
    const typeAhead = (r.unread ?? '') + this.cooked.take();
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

  /** interruptCommand is Ctrl-C for the running command: the tty drops type-ahead, the engine stops it. */
  private interruptCommand(): void {
    this.queue = [];
    this.interrupted = true;
    void this.session.interrupt().catch(() => undefined);
  }

  /** heldInterrupt is Ctrl-C while input waits (just after Enter, or a completion on its way). */
  private heldInterrupt(): void {
    if (this.mode === 'completing') {
      this.editor.cancelCompletion();
      this.editor.finish('^C');
      this.cancelLine();
      return;
    }
    this.o.term.write('^C');
    this.interruptCommand();
  }
}
