import { describe, expect, it } from 'vitest';
import { Screen } from '../../testing/screen.ts';
import { moveBetween, paint, placeAfter, stripAnsi } from './layout.ts';

describe('layout', () => {
  it('places text with wrapping at the margin, normalising the deferred wrap', () => {
    expect(placeAfter({ row: 0, col: 0 }, 'abcd', 10)).toEqual({ row: 0, col: 4 });
    expect(placeAfter({ row: 0, col: 0 }, 'abcdefghij', 10)).toEqual({ row: 1, col: 0 });
    expect(placeAfter({ row: 0, col: 8 }, 'abcd', 10)).toEqual({ row: 1, col: 2 });
    expect(placeAfter({ row: 0, col: 0 }, 'ab\ncd', 10)).toEqual({ row: 1, col: 2 });
    expect(placeAfter({ row: 0, col: 9 }, '世', 10)).toEqual({ row: 1, col: 2 });
  });

  it('moves the cursor with relative sequences', () => {
    expect(moveBetween({ row: 2, col: 5 }, { row: 0, col: 0 })).toBe('\x1b[2A\r');
    expect(moveBetween({ row: 0, col: 5 }, { row: 1, col: 7 })).toBe('\x1b[1B\x1b[2C');
    expect(moveBetween({ row: 1, col: 7 }, { row: 1, col: 3 })).toBe('\x1b[4D');
  });

  it('paints a line that fills the margin so the cursor lands on the next row', () => {
    const s = new Screen(10, 4);
    const p = paint({ row: 0, col: 0 }, 'abcdefghij', 10);
    s.write(p.out);
    expect(p.end).toEqual({ row: 1, col: 0 });
    expect([s.y, s.x]).toEqual([1, 0]);
    expect(s.text()).toBe('abcdefghij');
  });

  it('strips colour codes from prompts', () => {
    expect(stripAnsi('\x1b[01;32mcandidate@controlplane\x1b[00m:~$ ')).toBe('candidate@controlplane:~$ ');
  });
});
