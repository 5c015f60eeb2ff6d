import { formatPrintf, interpretEscapes } from '../../tools/coreutils/lib/printf.ts';
import { shellQuote } from '../interp/quote.ts';
import { isName } from '../interp/state.ts';
import { fail, out, type Builtin } from './types.ts';

/** echo prints its arguments; -n drops the newline, -e interprets escapes, -E (default) does not. */
export const echo: Builtin = (c) => {
  let args = c.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    for (const f of args[0]!.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const r = interpretEscapes(text, true);
    text = r.text;
    if (r.stop) newline = false;
  }
  out(c, newline ? text + '\n' : text);
  return 0;
};

/** printf formats its arguments; -v stores the result in a variable. */
export const printf: Builtin = (c) => {
  let args = c.argv.slice(1);
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
    if (target === undefined) return fail(c, '-v: option requires an argument', 2);
    if (!isName(target.replace(/\[.*\]$/, ''))) return fail(c, `\`${target}': not a valid identifier`, 2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return fail(c, 'usage: printf [-v var] format [arguments]', 2);
  const r = formatPrintf(args[0]!, args.slice(1), 'bash', shellQuote);
  if (target !== undefined) c.sh.state.set(target, r.out);
  else out(c, r.out);
  for (const e of r.errors) c.io.stderr.write(`${c.sh.errPrefix()}printf: ${e}\n`);
  return r.errors.length ? 1 : 0;
};
