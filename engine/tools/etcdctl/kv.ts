import { readAll } from '../../host/streams.ts';
import { StoreError, type RangeOptions, type SortOrder, type SortTarget } from '../../store/types.ts';
import { EXIT, type Ctx } from './context.ts';
import type { FlagSpec } from './flags.ts';
import { headerFields, headerJson, kvFields, kvJson } from './printers.ts';

/** Local flags of the key-value commands. */
export const GET_FLAGS: Record<string, FlagSpec> = {
  consistency: { kind: 'string', def: 'l' },
  'from-key': { kind: 'bool', def: 'false' },
  'keys-only': { kind: 'bool', def: 'false' },
  'count-only': { kind: 'bool', def: 'false' },
  limit: { kind: 'int', def: '0' },
  order: { kind: 'string', def: '' },
  prefix: { kind: 'bool', def: 'false' },
  'print-value-only': { kind: 'bool', def: 'false' },
  rev: { kind: 'int', def: '0' },
  'sort-by': { kind: 'string', def: '' },
};
export const PUT_FLAGS: Record<string, FlagSpec> = {
  lease: { kind: 'string', def: '0' },
  'prev-kv': { kind: 'bool', def: 'false' },
  'ignore-value': { kind: 'bool', def: 'false' },
  'ignore-lease': { kind: 'bool', def: 'false' },
};
export const DEL_FLAGS: Record<string, FlagSpec> = {
  prefix: { kind: 'bool', def: 'false' },
  'prev-kv': { kind: 'bool', def: 'false' },
  'from-key': { kind: 'bool', def: 'false' },
  range: { kind: 'bool', def: 'false' },
};

const FORMATS = new Set(['simple', 'json', 'fields', 'protobuf', 'table']);

/** checkFormat answers the exit code for an output format a command cannot print, or undefined. */
export function checkFormat(c: Ctx, tableOk: boolean): number | undefined {
  if (!FORMATS.has(c.writeOut)) return c.fail(EXIT.badFeature, 'unsupported output format');
  if (c.writeOut === 'table' && !tableOk) return c.fail(EXIT.badFeature, 'table not supported as output format');
  return undefined;
}

function storeError(c: Ctx, e: unknown): number {
  if (e instanceof StoreError) return c.fail(EXIT.error, e.message);
  throw e;
}

