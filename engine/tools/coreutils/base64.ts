import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, qf, ql, resolve } from './lib/io.ts';
import { decodeBase64, encodeBase64 } from '../../base/base64.ts';
import { def } from './def.ts';

async function input(p: Parameters<typeof base64.program>[0], f: string): Promise<Uint8Array> {
  if (f !== '-') return p.fs.readBytes(resolve(p, f));
  let text = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) break;
    text += c;
  }
  return new TextEncoder().encode(text);
}

/** base64 encodes (wrapping at 76 columns, -w0 for none) or decodes (-d). */
export const base64 = def(
  'base64',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'di', withArg: 'w', long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } });
    if (typeof a === 'number') return a;
    if (a.args.length > 1) {
      p.stderr.write(`base64: extra operand ${ql(a.args[1]!)}\nTry 'base64 --help' for more information.\n`);
      return 1;
    }
    const f = a.args[0] ?? '-';
    let data: Uint8Array;
    try {
      data = await input(p, f);
    } catch (e) {
      p.stderr.write(`base64: ${qf(f)}: ${errText(e)}\n`);
      return 1;
    }
    if (has(a, 'd')) {
      let text = new TextDecoder().decode(data).replace(/[\r\n]/g, '');
      if (has(a, 'i')) text = text.replace(/[^A-Za-z0-9+/=]/g, '');
      try {
        if (/[^A-Za-z0-9+/=]/.test(text) || /=[^=]/.test(text)) throw new Error('invalid');
        const padded = text.length % 4 === 0 ? text : text + '='.repeat(4 - (text.length % 4));
        const out = decodeBase64(padded);
        p.stdout.write(new TextDecoder().decode(out));
        if (text.length % 4 === 1) throw new Error('invalid');
      } catch {
        p.stderr.write('base64: invalid input\n');
        return 1;
      }
      return 0;
    }
    const wrapArg = val(a, 'w') ?? '76';
    if (!/^\d+$/.test(wrapArg)) {
      p.stderr.write(`base64: invalid wrap size: ${ql(wrapArg)}\n`);
      return 1;
    }
    const wrap = Number(wrapArg);
    const enc = encodeBase64(data);
    if (wrap === 0) p.stdout.write(enc);
    else {
      let out = '';
      for (let i = 0; i < enc.length; i += wrap) out += enc.slice(i, i + wrap) + '\n';
      p.stdout.write(out);
    }
    return 0;
  },
  'base64 - base64 encode/decode data and print to standard output\n\nSYNOPSIS\n       base64 [OPTION]... [FILE]\n\nDESCRIPTION\n       -d, --decode\n              decode data\n       -w, --wrap=COLS\n              wrap encoded lines after COLS character (default 76).  Use 0 to disable line wrapping',
);
