import { describe, expect, it } from 'vitest';
import { Rand } from '../base/rand.ts';
import { KeyPool } from '../pki/key-pool.ts';
import { exportPresigned } from '../pki/presign.ts';
import { rsaSign } from '../pki/rsa.ts';
import { bootWithSignatures } from './boot-signatures.ts';

const key = new KeyPool(new Rand(7)).take()!;
const messages = ['ca', 'apiserver', 'token'].map((m) => new TextEncoder().encode(m));
const sign = () => messages.map((m) => rsaSign(key, 'sha256', m));

describe('bootWithSignatures', () => {
  it('hands a repeated fresh boot the signatures the first one made, and they are the same bytes', async () => {
    const first = await bootWithSignatures('lab-a', async () => {
      expect(Object.keys(exportPresigned())).toHaveLength(0);
      return sign();
    });
    const again = await bootWithSignatures('lab-a', async () => {
      // Every signature is ready before the boot signs anything.
      expect(Object.keys(exportPresigned())).toHaveLength(messages.length);
      return sign();
    });
    expect(again).toEqual(first);
    // Nothing is left ready for unrelated signing after a boot.
    expect(Object.keys(exportPresigned())).toHaveLength(0);
  });

  it('remembers nothing for a boot that cannot repeat (a saved lab)', async () => {
    await bootWithSignatures(undefined, async () => sign());
    await bootWithSignatures(undefined, async () => expect(Object.keys(exportPresigned())).toHaveLength(0));
  });

  it('remembers nothing of a boot that failed', async () => {
    await expect(bootWithSignatures('lab-b', async () => {
      sign();
      throw new Error('broken manifest');
    })).rejects.toThrow('broken manifest');
    await bootWithSignatures('lab-b', async () => expect(Object.keys(exportPresigned())).toHaveLength(0));
  });
});
