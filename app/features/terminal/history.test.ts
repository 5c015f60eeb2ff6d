import { describe, expect, it } from 'vitest';
import { History, HistoryCursor } from './history.ts';
import { IncrementalSearch } from './search.ts';

describe('History', () => {
  it('drops blank lines, lines starting with a space, and repeats (ignoreboth)', () => {
    const h = new History();
    expect(h.add('ls')).toBe(true);
    expect(h.add('ls')).toBe(false);
    expect(h.add(' secret')).toBe(false);
    expect(h.add('   ')).toBe(false);
    h.add('pwd');
    h.add('ls');
    expect(h.entries).toEqual(['ls', 'pwd', 'ls']);
  });

  it('keeps at most max entries', () => {
    const h = new History([], 3);
    for (const c of ['a', 'b', 'c', 'd']) h.add(c);
    expect(h.entries).toEqual(['b', 'c', 'd']);
  });

  it('walks back and forward, remembering the typed line and edits', () => {
    const h = new History(['one', 'two']);
    const c = new HistoryCursor(h);
    expect(c.prev('typed')).toBe('two');
    expect(c.prev('two edited')).toBe('one');
    expect(c.prev('one')).toBeUndefined();
    expect(c.next('one')).toBe('two edited');
    expect(c.next('two edited')).toBe('typed');
    expect(c.next('typed')).toBeUndefined();
  });

  it('gives the last argument of older entries (Alt-.)', () => {
    const h = new History(['vi pod.yaml', 'kubectl apply -f web.yaml']);
    expect(h.lastArg()).toBe('web.yaml');
    expect(h.lastArg(2)).toBe('pod.yaml');
    expect(h.lastArg(3)).toBeUndefined();
  });
});

describe('IncrementalSearch', () => {
  const h = new History(['kubectl get nodes', 'ls -l', 'kubectl get pods -A', 'cat /etc/hosts']);

  it('finds the newest entry containing the query, then older ones with Ctrl-R', () => {
    const s = new IncrementalSearch(h, { text: '', cursor: 0 }, -1);
    s.type('get');
    expect([s.line(), s.pos, s.prompt()]).toEqual(['kubectl get pods -A', 8, "(reverse-i-search)`get': "]);
    s.again(-1);
    expect(s.line()).toBe('kubectl get nodes');
    s.again(-1);
    expect(s.failed).toBe(true);
    expect(s.prompt()).toBe("(failed reverse-i-search)`get': ");
    expect(s.line()).toBe('kubectl get nodes');
  });

  it('narrows as the query grows and widens again on backspace', () => {
    const s = new IncrementalSearch(h, { text: 'x', cursor: 1 }, -1);
    s.type('get n');
    expect(s.line()).toBe('kubectl get nodes');
    s.backspace();
    s.backspace();
    expect(s.query).toBe('get');
    expect(s.line()).toBe('kubectl get pods -A');
  });

  it('reuses the previous query when Ctrl-R is pressed with an empty one', () => {
    const s = new IncrementalSearch(h, { text: '', cursor: 0 }, -1, 'hosts');
    s.again(-1);
    expect(s.line()).toBe('cat /etc/hosts');
  });
});
