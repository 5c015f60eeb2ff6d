import { describe, expect, it } from 'vitest';
import { Reader } from './wire.ts';

describe('varint', () => {
  it('reads negative int32/int64 values, which Go writes as ten bytes', () => {
    // -1 and -2 as Go's protobuf encoder writes them (two's complement over 64 bits).
    const minusOne = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    const minusTwo = new Uint8Array([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(new Reader(minusOne).varint()).toBe(-1);
    expect(new Reader(minusTwo).varint()).toBe(-2);
  });
  it('reads small and large positive values exactly', () => {
    expect(new Reader(new Uint8Array([0x96, 0x01])).varint()).toBe(150);
    expect(new Reader(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x08])).varint()).toBe(2 ** 52);
  });
});
