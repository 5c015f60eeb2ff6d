import { describe, expect, it } from 'vitest';
import { sortByField } from './sort.ts';

const names = (xs: { v?: string; n: string }[], field: string) => sortByField(xs, field, (x) => x).map((x) => x.n);

describe('sortByField (kubectl --sort-by)', () => {
  it('compares strings byte by byte, as kubectl 1.33 does', () => {
    expect(names([{ n: 'a2' }, { n: 'a10' }, { n: 'b' }], '.n')).toEqual(['a10', 'a2', 'b']);
    expect(names([{ n: 'k', v: '10.96.0.1' }, { n: 'w', v: '10.110.3.4' }], '.v')).toEqual(['w', 'k']);
  });

  it('compares two quantities by amount', () => {
    expect(names([{ n: 'big', v: '1Gi' }, { n: 'small', v: '500Mi' }], '.v')).toEqual(['small', 'big']);
  });

  it('puts an object without the field first', () => {
    expect(names([{ n: 'x', v: 'b' }, { n: 'none' }, { n: 'y', v: 'a' }], '.v')).toEqual(['none', 'y', 'x']);
  });
});
