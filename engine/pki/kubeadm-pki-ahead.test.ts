import { describe, expect, it, vi } from 'vitest';
import { Rand } from '../base/rand.ts';
import { KeyPool } from './key-pool.ts';
import { createKubeadmPki } from './kubeadm-pki.ts';
import { createKubeadmPkiSignedAhead } from './kubeadm-pki-ahead.ts';
import { clearPresigned, collectSignatures, exportPresigned } from './presign.ts';
import { FIXTURE_NOW } from './testing/fixtures.ts';

const opts = (rand: Rand) => ({ controlPlaneHost: 'controlplane', controlPlaneIp: '172.30.1.2', now: FIXTURE_NOW + 1234, rand, nodes: [{ name: 'node01', ip: '172.30.2.2' }] });

describe('createKubeadmPkiSignedAhead', () => {
  it('makes exactly what createKubeadmPki makes, drawing the same randomness', async () => {
    const slow = new Rand(5);
    const fast = new Rand(5);
    const want = createKubeadmPki(opts(slow));
    const got = await createKubeadmPkiSignedAhead(opts(fast));
    expect(got).toEqual(want);
    expect(fast.state()).toEqual(slow.state());
  });

  it('has WebCrypto make the signatures, and forgets them afterwards', async () => {
    clearPresigned();
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    try {
      await createKubeadmPkiSignedAhead(opts(new Rand(6)));
      // 3 CAs, 7 leaves, 5 kubeconfigs, 2 kubelets' serving pairs and the joined node's client certificate.
      expect(sign.mock.calls.length).toBe(20);
    } finally {
      sign.mockRestore();
    }
    expect(exportPresigned()).toEqual({});
  });

  it('leaves them for a repeat while signatures are being collected', async () => {
    clearPresigned();
    collectSignatures(true);
    try {
      await createKubeadmPkiSignedAhead(opts(new Rand(6)));
      expect(Object.keys(exportPresigned())).toHaveLength(20);
    } finally {
      collectSignatures(false);
      clearPresigned();
    }
  });

  it('builds with a caller KeyPool as createKubeadmPki does (a first pass would use up its keys)', async () => {
    const a = createKubeadmPki({ ...opts(new Rand(8)), keys: new KeyPool(new Rand(9)) });
    const b = await createKubeadmPkiSignedAhead({ ...opts(new Rand(8)), keys: new KeyPool(new Rand(9)) });
    expect(b).toEqual(a);
  });
});
