import { sha256 } from '@noble/hashes/sha2.js';
import { StoreError } from './types.ts';
import { putEntry, tombEntry, type Entry, type History } from './history.ts';
import { ByteReader, ByteWriter, CorruptInput } from './bytes.ts';

/**
 * The snapshot file format (version 1), little-endian:
 *
 *   header   magic "\x89KLSNAP\n", u32 format version, u32 key count,
 *            f64 revision, f64 compact revision (-1: never compacted),
 *            u32 lease count, u32 entry count, f64 data length
 *   leases   per lease: f64 id, f64 ttl
 *   keys     in key order, per key: str key, u32 entry count, then per
 *            entry: u8 tombstone, u32 sub, f64 mod revision and, for a put,
 *            f64 create revision, f64 version, f64 lease, str value
 *            (str = u32 UTF-8 length + bytes)
 *   padding  zeros up to a multiple of 512 bytes
 *   hash     SHA-256 of everything before it (32 bytes)
 *
 * Like a file from `etcdctl snapshot save` (a bolt database padded to whole
 * pages, with a SHA-256 appended), the database part is a multiple of 512
 * bytes and the hash follows it, so a cut file is recognised as one with no
 * hash, and a changed one by the hash. The texts of those errors are etcd's.
 */

export const MAGIC = [0x89, 0x4b, 0x4c, 0x53, 0x4e, 0x41, 0x50, 0x0a];
export const FORMAT_VERSION = 1;
const HEADER = 48;
const ALIGN = 512;
const HASH = 32;

/** SnapshotState is the keyspace as a snapshot holds it. */
export interface SnapshotState {
  revision: number;
  /** compactRevision is etcd's compactMainRev: -1 before any compaction. */
  compactRevision: number;
  leases: { id: number; ttl: number }[];
  /** keys in key order, each with its retained history. */
  keys: [string, History][];
}

/** encodeSnapshot writes a snapshot file. */
export function encodeSnapshot(s: SnapshotState): Uint8Array {
  let estimate = HEADER + s.leases.length * 16 + ALIGN + HASH;
  let entries = 0;
  for (const [key, h] of s.keys) {
    estimate += key.length + 8;
    entries += h.length;
    for (const e of h) estimate += 13 + (e.tomb ? 0 : 28 + e.kv.value.length);
  }
  const w = new ByteWriter(estimate);
  w.bytes(MAGIC);
  w.u32(FORMAT_VERSION);
  w.u32(s.keys.length);
  w.f64(s.revision);
  w.f64(s.compactRevision);
  w.u32(s.leases.length);
  w.u32(entries);
  const lengthAt = w.reserveF64();
  for (const l of s.leases) {
    w.f64(l.id);
    w.f64(l.ttl);
  }
  for (const [key, h] of s.keys) {
    w.str(key);
    w.u32(h.length);
    for (const e of h) {
      w.u8(e.tomb ? 1 : 0);
      w.u32(e.sub);
      w.f64(e.kv.modRevision);
      if (e.tomb) continue;
      w.f64(e.kv.createRevision);
      w.f64(e.kv.version);
      w.f64(e.kv.lease);
      w.str(e.kv.value);
    }
  }
  w.patchF64(lengthAt, w.length);
  w.pad(ALIGN);
  const data = w.view();
  const out = new Uint8Array(data.length + HASH);
  out.set(data);
  out.set(sha256(data), data.length);
  return out;
}

/** SnapshotHeader is what a verified file says about itself without decoding the keys. */
export interface SnapshotHeader {
  revision: number;
  keyCount: number;
  leaseCount: number;
  entryCount: number;
  /** dataSize is the size of the database part (without the hash). */
  dataSize: number;
  digest: Uint8Array;
}

/**
 * verifySnapshot checks a file in the order etcd does. `etcdctl snapshot
 * restore` checks the trailing hash before it opens the database, so a cut
 * or foreign file is "missing hash" and a changed one fails the hash; only
 * then is the content read ("invalid database"). `etcdctl snapshot status`
 * opens the database first (a foreign file is an "invalid database") and
 * reports damage as a failed integrity check.
 */
