import { has, parseOrUsage } from './lib/args.ts';
import { errText, idOf, qa, ql, resolve } from './lib/io.ts';
import { walk } from './lib/walk.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

async function run(p: Process, group: boolean): Promise<number> {
  const name = group ? 'chgrp' : 'chown';
  const a = parseOrUsage(p, { flags: 'Rvcfh', long: { recursive: 'R', verbose: 'v', changes: 'c', silent: 'f', 'no-dereference': 'h' } });
  if (typeof a === 'number') return a;
  const [spec, ...files] = a.args;
  if (spec === undefined) {
    p.stderr.write(`${name}: missing operand\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  if (files.length === 0) {
    p.stderr.write(`${name}: missing operand after ${ql(spec)}\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  let uid = -1;
  let gid = -1;
  if (group) {
    const g = idOf(p, '/etc/group', spec);
    if (g === undefined) {
      p.stderr.write(`chgrp: invalid group: ${ql(spec)}\n`);
      return 1;
    }
    gid = g;
  } else {
    const [u, g] = spec.split(/[:.]/, 2) as [string, string | undefined];
    if (u !== '') {
      const id = idOf(p, '/etc/passwd', u);
      if (id === undefined) {
        p.stderr.write(`chown: invalid user: ${ql(spec)}\n`);
        return 1;
      }
      uid = id;
    }
    if (g !== undefined && g !== '') {
      const id = idOf(p, '/etc/group', g);
      if (id === undefined) {
        p.stderr.write(`chown: invalid group: ${ql(spec)}\n`);
        return 1;
      }
      gid = id;
    } else if (g === '' && uid >= 0) {
      try {
        const line = p.fs.readFile('/etc/passwd').split('\n').find((l) => l.split(':')[2] === String(uid));
        gid = Number(line?.split(':')[3] ?? -1);
      } catch {
        gid = -1;
      }
    }
  }
  let code = 0;
  const apply = (path: string, shown: string) => {
    try {
      p.fs.chown(path, uid, gid);
    } catch (e) {
      const msg = errText(e);
      if (!has(a, 'f')) p.stderr.write(/Operation not permitted/.test(msg) ? `${name}: changing ${group ? 'group' : 'ownership'} of ${qa(shown)}: ${msg}\n` : `${name}: cannot access ${qa(shown)}: ${msg}\n`);
      code = 1;
    }
  };
  for (const f of files) {
    const path = resolve(p, f);
    if (has(a, 'R') && p.fs.exists(path)) walk(p.fs, path, (child, type) => void (type !== 'symlink' && apply(child, f + child.slice(path.length))));
    else apply(path, f);
  }
  return code;
}

/** chown changes owner (and group with user:group). */
export const chown = def('chown', (p) => run(p, false), 'chown - change file owner and group\n\nSYNOPSIS\n       chown [OPTION]... [OWNER][:[GROUP]] FILE...\n\nDESCRIPTION\n       -R, --recursive\n              operate on files and directories recursively');

/** chgrp changes the group. */
export const chgrp = def('chgrp', (p) => run(p, true), 'chgrp - change group ownership\n\nSYNOPSIS\n       chgrp [OPTION]... GROUP FILE...');
