import { describe, expect, it } from 'vitest';
import { MeasuredRow } from './measured-row.ts';
import { formatTable, TabWriter } from './tabwriter.ts';

describe('TabWriter', () => {
  it('pads every column but the last to the widest cell plus 3, at least 6', () => {
    expect(formatTable([['NAME', 'READY', 'STATUS', 'AGE'], ['nginx-7854ff8877-5xvlm', '1/1', 'Running', '2m']])).toBe(
      'NAME                     READY   STATUS    AGE\nnginx-7854ff8877-5xvlm   1/1     Running   2m\n',
    );
    expect(formatTable([['ID', 'X'], ['1', 'y']])).toBe('ID    X\n1     y\n');
  });

  it('remembers widths across flushes (watch output keeps its columns)', () => {
    const tw = new TabWriter();
    tw.write('NAME\tSTATUS\n');
    expect(tw.flush()).toBe('NAME   STATUS\n');
    tw.write('a-much-longer-name\tRunning\n');
    expect(tw.flush()).toBe('a-much-longer-name   Running\n');
    tw.write('b\tDone\n');
    expect(tw.flush()).toBe('b                    Done\n');
  });

  it('takes whole arrays of rows (writeRows) as it takes them one by one', () => {
    const head = new MeasuredRow(['NAME', 'STATUS']);
    const rows = [new MeasuredRow(['web-1', 'Running']), new MeasuredRow(['a-longer-name', 'Pending'])];
    const one = new TabWriter();
    one.writeRow(head);
    for (const r of rows) one.writeRow(r);
    const many = new TabWriter();
    many.writeRow(head);
    many.writeRows(rows);
    many.writeRow(['z', 'Done']);
    expect(many.flush()).toBe(`${one.flush()}z               Done\n`);
  });

  it('hands out the same text for the same rows under the same widths, and new text when either changes', () => {
    const rows = [new MeasuredRow(['NAME', 'STATUS']), new MeasuredRow(['web-1', 'Running'])];
    const print = (rs: MeasuredRow[]) => {
      const tw = new TabWriter();
      tw.writeRows(rs);
      return tw.flush();
    };
    const first = print(rows);
    expect(print([...rows])).toBe(first);
    const longer = print([rows[0]!, new MeasuredRow(['a-much-longer-name', 'Running'])]);
    expect(longer).toBe('NAME                 STATUS\na-much-longer-name   Running\n');
    expect(print(rows)).toBe('NAME    STATUS\nweb-1   Running\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(formatTable([['héllo', 'x'], ['a', 'y']])).toBe('héllo   x\na       y\n');
  });

  it('counts a surrogate pair as one rune', () => {
    expect(formatTable([['😀x', 'a'], ['ab', 'b']])).toBe('😀x    a\nab    b\n');
  });

  it('prints a one-column table', () => {
    expect(formatTable([['N'], ['web']])).toBe('N\nweb\n');
  });

  it('reuses a kept row across prints, rewriting it when the column widths change', () => {
    const kept = new MeasuredRow(['web-1', 'Running', '5m']);
    const print = (...others: string[][]) => {
      const tw = new TabWriter();
      tw.writeRow(['NAME', 'STATUS', 'AGE']);
      tw.writeRow(kept);
      for (const o of others) tw.writeRow(o);
      return tw.flush();
    };
    expect(print()).toBe('NAME    STATUS    AGE\nweb-1   Running   5m\n');
    expect(print()).toBe('NAME    STATUS    AGE\nweb-1   Running   5m\n');
    expect(print(['a-much-longer-name', 'Pending', '1s'])).toBe(
      'NAME                 STATUS    AGE\nweb-1                Running   5m\na-much-longer-name   Pending   1s\n',
    );
    expect(print()).toBe('NAME    STATUS    AGE\nweb-1   Running   5m\n');
  });
});
