import { describe, expect, it } from 'vitest';
import { decodeKeys } from './keys.ts';

const names = (data: string) => decodeKeys(data).map((k) => (k.type === 'text' ? `text:${k.text}` : k.name));

describe('decodeKeys', () => {
  it('keeps runs of printable characters together and names control keys', () => {
    expect(names('kubectl get\r')).toEqual(['text:kubectl get', 'enter']);
    expect(names('\x01\x05\x0b\x15\x17\x0c\x12\x03\x7f\t\x1f')).toEqual(['ctrl-a', 'ctrl-e', 'ctrl-k', 'ctrl-u', 'ctrl-w', 'ctrl-l', 'ctrl-r', 'ctrl-c', 'backspace', 'tab', 'ctrl-_']);
  });

  it('decodes cursor keys in normal and application mode, with modifiers', () => {
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOH\x1b[F\x1b[3~\x1b[1;5D\x1b[1;5C\x1b[5~')).toEqual([
      'up', 'down', 'right', 'left', 'up', 'home', 'end', 'delete', 'ctrl-left', 'ctrl-right', 'pageup',
    ]);
  });

  it('reads ESC + key as Alt, and a lone ESC as escape', () => {
    expect(names('\x1bb\x1bf\x1bd\x1b.\x1b\x7f')).toEqual(['alt-b', 'alt-f', 'alt-d', 'alt-.', 'alt-backspace']);
    expect(names('\x1b')).toEqual(['escape']);
  });

  it('turns a bracketed paste into text and enters', () => {
    expect(names('\x1b[200~echo a\recho b\x1b[201~')).toEqual(['text:echo a', 'enter', 'text:echo b']);
  });

  it('keeps non-ASCII text', () => {
    expect(names('héllo 世界')).toEqual(['text:héllo 世界']);
  });
});
