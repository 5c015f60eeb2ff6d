import { groupName, idOf, ql, userName } from './lib/io.ts';
import { parseOrUsage, has } from './lib/args.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

function userInfo(p: Process, name: string | undefined): { uid: number; gid: number; groups: number[] } | undefined {
  if (name === undefined) return { uid: p.user.uid, gid: p.user.gid, groups: p.user.groups };
  const uid = idOf(p, '/etc/passwd', name);
  if (uid === undefined) return undefined;
  let gid = uid;
  const groups: number[] = [];
  try {
    const pw = p.fs.readFile('/etc/passwd').split('\n').find((l) => l.split(':')[2] === String(uid));
    const uname = pw?.split(':')[0] ?? name;
    gid = Number(pw?.split(':')[3] ?? uid);
    groups.push(gid);
    for (const l of p.fs.readFile('/etc/group').split('\n')) {
      const f = l.split(':');
      if (f.length >= 4 && f[3]!.split(',').includes(uname) && !groups.includes(Number(f[2]))) groups.push(Number(f[2]));
    }
  } catch {
    groups.push(gid);
  }
  return { uid, gid, groups };
}

/** id prints user and group ids. */
export const id = def(
  'id',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'ugGnr' });
    if (typeof a === 'number') return a;
    const u = userInfo(p, a.args[0]);
    if (!u) {
      p.stderr.write(`id: ${ql(a.args[0]!)}: no such user\n`);
      return 1;
    }
    const n = has(a, 'n');
    if (has(a, 'u')) p.stdout.write((n ? userName(p, u.uid) : String(u.uid)) + '\n');
    else if (has(a, 'g')) p.stdout.write((n ? groupName(p, u.gid) : String(u.gid)) + '\n');
    else if (has(a, 'G')) p.stdout.write(u.groups.map((g) => (n ? groupName(p, g) : String(g))).join(' ') + '\n');
    else p.stdout.write(`uid=${u.uid}(${userName(p, u.uid)}) gid=${u.gid}(${groupName(p, u.gid)}) groups=${u.groups.map((g) => `${g}(${groupName(p, g)})`).join(',')}\n`);
    return 0;
  },
  'id - print real and effective user and group IDs\n\nSYNOPSIS\n       id [OPTION]... [USER]...\n\nDESCRIPTION\n       -g     print only the effective group ID\n       -G     print all group IDs\n       -n     print a name instead of a number\n       -u     print only the effective user ID',
);
