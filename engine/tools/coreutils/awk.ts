import type { Process } from '../../host/process.ts';
import { errText, resolve } from './lib/io.ts';
import { RegexError } from './lib/regex.ts';
import { AwkSyntaxError } from './awk/lex.ts';
import { parseAwk } from './awk/parse.ts';
import { Awk, AwkRuntimeError } from './awk/run.ts';
import { StrNum, toBool, toStr, type Value } from './awk/value.ts';
import type { Program, Rule } from './awk/ast.ts';
import { def } from './def.ts';

function unescapeAssign(v: string): string {
  return v.replace(/\\(n|t|\\|")/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"' })[c]!);
}

/** records splits input text by RS: newline, a single character, or paragraphs when RS is empty. */
function splitRecords(text: string, rs: string): string[] {
  if (text === '') return [];
  if (rs === '') return text.replace(/^\n+/, '').split(/\n\n+/).map((r) => r.replace(/\n+$/, '')).filter((r) => r !== '');
  const sep = rs === '\n' ? '\n' : rs.length === 1 ? rs : new RegExp(rs);
  const parts = text.split(sep);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

async function runRules(a: Awk, prog: Program): Promise<void> {
  const { NextSignal } = Awk.signals;
  for (const r of prog.rules) {
    try {
      if (!matches(a, r)) continue;
      if (r.body) await a.exec(r.body);
      else a.p.stdout.write(a.record + toStr(a.get('ORS')));
    } catch (e) {
      if (e instanceof NextSignal) return;
      throw e;
    }
  }
}

function matches(a: Awk, r: Rule): boolean {
  if (r.range) {
    if (!r.inRange) {
      if (!toBool(a.evaluate(r.range[0]) as Value)) return false;
      r.inRange = !toBool(a.evaluate(r.range[1]) as Value);
      return true;
    }
    if (toBool(a.evaluate(r.range[1]) as Value)) r.inRange = false;
    return true;
  }
  return !r.pattern || toBool(a.evaluate(r.pattern) as Value);
}

/** awk is a POSIX awk interpreter (mawk-compatible output and errors). */
export const awk = def(
  'awk',
  async (p: Process) => {
    const args = p.argv.slice(1);
    const assigns: Array<[string, string]> = [];
    let fs: string | undefined;
    let src: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const x = args[i]!;
      if (x === '--') {
        i++;
        break;
      }
      if (x.startsWith('-F')) fs = x.length > 2 ? x.slice(2) : args[++i];
      else if (x.startsWith('-v')) {
        const as = x.length > 2 ? x.slice(2) : args[++i] ?? '';
        const eq = as.indexOf('=');
        if (eq < 0) {
          p.stderr.write(`awk: improper assignment: -v ${as}\n`);
          return 2;
        }
        assigns.push([as.slice(0, eq), unescapeAssign(as.slice(eq + 1))]);
      } else if (x.startsWith('-f')) {
        const f = x.length > 2 ? x.slice(2) : args[++i] ?? '';
        try {
          src = (src ?? '') + p.fs.readFile(resolve(p, f)) + '\n';
        } catch (e) {
          p.stderr.write(`awk: couldn't open file ${f}: ${errText(e)}\n`);
          return 2;
        }
      } else if (x.startsWith('-') && x !== '-') {
        p.stderr.write(`awk: not an option: ${x}\n`);
        return 2;
      } else break;
    }
    if (src === undefined) {
      if (i >= args.length) {
        p.stderr.write('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n');
        return 2;
      }
      src = args[i++]!;
    }
    let prog: Program;
    try {
      prog = parseAwk(src);
    } catch (e) {
      if (e instanceof AwkSyntaxError) {
        p.stderr.write(e.near === 'end of file' && /{[^}]*$/.test(src) ? `awk: line ${e.line + (src.endsWith('\n') ? 0 : 1)}: missing } near end of file\n` : `awk: line ${e.line}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    const a = new Awk(prog, p);
    if (fs !== undefined) a.set('FS', fs === 't' ? '\t' : unescapeAssign(fs));
    for (const [k, v] of assigns) a.set(k, new StrNum(v));
    const operands = args.slice(i);
    const argv = new Map<string, Value>([['0', 'awk'], ...operands.map((o, k) => [String(k + 1), new StrNum(o)] as [string, Value])]);
    a.globals.set('ARGV', argv);
    a.globals.set('ARGC', operands.length + 1);
    const { ExitSignal, NextFileSignal } = Awk.signals;
    let exitCode = 0;
    let exiting = false;
    try {
      try {
        for (const b of prog.begin) await a.exec(b);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        exitCode = e.code;
        exiting = true;
      }
      if (!exiting && (prog.rules.length > 0 || prog.end.length > 0)) {
        const files = operands.length ? operands : ['-'];
        const queue: string[] = [];
        let fileIdx = 0;
        let failed = false;
        const nextRecord = async (): Promise<string | null> => {
          for (;;) {
            if (queue.length) return queue.shift()!;
            if (fileIdx >= files.length) return null;
            const f = files[fileIdx++]!;
            if (/^[A-Za-z_]\w*=/.test(f)) {
              const eq = f.indexOf('=');
              a.set(f.slice(0, eq), new StrNum(unescapeAssign(f.slice(eq + 1))));
              if (fileIdx === files.length && !files.some((x) => !/^[A-Za-z_]\w*=/.test(x))) files.push('-');
              continue;
            }
            let text: string;
            try {
              if (f === '-' || f === '/dev/stdin') {
                text = '';
                for (;;) {
                  const c = await p.stdin.read();
                  if (c === null) break;
                  text += c;
                }
              } else text = p.fs.readFile(resolve(p, f));
            } catch (e) {
              p.stderr.write(`awk: cannot open ${f} (${errText(e)})\n`);
              failed = true;
              return null;
            }
            a.set('FILENAME', f === '-' ? '' : f);
            a.set('FNR', 0);
            queue.push(...splitRecords(text, toStr(a.get('RS'))));
          }
        };
        a.setInput({ next: nextRecord });
        try {
          for (;;) {
            if (p.signal.interrupted) return 130;
            const rec = await nextRecord();
            if (rec === null) break;
            a.set('NR', (Number(toStr(a.get('NR'))) || 0) + 1);
            a.set('FNR', (Number(toStr(a.get('FNR'))) || 0) + 1);
            a.setRecord(rec);
            try {
              await runRules(a, prog);
            } catch (e) {
              if (e instanceof NextFileSignal) queue.length = 0;
              else throw e;
            }
          }
        } catch (e) {
          if (!(e instanceof ExitSignal)) throw e;
          exitCode = e.code;
        }
        if (failed) exitCode = 2;
      }
      try {
        for (const b of prog.end) await a.exec(b);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        exitCode = e.code;
      }
      await a.closeAll();
    } catch (e) {
      if (e instanceof AwkRuntimeError || e instanceof RegexError) {
        p.stderr.write(`awk: run time error: ${e.message}\n\tFILENAME="${toStr(a.get('FILENAME'))}" FNR=${toStr(a.get('FNR'))} NR=${toStr(a.get('NR'))}\n`);
        return 2;
      }
      throw e;
    }
    return exitCode;
  },
  'awk - pattern scanning and text processing language\n\nSYNOPSIS\n       awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n       awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n\nDESCRIPTION\n       awk reads records (lines) and runs, for each pattern that matches, its { action }.  Fields are $1, $2 … $NF; NR counts records; BEGIN and END run before and after the input.',
);
