import type { KeyName } from './keys.ts';
import type { LineBuffer } from './line-buffer.ts';

/**
 * applyEditKey performs the readline commands that only change the line
 * (movement, deletion, kill and yank, transpose, undo). It returns false for
 * keys it does not own (Enter, Tab, history, search…), which the terminal
 * controller handles.
 */
export function applyEditKey(L: LineBuffer, name: KeyName): boolean {
  switch (name) {
    case 'backspace': L.backspace(); return true;
    case 'delete': L.deleteChar(); return true;
    case 'left': case 'ctrl-b': L.left(); return true;
    case 'right': case 'ctrl-f': L.right(); return true;
    case 'home': case 'ctrl-a': L.home(); return true;
    case 'end': case 'ctrl-e': L.end(); return true;
    case 'alt-b': case 'ctrl-left': L.wordLeft(); return true;
    case 'alt-f': case 'ctrl-right': L.wordRight(); return true;
    case 'ctrl-k': L.killToEnd(); return true;
    case 'ctrl-u': L.killToStart(); return true;
    case 'ctrl-w': L.killWordBack(); return true;
    case 'alt-d': L.killWordForward(); return true;
    case 'alt-backspace': case 'ctrl-backspace': L.killAlnumWordBack(); return true;
    case 'ctrl-y': L.yank(); return true;
    case 'ctrl-t': L.transpose(); return true;
    case 'ctrl-_': L.undo(); return true;
    default: return false;
  }
}
