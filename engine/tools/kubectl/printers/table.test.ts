import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { printTable, type ServerTable, type TableOptions } from './table.ts';
import { TabWriter } from './tabwriter.ts';

const COLUMNS: ServerTable['columnDefinitions'] = [
  { name: 'Name', type: 'string', priority: 0 },
  { name: 'Status', type: 'string', priority: 0 },
  { name: 'IP', type: 'string', priority: 1 },
];

const PLAIN: TableOptions = { wide: false, noHeaders: false, withNamespace: false, showLabels: false, labelColumns: [] };

function meta(name: string, labels: Record<string, string> = {}): KObject {
  return Object.freeze({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: Object.freeze({ name, namespace: 'ns', labels: Object.freeze(labels) }) }) as KObject;
}

/** row is a row as the apiserver hands it out: frozen, shared. */
function row(cells: unknown[], object: KObject): ServerTable['rows'][number] {
  return Object.freeze({ cells: Object.freeze(cells), object });
}

const print = (rows: ServerTable['rows'], o: TableOptions = PLAIN) => printTable(new TabWriter(), { kind: 'Table', columnDefinitions: COLUMNS, rows }, o);

describe('printTable over shared server rows', () => {
  it('prints again what it printed, and follows a row replaced for the same object', () => {
    const web = meta('web', { app: 'x' });
    const db = meta('db');
    const r1 = row(['web', 'Running', '10.0.0.1'], web);
    const r2 = row(['db', 'Pending', '<none>'], db);
    expect(print([r1, r2])).toBe('NAME   STATUS\nweb    Running\ndb     Pending\n');
    const r2b = row(['db', 'CrashLoopBackOff', '10.0.0.2'], db);
    expect(print([r1, r2b])).toBe('NAME   STATUS\nweb    Running\ndb     CrashLoopBackOff\n');
  });

  it('applies each call’s options to the same rows', () => {
    const r1 = row(['web', 'Running', '10.0.0.1'], meta('web', { app: 'x' }));
    expect(print([r1])).toBe('NAME   STATUS\nweb    Running\n');
    expect(print([r1], { ...PLAIN, wide: true })).toBe('NAME   STATUS    IP\nweb    Running   10.0.0.1\n');
    expect(print([r1], { ...PLAIN, withNamespace: true })).toBe('NAMESPACE   NAME   STATUS\nns          web    Running\n');
    expect(print([r1], { ...PLAIN, showLabels: true, kindPrefix: 'pod' })).toBe('NAME      STATUS    LABELS\npod/web   Running   app=x\n');
    expect(print([r1], { ...PLAIN, labelColumns: ['app'] })).toBe('NAME   STATUS    APP\nweb    Running   x\n');
    expect(print([r1])).toBe('NAME   STATUS\nweb    Running\n');
  });

  it('prints rows it may not keep (not frozen) the same way', () => {
    const loose = { cells: ['web', 'line one\nline two', 'x'], object: meta('web') };
    expect(print([loose])).toBe('NAME   STATUS\nweb    line one...\n');
    loose.cells[1] = 'Running';
    expect(print([loose])).toBe('NAME   STATUS\nweb    Running\n');
  });

  it('keeps up with rows added, deleted and moved between prints', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((n) => row([n, `s-${n}`, ''], meta(n)));
    const text = (rs: ServerTable['rows']) => 'NAME   STATUS\n' + rs.map((r) => `${r.cells[0]}      ${r.cells[1]}\n`).join('');
    const [a, b, c, d, e] = rows as [ServerTable['rows'][number], ServerTable['rows'][number], ServerTable['rows'][number], ServerTable['rows'][number], ServerTable['rows'][number]];
    const x = row(['x', 's-x', ''], meta('x'));
    for (const rs of [rows, [a, c, d, e], [a, x, c, e], [e, d, c, x, a], [b], [], rows]) expect(print(rs)).toBe(text(rs));
  });
});