export function verifySnapshot(bytes: Uint8Array, forStatus = false): SnapshotHeader {
  const magicOk = bytes.length >= HEADER + HASH && MAGIC.every((b, i) => bytes[i] === b);
  if (forStatus && !magicOk) throw corrupt('invalid database');
  const integrity = (detail: string) =>
    corrupt(forStatus ? `snapshot file integrity check failed. 1 errors found.\n${detail}` : detail);
  if (bytes.length < HASH || (bytes.length - HASH) % ALIGN !== 0) throw integrity('snapshot missing hash but --skip-hash-check=false');
  const dataSize = bytes.length - HASH;
  const data = bytes.subarray(0, dataSize);
  const stored = bytes.subarray(dataSize);
  const digest = sha256(data);
  if (!digest.every((b, i) => b === stored[i])) {
    throw integrity(`expected sha256 [${Array.from(stored).join(' ')}], got [${Array.from(digest).join(' ')}]`);
  }
  if (!magicOk) throw corrupt('invalid database');
  const r = new ByteReader(data);
  r.skip(MAGIC.length);
  const version = r.u32();
  if (version !== FORMAT_VERSION) throw corrupt(`unsupported snapshot format version ${version} (this build reads version ${FORMAT_VERSION})`);
  const keyCount = r.u32();
  const revision = r.f64();
  r.f64();
  const leaseCount = r.u32();
  const entryCount = r.u32();
  return { revision, keyCount, leaseCount, entryCount, dataSize, digest };
}

/** decodeSnapshot verifies and reads a snapshot file; any defect is a StoreError('corrupt-snapshot'). */
export function decodeSnapshot(bytes: Uint8Array): SnapshotState {
  const head = verifySnapshot(bytes);
  try {
    return readBody(new ByteReader(bytes.subarray(0, head.dataSize)));
  } catch (err) {
    if (err instanceof CorruptInput) throw corrupt('invalid database');
    throw err;
  }
}

function readBody(r: ByteReader): SnapshotState {
  r.skip(MAGIC.length + 4);
  const keyCount = r.u32();
  const revision = r.int(1, Number.MAX_SAFE_INTEGER);
  const compactRevision = r.int(-1, revision);
  const leaseCount = r.u32();
  const entryCount = r.u32();
  const length = r.int(HEADER, r.size);
  const leases: SnapshotState['leases'] = [];
  for (let i = 0; i < leaseCount; i++) leases.push({ id: r.int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), ttl: r.int(0, Number.MAX_SAFE_INTEGER) });
  const keys: [string, History][] = [];
  let entries = 0;
  for (let i = 0; i < keyCount; i++) {
    const key = r.str();
    const n = r.u32();
    if (key === '' || n === 0) throw new CorruptInput();
    const h: History = [];
    for (let j = 0; j < n; j++) h.push(readEntry(r, key, revision, h[j - 1]));
    keys.push([key, h]);
    entries += n;
  }
  if (entries !== entryCount || r.offset !== length || !r.restIsZero()) throw new CorruptInput();
  return { revision, compactRevision, leases, keys };
}

function readEntry(r: ByteReader, key: string, revision: number, prev: Entry | undefined): Entry {
  const tomb = r.u8();
  const sub = r.u32();
  const mod = r.int(1, revision);
  if (tomb > 1 || (prev && (mod < prev.kv.modRevision || (mod === prev.kv.modRevision && sub <= prev.sub)))) throw new CorruptInput();
  if (tomb === 1) return tombEntry(key, mod, sub);
  const createRevision = r.int(1, mod);
  const version = r.int(1, Number.MAX_SAFE_INTEGER);
  const lease = r.int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const value = r.str();
  return putEntry({ key, value, createRevision, modRevision: mod, version, lease }, sub);
}

function corrupt(message: string): StoreError {
  return new StoreError('corrupt-snapshot', message);
}
