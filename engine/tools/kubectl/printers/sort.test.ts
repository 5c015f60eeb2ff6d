import { describe, expect, it } from 'vitest';
import { SortError, sortByField, sortTableRows, TableSortError } from './sort.ts';

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

describe('sortByField and sortTableRows (kubectl SortObjects, SortingPrinter)', () => {
  const rows = [{ n: 'a', v: true }, { n: 'b', v: false }];
  it('refuses a field no object has, loudly for objects and as a TableSortError for a table', () => {
    expect(() => sortByField([{ n: 'a' }, { n: 'b' }], '.nope', (x) => x)).toThrow('couldn\'t find any field with path "{.nope}" in the list of objects');
    expect(() => sortTableRows([{ n: 'a' }, { n: 'b' }], '.nope', (x) => x)).toThrow(TableSortError);
    expect(() => sortTableRows([{ n: 'a' }, { n: 'b' }], '{.n', (x) => x)).toThrow(TableSortError);
  });

  it('leaves a table of one row alone, whatever the field', () => {
    expect(sortTableRows([{ n: 'a' }], '{.nope', (x) => x)).toEqual([{ n: 'a' }]);
  });

  it('finds booleans, maps and mixed types unsortable, as Go does', () => {
    expect(() => sortByField(rows, '.v', (x) => x)).toThrow(new SortError('sorter.go:329', 'Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool'));
    expect(() => sortTableRows([{ v: { a: 1 } }, { v: { b: 1 } }], '.v', (x) => x)).toThrow('unsortable type: map[string]interface {}');
    expect(() => sortByField([{ v: 1 }, { v: 'a' }], '.v', (x) => x)).toThrow('unsortable interface: interface');
  });
});
