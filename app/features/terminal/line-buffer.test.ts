import { describe, expect, it } from 'vitest';
import { LineBuffer, wordEnd, wordStart } from './line-buffer.ts';

function buf(text: string, cursor = text.length): LineBuffer {
  const b = new LineBuffer();
  b.set(text, cursor);
  return b;
}

describe('LineBuffer', () => {
  it('inserts and deletes at the cursor', () => {
    const b = buf('kubctl', 3);
    b.insert('e');
    expect([b.text, b.cursor]).toEqual(['kubectl', 4]);
    b.backspace();
    b.deleteChar();
    expect([b.text, b.cursor]).toEqual(['kubtl', 3]);
  });

  it('kills to the end (Ctrl-K) and to the start (Ctrl-U), and yanks (Ctrl-Y)', () => {
    const b = buf('kubectl get pods -A', 11);
    b.killToEnd();
    expect(b.text).toBe('kubectl get');
    b.home();
    b.yank();
    expect(b.text).toBe(' pods -Akubectl get');
    const c = buf('kubectl get pods', 8);
    c.killToStart();
    expect([c.text, c.cursor]).toEqual(['get pods', 0]);
  });

  it('Ctrl-W kills back to whitespace, Alt-Backspace to a non-alphanumeric', () => {
    const b = buf('kubectl get deploy/web-1');
    b.killWordBack();
    expect(b.text).toBe('kubectl get ');
    const c = buf('kubectl get deploy/web-1');
    c.killAlnumWordBack();
    expect(c.text).toBe('kubectl get deploy/web-');
  });

  it('moves by words like readline (Alt-B, Alt-F) and kills forward (Alt-D)', () => {
    expect(wordStart('kubectl get pods', 16)).toBe(12);
    expect(wordStart('kubectl get pods', 12)).toBe(8);
    expect(wordEnd('kubectl get pods', 0)).toBe(7);
    expect(wordEnd('kubectl get pods', 7)).toBe(11);
    const b = buf('kubectl get pods', 7);
    b.killWordForward();
    expect(b.text).toBe('kubectl pods');
  });

  it('transposes characters (Ctrl-T) and undoes (Ctrl-_)', () => {
    const b = buf('kubeclt');
    b.transpose();
    expect(b.text).toBe('kubectl');
    expect(b.undo()).toBe(true);
    expect(b.text).toBe('kubeclt');
  });
});
