/**
 * Signing ahead. RSA in BigInt costs milliseconds per signature, and a
 * cluster's boot signs some forty certificates. presign runs the boot once
 * with signatures stubbed, collecting every (key, message) it signs, has the
 * runtime's native WebCrypto sign them all in parallel (RSASSA-PKCS1-v1_5 is
 * deterministic: the bytes are exactly those the BigInt code would compute),
 * and keeps them for the real boot, which then finds each signature ready.
 * Anything the real run signs that the rehearsal did not is signed the slow
 * way, so results never depend on this.
 *
 * A boot is deterministic (seeded randomness, simulated clock), so the
 * signatures of the default fresh lab can also be computed once when the app
 * is built (exportPresigned) and handed to the engine (loadPresigned): that
 * boot then needs no rehearsal at all. collectSignatures keeps what the BigInt
 * code signs, so a boot run once without a rehearsal can hand its signatures
 * to the next identical one the same way.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodePkcs8PrivateKey } from './keys.ts';
import { decodeBase64, encodeBase64 } from '../base/base64.ts';
import { toHex } from './bytes.ts';
import type { RsaPrivateKey } from './rsa.ts';

interface Pending {
  key: RsaPrivateKey;
  message: Uint8Array;
}

interface SubtleLike {
  importKey(format: 'pkcs8', data: Uint8Array, alg: { name: string; hash: string }, extractable: boolean, usages: string[]): Promise<unknown>;
  sign(alg: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

const ready = new Map<string, Uint8Array>();
let recording: { pending: Map<string, Pending>; fakes: Set<string> } | undefined;
let collecting = false;

// A key's id is the low 96 bits of its modulus in hex: a 2048-bit BigInt's full text costs a millisecond or more.
const LOW_BITS = (1n << 96n) - 1n;
const keyIds = new WeakMap<RsaPrivateKey, string>();

function keyOf(key: RsaPrivateKey, message: Uint8Array): string {
  let k = keyIds.get(key);
  if (k === undefined) {
    k = (key.n & LOW_BITS).toString(16);
    keyIds.set(key, k);
  }
  return `${k}:${toHex(sha256(message))}`;
}

/** presigned returns a signature computed ahead for (key, SHA-256 message), or, while rehearsing, a stand-in. */
export function presigned(key: RsaPrivateKey, message: Uint8Array, length: number): Uint8Array | undefined {
  const id = keyOf(key, message);
  const hit = ready.get(id);
  if (hit) return hit;
  if (!recording) return undefined;
  recording.pending.set(id, { key, message });
  const fake = new Uint8Array(length);
  const h = sha256(message);
  for (let i = 0; i < length; i++) fake[i] = h[i % h.length]!;
  recording.fakes.add(toHex(fake));
  return fake;
}

/** signedSlowly keeps a signature the BigInt code computed, while collectSignatures is on. */
export function signedSlowly(key: RsaPrivateKey, message: Uint8Array, signature: Uint8Array): void {
  if (collecting) ready.set(keyOf(key, message), signature);
}

/** collectSignatures turns on (or off) keeping every signature the BigInt code computes, for exportPresigned. */
export function collectSignatures(on: boolean): void {
  collecting = on;
}

/** isRehearsalSignature lets verification accept the stand-ins while rehearsing, so the rehearsal takes the real path. */
export function isRehearsalSignature(signature: Uint8Array): boolean {
  return !!recording && recording.fakes.has(toHex(signature));
}

function subtle(): SubtleLike | undefined {
  return (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
}

/**
 * presign rehearses `run` (whose result is thrown away) and signs what it
 * signed; it returns the ids of the signatures it made. Without WebCrypto it
 * does nothing. Call clearPresigned (or forgetPresigned) after the real run.
 * An async run must not yield to the host's event loop (only to microtasks),
 * so nothing else signs while the stand-ins are handed out.
 */
export async function presign(run: () => unknown): Promise<string[]> {
  const s = subtle();
  if (!s) return [];
  recording = { pending: new Map(), fakes: new Set() };
  let pending: Map<string, Pending>;
  try {
    await run();
  } catch {
    // a rehearsal that fails only means fewer signatures are ready
  } finally {
    pending = recording.pending;
    recording = undefined;
  }
  const keys = new Map<RsaPrivateKey, Promise<unknown>>();
  const signed: string[] = [];
  await Promise.all(
    [...pending].map(async ([id, p]) => {
      try {
        let k = keys.get(p.key);
        if (!k) {
          k = s.importKey('pkcs8', encodePkcs8PrivateKey(p.key), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
          keys.set(p.key, k);
        }
        ready.set(id, new Uint8Array(await s.sign('RSASSA-PKCS1-v1_5', await k, p.message)));
        signed.push(id);
      } catch {
        // left to the BigInt path
      }
    }),
  );
  return signed;
}

/** forgetPresigned drops signatures presign made (by the ids it returned), unless collectSignatures is keeping them for a repeat. */
export function forgetPresigned(ids: readonly string[]): void {
  if (collecting) return;
  for (const id of ids) ready.delete(id);
}

/** exportPresigned lists the signatures computed ahead (id → base64), to be loaded in another run. */
export function exportPresigned(): Record<string, string> {
  return Object.fromEntries([...ready].map(([id, sig]) => [id, encodeBase64(sig)]));
}

/** loadPresigned adds signatures an earlier run exported; returns how many it took. */
export function loadPresigned(entries: Record<string, string>): number {
  let n = 0;
  for (const [id, sig] of Object.entries(entries)) {
    if (typeof sig !== 'string') continue;
    ready.set(id, decodeBase64(sig));
    n++;
  }
  return n;
}

/** clearPresigned forgets the signatures computed ahead. */
export function clearPresigned(): void {
  ready.clear();
}
