import { def } from './def.ts';

/** which prints where a command is found on PATH (nothing and status 1 when it is not). */
export const which = def(
  'which',
  async (p) => {
    let args = p.argv.slice(1);
    const all = args[0] === '-a';
    if (all) args = args.slice(1);
    let code = 0;
    for (const name of args) {
      let found = false;
      const cands = name.includes('/') ? [name] : (p.env['PATH'] ?? '').split(':').map((d) => `${d || '.'}/${name}`);
      for (const c of cands) {
        const abs = c.startsWith('/') ? c : `${p.cwd}/${c}`;
        try {
          const st = p.fs.stat(abs);
          if (st.type !== 'file' || (p.fs.access ? !p.fs.access(abs, 1) : (st.mode & 0o111) === 0)) continue;
        } catch {
          continue;
        }
        p.stdout.write(c + '\n');
        found = true;
        if (!all) break;
      }
      if (!found) code = 1;
    }
    return code;
  },
  'which - locate a command\n\nSYNOPSIS\n       which [-a] filename ...\n\nDESCRIPTION\n       which returns the pathnames of the files which would be executed in the current environment.',
);
