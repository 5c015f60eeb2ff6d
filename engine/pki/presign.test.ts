import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { KeyPool } from './key-pool.ts';
import { clearPresigned, collectSignatures, exportPresigned, presign } from './presign.ts';
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

  it('collects what the BigInt code signs, so an identical run can be handed the same signatures', () => {
    const key = new KeyPool(new Rand(2)).take()!;
    const message = new TextEncoder().encode('kubelet client certificate');
    rsaSign(key, 'sha256', message);
    expect(Object.keys(exportPresigned())).toHaveLength(0);
    collectSignatures(true);
    const slow = rsaSign(key, 'sha256', message);
    collectSignatures(false);
    const kept = Object.values(exportPresigned());
    expect(kept).toHaveLength(1);
    expect(rsaSign(key, 'sha256', message)).toEqual(slow);
    clearPresigned();
  });
});
