import { initVimMode, VimMode } from 'monaco-vim';
import type { monaco } from './monaco-setup.ts';

/** VimActions are what :w, :q, :q!, :wq and :x do to the current file. */
export interface VimActions {
  write(): void;
  quit(force: boolean): void;
  writeQuit(): void;
  dirty(): boolean;
}

/** VimHandle turns vim keys off again. */
export interface VimHandle {
  dispose(): void;
}

interface ExParams {
  input?: string;
  argString?: string;
}
interface VimApi {
  defineEx(name: string, prefix: string, fn: (cm: { openNotification?: (s: string) => void }, params: ExParams) => void): void;
}

let actions: VimActions | undefined;
let defined = false;

function bang(p: ExParams): boolean {
  return (p.input ?? '').trim().endsWith('!') || (p.argString ?? '').trim().startsWith('!');
}

/** defineCommands registers the ex commands once (the vim emulation's command table is global). */
function defineCommands(): void {
  if (defined) return;
  defined = true;
  const Vim = (VimMode as unknown as { Vim: VimApi }).Vim;
  Vim.defineEx('write', 'w', () => actions?.write());
  Vim.defineEx('quit', 'q', (cm, p) => {
    if (!actions) return;
    if (!bang(p) && actions.dirty()) {
      cm.openNotification?.('E37: No write since last change (add ! to override)');
      return;
    }
    actions.quit(bang(p));
  });
  Vim.defineEx('wq', 'wq', () => actions?.writeQuit());
  Vim.defineEx('xit', 'x', () => actions?.writeQuit());
}

/** enableVim turns on vim keys in the editor, with a status line in `statusNode`. */
export function enableVim(ed: monaco.editor.IStandaloneCodeEditor, statusNode: HTMLElement, a: VimActions): VimHandle {
  defineCommands();
  actions = a;
  const mode = initVimMode(ed, statusNode);
  return {
    dispose() {
      mode.dispose();
      statusNode.textContent = '';
      if (actions === a) actions = undefined;
    },
  };
}
