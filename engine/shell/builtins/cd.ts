import { normalize } from '../../host/fs/path.ts';
import { fail, out, type Builtin } from './types.ts';

/** cd changes the working directory (logically, like bash's default -L). */
export const cd: Builtin = (c) => {
  const st = c.sh.state;
  let args = c.argv.slice(1);
  let physical = false;
  while (args[0] && /^-[LPe@]+$/.test(args[0])) {
    if (args[0].includes('P')) physical = true;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length > 1) return fail(c, 'too many arguments');
  let target = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = st.get('HOME');
    if (target === undefined) return fail(c, 'HOME not set');
    if (target === '') return 0;
  } else if (target === '-') {
    target = st.get('OLDPWD');
    if (target === undefined) return fail(c, 'OLDPWD not set');
    print = true;
  }
  let dest = normalize(target.startsWith('/') ? target : `${st.cwd}/${target}`);
  const fs = c.sh.fs;
  try {
    const s = fs.stat(dest);
    if (s.type !== 'dir') return fail(c, `${args[0]}: Not a directory`);
    if (fs.access && !fs.access(dest, 1)) return fail(c, `${args[0]}: Permission denied`);
    if (physical) dest = fs.realpath(dest);
  } catch (e) {
    return fail(c, `${args[0]}: ${(e as Error).message}`);
  }
  const old = st.cwd;
  st.cwd = dest;
  st.set('OLDPWD', old);
  st.set('PWD', dest);
  if (print) out(c, dest + '\n');
  return 0;
};

/** pwd prints the working directory (-P: with symlinks resolved). */
export const pwd: Builtin = (c) => {
  const st = c.sh.state;
  for (const a of c.argv.slice(1)) {
    if (a === '-P') {
      try {
        out(c, c.sh.fs.realpath(st.cwd) + '\n');
        return 0;
      } catch (e) {
        return fail(c, `error retrieving current directory: getcwd: cannot access parent directories: ${(e as Error).message}`);
      }
    }
    if (a !== '-L') return fail(c, `${a}: invalid option\npwd: usage: pwd [-LP]`, 2);
  }
  out(c, st.cwd + '\n');
  return 0;
};
