import { singleQuote } from '../interp/quote.ts';
import { fail, out, type Builtin } from './types.ts';

/** alias defines or prints aliases. */
export const alias: Builtin = (c) => {
  const aliases = c.sh.state.aliases;
  let args = c.argv.slice(1);
  if (args[0] === '-p') args = args.slice(1);
  if (args.length === 0) {
    for (const k of [...aliases.keys()].sort()) out(c, `alias ${k}=${singleQuote(aliases.get(k)!)}\n`);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      const name = a.slice(0, eq);
      if (/[\s/$`=|&;()<>'"]/.test(name)) {
        code = fail(c, `\`${name}': invalid alias name`);
        continue;
      }
      aliases.set(name, a.slice(eq + 1));
    } else if (aliases.has(a)) out(c, `alias ${a}=${singleQuote(aliases.get(a)!)}\n`);
    else code = fail(c, `${a}: not found`);
  }
  return code;
};

/** unalias removes aliases (-a: all). */
export const unalias: Builtin = (c) => {
  const aliases = c.sh.state.aliases;
  const args = c.argv.slice(1);
  if (args.length === 0) return fail(c, 'usage: unalias [-a] name [name ...]', 2);
  let code = 0;
  for (const a of args) {
    if (a === '-a') aliases.clear();
    else if (!aliases.delete(a)) code = fail(c, `${a}: not found`);
  }
  return code;
};
