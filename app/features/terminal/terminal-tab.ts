import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { SessionInfo } from '../../../engine/protocol/api.ts';
import type { EngineClient } from '../../engine/client.ts';
import { trimTranscript, TRANSCRIPT_MAX } from '../../persistence/codec.ts';
import type { TabSnapshot } from '../../persistence/snapshot.ts';
import { TerminalController, type DoneResult, type SessionPort } from './controller.ts';
import type { History } from './history.ts';
import { XTERM_THEMES } from './theme.ts';
import { firstPromptShown } from '../../state/first-prompt.ts';

/**
 * markFirstPrompt records when the page first became usable: the frame in
 * which the first prompt is drawn (performance mark "kubelab:prompt", read
 * by the startup benchmark).
 */
function markFirstPrompt(): void {
  if (performance.getEntriesByName('kubelab:prompt').length > 0) return;
  requestAnimationFrame(() => {
    if (performance.getEntriesByName('kubelab:prompt').length === 0) performance.mark('kubelab:prompt');
    firstPromptShown();
  });
}

/** TabOptions wire a tab to the engine and the page. */
export interface TabOptions {
  id: string;
  session: string;
  engine: EngineClient;
  history: History;
  theme: 'light' | 'dark';
  screenReader: boolean;
  /** keyFilter returns false for keys the page handles itself (pane shortcuts, copy, paste) */
  keyFilter: (e: KeyboardEvent) => boolean;
  onDone: (tab: TerminalTab, command: string, r: DoneResult) => void;
  onChange: () => void;
  onEnded: (tab: TerminalTab) => void;
}

/**
 * TerminalTab is one terminal: an xterm instance, its line editor, and the
 * transcript of everything written to it (saved so a reload shows the same
 * screen). The xterm lives in its own element, created once and moved into
 * the pane, so switching tabs or re-rendering never rebuilds it.
 */
export class TerminalTab {
  readonly id: string;
  session: string;
  info: SessionInfo | undefined;
  readonly term: Terminal;
  readonly element: HTMLDivElement;
  readonly controller: TerminalController;
  private readonly fitAddon = new FitAddon();
  private transcript = '';
  private opened = false;
  private lastSize = '';

  constructor(private readonly o: TabOptions) {
    this.id = o.id;
    this.session = o.session;
    this.element = document.createElement('div');
    this.element.className = 'xterm-host';
    this.element.dataset.tab = o.id;
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: '"DejaVu Sans Mono", "Ubuntu Mono", Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 5000,
      screenReaderMode: o.screenReader,
      macOptionIsMeta: true,
      theme: XTERM_THEMES[o.theme],
      allowProposedApi: false,
    });
    this.term.loadAddon(this.fitAddon);
    this.term.attachCustomKeyEventHandler(o.keyFilter);
    this.controller = new TerminalController({
      term: { write: (s) => this.write(s), cols: () => this.term.cols, cursorX: () => this.term.buffer.active.cursorX, flush: (fn) => this.term.write('', fn) },
      session: this.port(),
      history: o.history,
      onDone: (c, r) => o.onDone(this, c, r),
      onChange: o.onChange,
      onEnded: () => o.onEnded(this),
      onPrompt: markFirstPrompt,
    });
    this.term.onData((d) => this.controller.feed(d));
  }

  /** port binds the engine's calls to this tab's current session. */
  private port(): SessionPort {
    const e = this.o.engine;
    return {
      submit: (l) => e.submit(this.session, l),
      interrupt: () => e.interrupt(this.session),
      stdin: (d) => e.stdin(this.session, d),
      endInput: () => e.endInput(this.session),
      complete: (l, c) => e.complete(this.session, l, c),
    };
  }

  /** attach moves the tab onto another engine session (a new lab after reset, import or rewind). */
  attach(info: SessionInfo): void {
    this.session = info.id;
    this.info = info;
    this.controller.attach(this.port());
    this.lastSize = '';
    this.fit();
  }

  /** write shows data and records it in the transcript. */
  write(data: string): void {
    this.transcript += data;
    if (this.transcript.length > 2 * TRANSCRIPT_MAX) this.transcript = trimTranscript(this.transcript);
    this.term.write(data);
  }

  /**
   * openAhead opens xterm offscreen, at the size of `sizeLike` if given, so
   * that mounting it later only moves it. Opening (measuring the font, setting
   * up the renderer) takes tens of milliseconds: done while the engine boots,
   * it is no longer between the engine's reply and the first prompt.
   */
  openAhead(sizeLike?: Element | null): void {
    if (this.opened) return;
    const box = sizeLike?.getBoundingClientRect();
    const holder = document.createElement('div');
    holder.style.cssText = `position:fixed;left:-100000px;top:0;visibility:hidden;width:${box?.width || 800}px;height:${box?.height || 480}px`;
    holder.appendChild(this.element);
    document.body.appendChild(holder);
    this.term.open(this.element);
    this.opened = true;
    this.holder = holder;
  }

  private holder: HTMLElement | undefined;

  /** mount puts the terminal into the pane's container (opening xterm the first time). */
  mount(parent: HTMLElement): void {
    if (this.element.parentElement !== parent) parent.appendChild(this.element);
    this.holder?.remove();
    this.holder = undefined;
    if (!this.opened) {
      this.term.open(this.element);
      this.opened = true;
    }
    this.fit();
  }

  /** fit sizes the terminal to its element and tells the engine the new size. */
  fit(): void {
    if (!this.opened || this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    try {
      this.fitAddon.fit();
    } catch {
      return;
    }
    this.controller.resize();
    const size = `${this.term.cols}x${this.term.rows}`;
    if (size !== this.lastSize) {
      this.lastSize = size;
      void this.o.engine.resize(this.session, this.term.cols, this.term.rows).catch(() => undefined);
    }
  }

  setTheme(theme: 'light' | 'dark'): void {
    this.term.options.theme = XTERM_THEMES[theme];
  }

  setScreenReader(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  focus(): void {
    this.term.focus();
  }

  /** bufferText is the terminal's whole buffer as text, one line per row (for tests and copy-all). */
  bufferText(): string {
    const b = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  snapshot(): TabSnapshot {
    return { id: this.id, session: this.session, info: this.info, transcript: trimTranscript(this.transcript), controller: this.controller.snapshot() };
  }

  /** restore replays a saved transcript and takes over its prompt. */
  restore(s: TabSnapshot): void {
    this.transcript = '';
    this.write(s.transcript);
    // xterm parses writes asynchronously; adopt the prompt once the replay has landed.
    this.term.write('', () => this.controller.restore(s.controller));
  }

  dispose(): void {
    this.term.dispose();
    this.element.remove();
    this.holder?.remove();
  }
}
