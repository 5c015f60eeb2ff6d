import { badRequest, gone, StatusError } from '../../base/errors.ts';
import { Base64Error, decodeBase64RawUrl, encodeBase64RawUrl, fromUtf8, utf8 } from '../../base/base64.ts';
import type { KObject } from '../../api/types.ts';
import { futureRevError } from '../../store/errors.ts';
import { StoreError } from '../../store/types.ts';
import type { ResourceStore } from '../storage/resource-store.ts';

/**
 * Paged lists (limit/continue) as the apiserver's etcd3 storage answers them
 * (staging/src/k8s.io/apiserver/pkg/storage/continue.go and etcd3/store.go):
 * a page is read at one revision, its continue token names that revision and
 * the key after the last one examined, and every later page is read at the
 * same revision, so a paged list is as consistent as a whole one.
 */

/** ContinueToken is the token's JSON: {"v":"meta.k8s.io/v1","rv":N,"start":"<key after the list prefix>"}. */
interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

const INVALID = 'continue key is not valid';

/** encodeContinue makes the token for a list under prefix resuming at key (base64url of the JSON, no padding). */
export function encodeContinue(key: string, prefix: string, rv: number): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start: key.slice(prefix.length) };
  return encodeBase64RawUrl(utf8(JSON.stringify(token)));
}

/** decodeContinue reads a token into the key to resume at and its revision (-1: the latest), with the apiserver's refusals. */
export function decodeContinue(value: string, prefix: string): { fromKey: string; rv: number } {
  let text: string;
  try {
    text = fromUtf8(decodeBase64RawUrl(value));
  } catch (e) {
    if (e instanceof Base64Error) throw invalidToken(`${INVALID}: ${e.message}`);
    throw e;
  }
  const c = parseToken(text);
  if (c.v !== 'meta.k8s.io/v1') throw invalidToken(`${INVALID}: server does not recognize this encoded version ${c.v}`);
  if (c.rv === 0) throw invalidToken(`${INVALID}: incorrect encoded start resourceVersion (version meta.k8s.io/v1)`);
  if (c.start.length === 0) throw invalidToken(`${INVALID}: encoded start key empty (version meta.k8s.io/v1)`);
  // a start key that climbs out of the list's prefix ("../secrets/x") is refused: path.Clean must leave it as it is
  const key = c.start.startsWith('/') ? c.start : `/${c.start}`;
  if (cleanPath(key) !== key) throw invalidToken(`${INVALID}: ${c.start}`);
  return { fromKey: prefix + key.slice(1), rv: c.rv };
}

function invalidToken(message: string): StatusError {
  return badRequest(`invalid continue token: ${message}`);
}

/** parseToken decodes the token's JSON as Go's json.Unmarshal into the token struct would, with its error texts. */
function parseToken(text: string): ContinueToken {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const first = text.trimStart()[0];
    const why = first === undefined || /^[[{"]/.test(first) ? 'unexpected end of JSON input' : `invalid character '${first}' looking for beginning of value`;
    throw invalidToken(`${INVALID}: ${why}`);
  }
  const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const field = (name: string, goName: string, type: 'string' | 'int64'): unknown => {
    const v = o[name];
    if (v === undefined || v === null) return type === 'string' ? '' : 0;
    if (type === 'string' ? typeof v !== 'string' : typeof v !== 'number' || !Number.isInteger(v)) {
      throw invalidToken(`${INVALID}: json: cannot unmarshal ${goKind(v)} into Go struct field continueToken.${goName} of type ${type}`);
    }
    return v;
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    if (raw !== null) throw invalidToken(`${INVALID}: json: cannot unmarshal ${goKind(raw)} into Go value of type storage.continueToken`);
  }
  return { v: field('v', 'v', 'string') as string, rv: field('rv', 'rv', 'int64') as number, start: field('start', 'start', 'string') as string };
}

function goKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`;
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

/** cleanPath is Go's path.Clean for the absolute paths a start key makes. */
function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Page is one page of a list: its items, the revision it was read at, and where the next one starts. */
export interface Page {
  items: KObject[];
  rv: number;
  continueToken?: string;
  remainingItemCount?: number;
}

/**
 * listPage reads one page of the objects under prefix: from the token's key
 * (or the start), at the token's revision (or the current one), taking up to
 * limit objects that pass keep. As etcd3's store does, a page ends when it is
 * full, and says there is more whenever a key remains after the last one it
 * examined, matching or not; remainingItemCount is given only without a filter.
 */
export function listPage(store: ResourceStore, prefix: string, currentRev: number, limit: number, cont: string | undefined, keep: ((o: KObject) => boolean) | undefined): Page {
  const from = cont ? decodeContinue(cont, prefix) : undefined;
  const rv = from && from.rv > 0 ? from.rv : currentRev;
  let entries: readonly [string, KObject][];
  try {
    if (rv > currentRev) throw futureRevError();
    entries = store.listKeyedAt(prefix, rv, from?.fromKey);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'compacted' && from) throw inconsistentContinue(from.fromKey, prefix);
    if (e instanceof StoreError && e.code === 'compacted') throw gone('The resourceVersion for the provided list is too old.');
    if (e instanceof StoreError) throw new StatusError({ code: 500, message: e.message });
    throw e;
  }
  const items: KObject[] = [];
  let lastKey = '';
  let more = false;
  for (const [key, obj] of entries) {
    if (limit > 0 && items.length >= limit) {
      more = true;
      break;
    }
    lastKey = key;
    if (!keep || keep(obj)) items.push(obj);
  }
  if (!more) return { items, rv };
  return { items, rv, continueToken: encodeContinue(`${lastKey}\u0000`, prefix, rv), ...(keep ? {} : { remainingItemCount: entries.length - limit }) };
}

/**
 * inconsistentContinue is the 410 for a token whose revision etcd has
 * compacted away: the Status carries a token to go on from the latest revision.
 */
function inconsistentContinue(fromKey: string, prefix: string): StatusError {
  const err = gone(
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
  );
  err.status.metadata = { continue: encodeContinue(fromKey, prefix, -1) };
  return err;
}
