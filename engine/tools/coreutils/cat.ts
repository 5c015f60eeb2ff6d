import { has, parseOrUsage } from './lib/args.ts';
import { errText, qf, resolve } from './lib/io.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

function visible(s: string, showEnds: boolean, showTabs: boolean, showNonPrint: boolean): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\n') out += showEnds ? '$\n' : '\n';
    else if (ch === '\t') out += showTabs ? '^I' : '\t';
    else if (showNonPrint && c < 32) out += '^' + String.fromCharCode(c + 64);
    else if (showNonPrint && c === 127) out += '^?';
    else out += ch;
  }
  return out;
}

/** cat concatenates files (or stdin) to stdout, streaming. */
export const cat = def(
  'cat',
  async (p: Process) => {
    const a = parseOrUsage(p, { flags: 'AbeEnstTuv', long: { 'show-all': 'A', 'number-nonblank': 'b', 'show-ends': 'E', number: 'n', 'squeeze-blank': 's', 'show-tabs': 'T', 'show-nonprinting': 'v' } });
    if (typeof a === 'number') return a;
    const showEnds = has(a, 'E') || has(a, 'A') || has(a, 'e');
    const showTabs = has(a, 'T') || has(a, 'A') || has(a, 't');
    const nonPrint = has(a, 'v') || has(a, 'A') || has(a, 'e') || has(a, 't');
    const numberAll = has(a, 'n') && !has(a, 'b');
    const numberNonBlank = has(a, 'b');
    const squeeze = has(a, 's');
    const plain = !showEnds && !showTabs && !nonPrint && !numberAll && !numberNonBlank && !squeeze;
    let lineNo = 0;
    let atLineStart = true;
    let blankRun = 0;
    const emit = (chunk: string) => {
      if (plain) {
        p.stdout.write(chunk);
        return;
      }
      let out = '';
      for (const piece of chunk.split(/(?<=\n)/)) {
        if (piece === '') continue;
        const blank = atLineStart && piece === '\n';
        if (blank) blankRun++;
        else if (atLineStart) blankRun = 0;
        if (squeeze && blank && blankRun > 1) continue;
        if (atLineStart && (numberAll || (numberNonBlank && !blank))) out += String(++lineNo).padStart(6) + '\t';
        out += visible(piece, showEnds, showTabs, nonPrint);
        atLineStart = piece.endsWith('\n');
      }
      p.stdout.write(out);
    };
    const files = a.args.length ? a.args : ['-'];
    let code = 0;
    for (const f of files) {
      if (p.signal.interrupted) return 130;
      if (f === '-') {
        for (;;) {
          const c = await p.stdin.read();
          if (c === null) break;
          emit(c);
        }
        continue;
      }
      try {
        emit(p.fs.readFile(resolve(p, f)));
      } catch (e) {
        p.stderr.write(`cat: ${qf(f)}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'cat - concatenate files and print on the standard output\n\nSYNOPSIS\n       cat [OPTION]... [FILE]...\n\nDESCRIPTION\n       Concatenate FILE(s) to standard output.  With no FILE, or when FILE is -, read standard input.\n\n       -A     equivalent to -vET\n       -n     number all output lines\n       -s     suppress repeated empty output lines',
);
