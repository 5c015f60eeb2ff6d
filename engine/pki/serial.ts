/** Serial numbers drawn from the engine's Rand, in the ranges Kubernetes' signers use. */
import type { Rand } from '../base/rand.ts';
import { bytesToBigInt } from './bytes.ts';

/** kubeadmSerial is uniform in [1, 2^63-1), as pkiutil.NewSignedCert draws it. */
export function kubeadmSerial(rand: Rand): bigint {
  const max = (1n << 63n) - 2n;
  return (bytesToBigInt(rand.bytes(8)) % max) + 1n;
}

/** signerSerial is a 128-bit serial, as the kube-controller-manager's CSR signer draws it. */
export function signerSerial(rand: Rand): bigint {
  return bytesToBigInt(rand.bytes(16));
}

/** opensslSerial is a 159-bit positive serial, as `openssl x509 -req -CAcreateserial` and `req -x509` draw it. */
export function opensslSerial(rand: Rand): bigint {
  const b = rand.bytes(20);
  b[0] = b[0]! & 0x7f;
  return bytesToBigInt(b);
}
