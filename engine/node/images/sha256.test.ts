import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './refs.ts';
import { isAscii, sha256AsciiHex } from './sha256.ts';

describe('sha256AsciiHex', () => {
  it('agrees with the reference implementation around every block boundary', () => {
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 31 + n) % 95))).join('');
      expect(sha256AsciiHex(text)).toBe(bytesToHex(sha256(utf8ToBytes(text))));
    }
    expect(sha256AsciiHex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('leaves text beyond ASCII to the general hash', () => {
    expect(isAscii('node01/container/0/42')).toBe(true);
    expect(isAscii('café')).toBe(false);
    expect(sha256Hex('café')).toBe(bytesToHex(sha256(utf8ToBytes('café'))));
  });
});
