/**
 * The ustar archive format and gzip framing (stored deflate blocks), enough
 * for tar to write archives it and GNU tar can read back.
 */

const enc = new TextEncoder();
const dec = new TextDecoder();

/** TarEntry is one archive member. */
export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  mtime: number;
  data: Uint8Array;
  linkname: string;
}

function octal(n: number, len: number): string {
  return n.toString(8).padStart(len - 1, '0') + '\0';
}

function put(buf: Uint8Array, off: number, s: string, len: number): void {
  const b = enc.encode(s);
  buf.set(b.subarray(0, len), off);
}

/** writeTar serialises entries into a ustar archive. */
export function writeTar(entries: TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const h = new Uint8Array(512);
    let name = e.name;
    let prefix = '';
    if (enc.encode(name).length > 100) {
      const cut = name.lastIndexOf('/', 154);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    put(h, 0, name, 100);
    put(h, 100, octal(e.mode & 0o7777, 8), 8);
    put(h, 108, octal(e.uid, 8), 8);
    put(h, 116, octal(e.gid, 8), 8);
    put(h, 124, octal(e.type === 'file' ? e.data.length : 0, 12), 12);
    put(h, 136, octal(Math.floor(e.mtime / 1000), 12), 12);
    put(h, 148, '        ', 8);
    put(h, 156, e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0', 1);
    put(h, 157, e.linkname, 100);
    put(h, 257, 'ustar  \0', 8);
    put(h, 265, e.uname, 32);
    put(h, 297, e.gname, 32);
    put(h, 345, prefix, 155);
    let sum = 0;
    for (const b of h) sum += b;
    put(h, 148, sum.toString(8).padStart(6, '0') + '\0 ', 8);
    blocks.push(h);
    if (e.type === 'file') {
      const padded = new Uint8Array(Math.ceil(e.data.length / 512) * 512);
      padded.set(e.data);
      blocks.push(padded);
    }
  }
  blocks.push(new Uint8Array(1024));
  const total = blocks.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(Math.ceil(total / 10240) * 10240);
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}

function str(buf: Uint8Array, off: number, len: number): string {
  const s = buf.subarray(off, off + len);
  const z = s.indexOf(0);
  return dec.decode(z >= 0 ? s.subarray(0, z) : s);
}

/** readTar parses a ustar/GNU archive; it throws on a damaged header. */
export function readTar(buf: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (sum !== parseInt(str(h, 148, 8).trim() || '0', 8)) throw new Error('This does not look like a tar archive');
    const size = parseInt(str(h, 124, 12).trim() || '0', 8);
    const prefix = str(h, 345, 155);
    const name = (prefix ? prefix + '/' : '') + str(h, 0, 100);
    const flag = String.fromCharCode(h[156]!);
    off += 512;
    const data = buf.slice(off, off + size);
    off += Math.ceil(size / 512) * 512;
    out.push({
      name, type: flag === '5' ? 'dir' : flag === '2' ? 'symlink' : 'file', mode: parseInt(str(h, 100, 8) || '0', 8), uid: parseInt(str(h, 108, 8) || '0', 8), gid: parseInt(str(h, 116, 8) || '0', 8),
      mtime: parseInt(str(h, 136, 12) || '0', 8) * 1000, data, linkname: str(h, 157, 100), uname: str(h, 265, 32), gname: str(h, 297, 32),
    });
  }
  return out;
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** gzip wraps data in a gzip stream of stored deflate blocks. */
export function gzip(data: Uint8Array, mtime: number): Uint8Array {
  const nblocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(10 + data.length + nblocks * 5 + 8);
  out.set([0x1f, 0x8b, 8, 0], 0);
  new DataView(out.buffer).setUint32(4, Math.floor(mtime / 1000), true);
  out[8] = 0;
  out[9] = 3;
  let o = 10;
  for (let i = 0; i < nblocks; i++) {
    const chunk = data.subarray(i * 65535, (i + 1) * 65535);
    out[o++] = i === nblocks - 1 ? 1 : 0;
    out[o++] = chunk.length & 0xff;
    out[o++] = chunk.length >> 8;
    out[o++] = ~chunk.length & 0xff;
    out[o++] = (~chunk.length >> 8) & 0xff;
    out.set(chunk, o);
    o += chunk.length;
  }
  const dv = new DataView(out.buffer);
  dv.setUint32(o, crc32(data), true);
  dv.setUint32(o + 4, data.length >>> 0, true);
  return out;
}

/** gunzip reads a gzip stream made of stored blocks; other compressed data is reported as invalid. */
export function gunzip(buf: Uint8Array): Uint8Array {
  if (buf[0] !== 0x1f || buf[1] !== 0x8b) throw new Error('not in gzip format');
  const flags = buf[3]!;
  let o = 10;
  if (flags & 4) o += 2 + (buf[o]! | (buf[o + 1]! << 8));
  if (flags & 8) while (buf[o++] !== 0);
  if (flags & 16) while (buf[o++] !== 0);
  if (flags & 2) o += 2;
  const parts: Uint8Array[] = [];
  for (;;) {
    const hdr = buf[o++];
    if (hdr === undefined || (hdr & 6) !== 0) throw new Error('invalid compressed data--format violated');
    const len = buf[o]! | (buf[o + 1]! << 8);
    o += 4;
    parts.push(buf.subarray(o, o + len));
    o += len;
    if (hdr & 1) break;
  }
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}
