/**
 * A cluster's PKI with its signatures made ahead by the runtime's native
 * WebCrypto. kubeadm's PKI takes some twenty RSA signatures, and signing in
 * BigInt is by far the largest part of building it (about 8 ms each in a
 * cold worker, against about 1 ms for WebCrypto in Chromium). WebCrypto's API
 * is asynchronous while createKubeadmPki is not, so a first pass builds the
 * PKI from a copy of the random source with stand-in signatures, collecting
 * what is signed (see presign.ts), and the real pass then finds every
 * signature ready. The result is byte for byte
 * what createKubeadmPki makes (RSASSA-PKCS1-v1_5 is deterministic), and it
 * draws from opts.rand exactly as createKubeadmPki does.
 */
import { Rand } from '../base/rand.ts';
import { createKubeadmPki, type KubeadmPki, type KubeadmPkiOptions } from './kubeadm-pki.ts';
import { forgetPresigned, presign } from './presign.ts';

/**
 * createKubeadmPkiSignedAhead is createKubeadmPki for callers that can wait
 * (a cluster's boot). Without WebCrypto, or with a caller's own KeyPool
 * (which a first pass would use up), it is createKubeadmPki.
 */
export async function createKubeadmPkiSignedAhead(opts: KubeadmPkiOptions): Promise<KubeadmPki> {
  if (opts.keys) return createKubeadmPki(opts);
  const copy = new Rand(0);
  copy.setState(opts.rand.state());
  const ids = await presign(() => createKubeadmPki({ ...opts, rand: copy }));
  try {
    return createKubeadmPki(opts);
  } finally {
    forgetPresigned(ids);
  }
}