/** get is `etcdctl get`. */
export async function get(c: Ctx): Promise<number> {
  const args = c.flags.args;
  if (args.length === 0 || args.length > 2) return c.fail(EXIT.badArgs, 'get command needs one argument as key and an optional argument as range_end');
  if (c.bool('prefix') && c.bool('from-key')) return c.fail(EXIT.badArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  if (c.bool('prefix') && args.length === 2) return c.fail(EXIT.badArgs, '`--prefix` and `range_end` cannot be set at the same time, choose one');
  const order = c.str('order').toUpperCase();
  if (order !== '' && order !== 'ASCEND' && order !== 'DESCEND') return c.fail(EXIT.badArgs, `bad ordering ${c.str('order')}`);
  const sortBy = c.str('sort-by').toUpperCase();
  const target = ({ '': undefined, CREATE: 'CREATE', KEY: 'KEY', MODIFY: 'MOD', VALUE: 'VALUE', VERSION: 'VERSION' } as Record<string, SortTarget | undefined>)[sortBy];
  if (sortBy !== '' && !target) return c.fail(EXIT.badArgs, `bad sort target ${c.str('sort-by')}`);
  const bad = checkFormat(c, false);
  if (bad !== undefined) return bad;
  const conn = await c.connect();
  if ('code' in conn) return conn.code;
  const opts: RangeOptions = {
    prefix: c.bool('prefix'),
    rangeEnd: c.bool('from-key') ? '\0' : args[1],
    limit: c.int('limit') || undefined,
    revision: c.int('rev') || undefined,
    keysOnly: c.bool('keys-only'),
    countOnly: c.bool('count-only'),
    sortOrder: order === '' ? (target ? 'ASCEND' : undefined) : (order as SortOrder),
    sortTarget: target ?? (order !== '' ? 'KEY' : undefined),
  };
  if (opts.prefix && args[0] === '') opts.rangeEnd = '\0';
  let r;
  try {
    r = conn.service.store.range(args[0]!, opts);
  } catch (e) {
    return storeError(c, e);
  }
  if (c.writeOut === 'json') {
    const parts = [`"header":${headerJson(r.header)}`];
    if (r.kvs.length) parts.push(`"kvs":[${r.kvs.map(kvJson).join(',')}]`);
    if (r.more) parts.push('"more":true');
    if (r.count) parts.push(`"count":${r.count}`);
    c.out(`{${parts.join(',')}}\n`);
  } else if (c.writeOut === 'fields') {
    c.out(headerFields(r.header) + r.kvs.map((kv) => kvFields(kv)).join('') + `"More" : ${r.more}\n"Count" : ${r.count}\n`);
  } else {
    for (const kv of r.kvs) {
      if (c.bool('print-value-only')) c.out(`${kv.value}\n`);
      else c.out(`${kv.key}\n${kv.value}\n`);
    }
    if (c.bool('count-only')) c.out(`${r.count}\n`);
  }
  return EXIT.ok;
}

/** put is `etcdctl put key [value]` (the value may come from stdin). */
export async function put(c: Ctx): Promise<number> {
  const args = [...c.flags.args];
  if (args.length === 1 && !c.bool('ignore-value')) {
    const fromStdin = c.p.stdin.isTTY ? '' : await readAll(c.p.stdin);
    if (fromStdin === '') return c.fail(EXIT.badArgs, 'put command needs 1 argument and input from stdin or 2 arguments');
    args.push(fromStdin.replace(/\n$/, ''));
  }
  if (args.length === 0 || args.length > 2) return c.fail(EXIT.badArgs, 'put command needs 1 argument and input from stdin or 2 arguments');
  const lease = /^[0-9a-fA-F]+$/.test(c.str('lease')) ? parseInt(c.str('lease'), 16) : NaN;
  if (Number.isNaN(lease)) return c.fail(EXIT.badArgs, `bad lease ID (strconv.ParseInt: parsing "${c.str('lease')}": invalid syntax), expecting ID in Hex`);
  const bad = checkFormat(c, false);
  if (bad !== undefined) return bad;
  const conn = await c.connect();
  if ('code' in conn) return conn.code;
  let r;
  try {
    r = conn.service.store.put(args[0]!, args[1] ?? '', { prevKv: c.bool('prev-kv'), lease: lease || undefined, ignoreValue: c.bool('ignore-value'), ignoreLease: c.bool('ignore-lease') });
  } catch (e) {
    return storeError(c, e);
  }
  if (c.writeOut === 'json') c.out(`{"header":${headerJson(r.header)}${r.prevKv ? `,"prev_kv":${kvJson(r.prevKv)}` : ''}}\n`);
  else if (c.writeOut === 'fields') c.out(headerFields(r.header) + (r.prevKv ? kvFields(r.prevKv, 'Prev') : ''));
  else c.out(`OK\n${r.prevKv ? `${r.prevKv.key}\n${r.prevKv.value}\n` : ''}`);
  return EXIT.ok;
}

/** del is `etcdctl del key [range_end]`. */
export async function del(c: Ctx): Promise<number> {
  const args = c.flags.args;
  if (args.length === 0 || args.length > 2) return c.fail(EXIT.badArgs, 'del command needs one argument as key and an optional argument as range_end');
  if (c.bool('prefix') && c.bool('from-key')) return c.fail(EXIT.badArgs, '`--prefix` and `--from-key` cannot be set at the same time, choose one');
  if (c.bool('prefix') && args.length === 2) return c.fail(EXIT.badArgs, '`--prefix` and `range_end` cannot be set at the same time, choose one');
  const bad = checkFormat(c, false);
  if (bad !== undefined) return bad;
  const conn = await c.connect();
  if ('code' in conn) return conn.code;
  let r;
  try {
    r = conn.service.store.deleteRange(args[0]!, { prefix: c.bool('prefix'), rangeEnd: c.bool('from-key') ? '\0' : args[1], prevKv: c.bool('prev-kv') });
  } catch (e) {
    return storeError(c, e);
  }
  if (c.writeOut === 'json') {
    const parts = [`"header":${headerJson(r.header)}`];
    if (r.deleted) parts.push(`"deleted":${r.deleted}`);
    if (r.prevKvs.length) parts.push(`"prev_kvs":[${r.prevKvs.map(kvJson).join(',')}]`);
    c.out(`{${parts.join(',')}}\n`);
  } else if (c.writeOut === 'fields') {
    c.out(headerFields(r.header) + `"Deleted" : ${r.deleted}\n` + r.prevKvs.map((kv) => kvFields(kv, 'Prev')).join(''));
  } else {
    c.out(`${r.deleted}\n${r.prevKvs.map((kv) => `${kv.key}\n${kv.value}\n`).join('')}`);
  }
  return EXIT.ok;
}
