import type { TerminalTab } from '../features/terminal/terminal-tab.ts';

/** Shortcut is one documented keyboard shortcut of the page. */
export interface Shortcut {
  keys: string;
  does: string;
}

/**
 * SHORTCUTS are the page's own keys. They use Alt+digit and Alt+Shift, which
 * readline leaves alone in practice, so the terminal keeps every key the
 * exam's terminal has (Ctrl-A/E/K/U/W/R/L, Alt-B/F/D/.).
 */
export const SHORTCUTS: Shortcut[] = [
  { keys: 'Alt+1', does: 'Focus the task panel' },
  { keys: 'Alt+2', does: 'Focus the terminal' },
  { keys: 'Alt+3', does: 'Focus the editor' },
  { keys: 'Alt+4', does: 'Focus the topology graph' },
  { keys: 'Alt+Shift+T', does: 'New terminal tab' },
  { keys: 'Alt+Shift+W', does: 'Close the terminal tab' },
  { keys: 'Alt+Shift+← / →', does: 'Previous / next terminal tab' },
  { keys: 'Ctrl+Shift+C / Ctrl+Shift+V', does: 'Copy the selection / paste in the terminal' },
  { keys: 'Ctrl+S (editor)', does: 'Save the file (:w in vim mode)' },
  { keys: 'Alt+Shift+A (editor)', does: 'Save and run kubectl apply -f in the terminal' },
  { keys: 'Alt+Shift+L', does: 'Switch between light and dark theme' },
  { keys: 'Alt+Shift+B', does: 'Show or hide the task panel' },
  { keys: 'Alt+Shift+/ (Alt+?)', does: 'Show these shortcuts' },
  { keys: 'Escape', does: 'Close a dialog or the inspector' },
];

/** PageAction is what a page shortcut does. */
export type PageAction =
  | { kind: 'focus'; pane: 'tasks' | 'terminal' | 'editor' | 'topology' }
  | { kind: 'new-tab' }
  | { kind: 'close-tab' }
  | { kind: 'switch-tab'; dir: -1 | 1 }
  | { kind: 'theme' }
  | { kind: 'apply' }
  | { kind: 'help' }
  | { kind: 'toggle-left' }
  | { kind: 'copy' }
  | { kind: 'paste' };

/** pageAction maps a key event to a page shortcut, or undefined for keys the focused control keeps. */
export function pageAction(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey' | 'code' | 'key'>): PageAction | undefined {
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    const pane = ({ Digit1: 'tasks', Digit2: 'terminal', Digit3: 'editor', Digit4: 'topology' } as const)[e.code as 'Digit1'];
    if (pane) return { kind: 'focus', pane };
  }
  if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
    switch (e.code) {
      case 'KeyT': return { kind: 'new-tab' };
      case 'KeyW': return { kind: 'close-tab' };
      case 'ArrowLeft': return { kind: 'switch-tab', dir: -1 };
      case 'ArrowRight': return { kind: 'switch-tab', dir: 1 };
      case 'KeyL': return { kind: 'theme' };
      case 'KeyA': return { kind: 'apply' };
      case 'KeyB': return { kind: 'toggle-left' };
      case 'Slash': return { kind: 'help' };
    }
  }
  if (e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey) {
    if (e.code === 'KeyC') return { kind: 'copy' };
    if (e.code === 'KeyV') return { kind: 'paste' };
  }
  return undefined;
}

/**
 * isPageKey tells xterm to leave a key to the page (return true = handled
 * by the page). Copy and paste are done here because the browser's own
 * Ctrl+Shift+C opens developer tools.
 */
export function isPageKey(e: KeyboardEvent, tab: TerminalTab): boolean {
  const action = pageAction(e);
  if (!action) return false;
  if (e.type !== 'keydown') return true;
  if (action.kind === 'copy') {
    e.preventDefault();
    const sel = tab.term.getSelection();
    if (sel) void navigator.clipboard?.writeText(sel).catch(() => undefined);
    return true;
  }
  if (action.kind === 'paste') {
    e.preventDefault();
    void navigator.clipboard?.readText().then((t) => t && tab.term.paste(t)).catch(() => undefined);
    return true;
  }
  return true;
}
