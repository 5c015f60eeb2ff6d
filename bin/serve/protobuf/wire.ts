/**
 * Reading protobuf's wire format: varints, fixed 32/64-bit values and
 * length-delimited fields, one (field number, wire type, value) at a time.
 */

export class WireError extends Error {}

/** WireField is one field as it appears on the wire. */
export type WireField =
  | { no: number; type: 0; value: number }
  | { no: number; type: 1; bytes: Uint8Array }
  | { no: number; type: 2; bytes: Uint8Array }
  | { no: number; type: 5; bytes: Uint8Array };

/** Reader walks a protobuf message's fields. */
export class Reader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** varint reads an unsigned varint as a number (exact up to 2^53; int64 negatives come back as their signed value). */
  varint(): number {
    // Exact arithmetic: a negative int32/int64 is ten bytes whose value (near 2^64)
    // a double cannot hold, so -1 would round to 2^64 and come back as 0.
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new WireError('unexpected EOF');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return Number(BigInt.asIntN(64, result));
      shift += 7n;
    }
    throw new WireError('proto: integer overflow');
  }

  private take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) throw new WireError('unexpected EOF');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** next reads the next field. */
  next(): WireField {
    const key = this.varint();
    const no = Math.floor(key / 8);
    const type = key & 7;
    if (no <= 0) throw new WireError(`proto: illegal tag ${no}`);
    switch (type) {
      case 0:
        return { no, type, value: this.varint() };
      case 1:
        return { no, type, bytes: this.take(8) };
      case 2:
        return { no, type, bytes: this.take(this.varint()) };
      case 5:
        return { no, type, bytes: this.take(4) };
      default:
        throw new WireError(`proto: illegal wireType ${type}`);
    }
  }
}
