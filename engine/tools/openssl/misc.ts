import { b64decode, b64encode, b64encodeBytes } from './b64.ts';
import { stack, cannotOpenForReading } from './errors.ts';
import { abs, Args, readInput, writeOutput, type Ctx } from './io.ts';

/** VERSION is Ubuntu 22.04's OpenSSL. */
export const VERSION = 'OpenSSL 3.0.2 15 Mar 2022 (Library: OpenSSL 3.0.2 15 Mar 2022)';

/** runBase64 is `openssl base64 [-d] [-A] [-in f] [-out f]` (64-column lines when encoding). */
export async function runBase64(c: Ctx, argv: string[]): Promise<number> {
  const a = new Args(argv, 'base64', c.err);
  let decode = false;
  let oneLine = false;
  let inPath: string | undefined;
  let out: string | undefined;
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-d' || arg === '-D') decode = true;
    else if (arg === '-e') decode = false;
    else if (arg === '-A') oneLine = true;
    else if (arg === '-in' || arg === '-out') {
      const v = a.value(arg);
      if (v === undefined) return 1;
      if (arg === '-in') inPath = v;
      else out = v;
    } else {
      c.err(`base64: Unknown option: ${arg}\nbase64: Use -help for summary.\n`);
      return 1;
    }
  }
  let input: string | undefined;
  if (inPath !== undefined) {
    try {
      input = c.p.fs.readFile(abs(c.p, inPath));
    } catch {
      c.err(cannotOpenForReading(inPath));
      return 1;
    }
  } else input = await readInput(c, undefined, 'certificate');
  if (input === undefined) return 1;
  let text: string;
  if (decode) text = b64decode(oneLine ? input.trim() : input);
  else {
    const enc = b64encode(input);
    text = enc === '' ? '' : oneLine ? enc + '\n' : enc.replace(/(.{64})/g, '$1\n').replace(/\n?$/, '\n');
  }
  return writeOutput(c, out, text) ? 0 : 1;
}

/** runRand is `openssl rand [-hex|-base64] N`. */
export async function runRand(c: Ctx, argv: string[]): Promise<number> {
  const a = new Args(argv, 'rand', c.err);
  let mode: 'raw' | 'hex' | 'base64' = 'raw';
  let n: number | undefined;
  let out: string | undefined;
  for (let arg = a.next(); arg !== undefined; arg = a.next()) {
    if (arg === '-hex') mode = 'hex';
    else if (arg === '-base64') mode = 'base64';
    else if (arg === '-out') {
      out = a.value(arg);
      if (out === undefined) return 1;
    } else if (/^\d+$/.test(arg)) n = Number(arg);
    else {
      c.err(`rand: Unknown option: ${arg}\nrand: Use -help for summary.\n`);
      return 1;
    }
  }
  if (n === undefined) {
    c.err('rand: Missing number of bytes\nrand: Use -help for summary.\n');
    return 1;
  }
  const bytes = c.p.sys.runtime.rand.bytes(n);
  let text = '';
  if (mode === 'hex') text = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('') + '\n';
  else if (mode === 'base64') text = b64encodeBytes(bytes).replace(/(.{64})/g, '$1\n').replace(/\n?$/, '\n');
  else text = [...bytes].map((b) => String.fromCharCode(b)).join('');
  return writeOutput(c, out, text) ? 0 : 1;
}

/** connectError is what s_client prints when nothing listens. */
export function connectError(): string {
  return stack('8000006F', 'system library', 'BIO_connect', 'Connection refused', '../crypto/bio/bio_sock2.c:125:calling connect()') +
    stack('10000067', 'BIO routines', 'BIO_connect', 'connect error', '../crypto/bio/bio_sock2.c:127:') + 'connect:errno=111\n';
}
