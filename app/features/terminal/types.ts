import type { Completion, SubmitResult } from '../../../engine/protocol/api.ts';

/** TermLike is the part of an xterm Terminal the terminal code needs (a fake in tests). */
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

/** EditorMode is what the prompt's line editor is doing. */
export type EditorMode = 'edit' | 'search' | 'query' | 'completing';

/** Mode is what the terminal does with the next key: edit at a prompt, or wait, or feed a running command. */
export type Mode = 'idle' | EditorMode | 'submitting' | 'running' | 'ended';

/** ControllerSnapshot is the part of a terminal that survives a reload. */
export interface ControllerSnapshot {
  mode: Mode;
  text: string;
  cursor: number;
  prompt: string;
  ps1: string;
  pendingLines: string[];
}
