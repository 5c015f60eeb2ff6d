import { describe, expect, it } from 'vitest';
import { pageAction } from './keys.ts';

const key = (code: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean; meta?: boolean } = {}) => ({
  code,
  key: '',
  altKey: !!mods.alt,
  ctrlKey: !!mods.ctrl,
  shiftKey: !!mods.shift,
  metaKey: !!mods.meta,
});

describe('pageAction', () => {
  it('maps the documented shortcuts', () => {
    expect(pageAction(key('Digit2', { alt: true }))).toEqual({ kind: 'focus', pane: 'terminal' });
    expect(pageAction(key('KeyT', { alt: true, shift: true }))).toEqual({ kind: 'new-tab' });
    expect(pageAction(key('ArrowRight', { alt: true, shift: true }))).toEqual({ kind: 'switch-tab', dir: 1 });
    expect(pageAction(key('KeyC', { ctrl: true, shift: true }))).toEqual({ kind: 'copy' });
  });

  it('leaves every readline key to the terminal', () => {
    for (const code of ['KeyA', 'KeyE', 'KeyK', 'KeyU', 'KeyW', 'KeyR', 'KeyL', 'KeyC', 'KeyD']) expect(pageAction(key(code, { ctrl: true }))).toBeUndefined();
    for (const code of ['KeyB', 'KeyF', 'KeyD', 'Period', 'Backspace']) expect(pageAction(key(code, { alt: true }))).toBeUndefined();
  });
});
