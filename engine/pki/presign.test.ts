import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { KeyPool } from './key-pool.ts';
import { clearPresigned, presign } from './presign.ts';
import { rsaSign, rsaVerify } from './rsa.ts';

describe('presign', () => {
  it('gives exactly the signatures the BigInt code computes, ready ahead of the real run', async () => {
    const key = new KeyPool(new Rand(1)).take()!;
    const messages = ['a', 'certificate body', 'x'.repeat(300)].map((m) => new TextEncoder().encode(m));
    const slow = messages.map((m) => rsaSign(key, 'sha256', m));
    let rehearsed: Uint8Array[] = [];
    await presign(() => {
      rehearsed = messages.map((m) => rsaSign(key, 'sha256', m));
      // While rehearsing, stand-ins verify, so the rehearsal follows the real path.
      expect(rehearsed.every((s, i) => rsaVerify(key, 'sha256', messages[i]!, s))).toBe(true);
    });
    expect(rehearsed).not.toEqual(slow);
    const fast = messages.map((m) => rsaSign(key, 'sha256', m));
    expect(fast).toEqual(slow);
    clearPresigned();
    // Outside a rehearsal, a stand-in is just a bad signature.
    expect(rsaVerify(key, 'sha256', messages[0]!, rehearsed[0]!)).toBe(false);
  });
});
