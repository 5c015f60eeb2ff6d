/** The digests certificates and tokens use, by name (synchronous, from @noble/hashes). */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

/** HashName names a digest the way OpenSSL does ("sha256"). */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

const FNS: Record<HashName, (m: Uint8Array) => Uint8Array> = { sha1, sha224, sha256, sha384, sha512 };

/** digest hashes a message with the named algorithm. */
export function digest(name: HashName, message: Uint8Array): Uint8Array {
  return FNS[name](message);
}

/** DIGEST_INFO_PREFIX is the DER of DigestInfo up to the digest itself (RFC 8017 §9.2 note 1). */
export const DIGEST_INFO_PREFIX: Record<HashName, string> = {
  sha1: '3021300906052b0e03021a05000414',
  sha224: '302d300d06096086480165030402040500041c',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};
