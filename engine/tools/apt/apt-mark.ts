import type { Process } from '../../host/process.ts';
import { readStatus, setHold } from '../../host/packages/db.ts';

/** runAptMark is /usr/bin/apt-mark: hold, unhold, showhold (and the auto/manual marks, accepted). */
export async function runAptMark(p: Process): Promise<number> {
  const args = p.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [op, ...names] = args;
  const status = readStatus(p.fs);
  switch (op) {
    case 'hold': case 'unhold': {
      if (names.length === 0) {
        p.stderr.write('E: No packages found\n');
        return 100;
      }
      const hold = op === 'hold';
      const missing = names.filter((n) => !status.some((s) => s.name === n));
      if (missing.length) {
        p.stderr.write(missing.map((n) => `E: Unable to locate package ${n}\n`).join(''));
        return 100;
      }
      const changing = names.filter((n) => (status.find((s) => s.name === n)!.want === 'hold') !== hold);
      if (changing.length && p.user.uid !== 0) {
        p.stderr.write('dpkg: error: requested operation requires superuser privilege\nE: Executing dpkg failed. Are you root?\n');
        return 100;
      }
      setHold(p.fs, changing, hold);
      for (const n of names) {
        const was = !changing.includes(n);
        p.stdout.write(hold ? (was ? `${n} was already set on hold.\n` : `${n} set on hold.\n`) : was ? `${n} was already not on hold.\n` : `Canceled hold on ${n}.\n`);
      }
      return 0;
    }
    case 'showhold':
      p.stdout.write(status.filter((s) => s.want === 'hold' && (names.length === 0 || names.includes(s.name))).map((s) => s.name + '\n').join(''));
      return 0;
    case 'auto': case 'manual':
      for (const n of names) p.stdout.write(`${n} set to ${op === 'auto' ? 'automatically' : 'manually'} installed.\n`);
      return 0;
    case 'showmanual': case 'showauto':
      p.stdout.write(status.filter(() => op === 'showmanual').map((s) => s.name + '\n').join(''));
      return 0;
    case undefined:
      p.stdout.write('apt 2.4.14 (amd64)\nUsage: apt-mark [options] {auto|manual} pkg1 [pkg2 ...]\n');
      return 1;
    default:
      p.stderr.write(`E: Invalid operation ${op}\n`);
      return 100;
  }
}
