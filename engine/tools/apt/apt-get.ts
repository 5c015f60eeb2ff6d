import type { Process } from '../../host/process.ts';
import { AptCache } from '../../host/packages/candidates.ts';
import { lockError, progressLines, READING } from './common.ts';
import { runInstall, type InstallFlags } from './install.ts';
import { runRemove } from './remove.ts';
import { runUpdate } from './update.ts';

const LONG_FLAGS: Record<string, keyof InstallFlags | 'ignore'> = {
  yes: 'yes', 'assume-yes': 'yes', 'allow-change-held-packages': 'allowHeld', 'allow-downgrades': 'allowDowngrades',
  simulate: 'simulate', 'just-print': 'simulate', 'dry-run': 'simulate', 'no-act': 'simulate', recon: 'simulate',
  'no-install-recommends': 'ignore', 'install-recommends': 'ignore', quiet: 'ignore', 'fix-broken': 'ignore', force: 'ignore',
  'allow-unauthenticated': 'ignore', 'allow-remove-essential': 'ignore', 'only-upgrade': 'ignore', 'reinstall': 'ignore', 'no-upgrade': 'ignore', 'auto-remove': 'ignore', autoremove: 'ignore',
};

/** parseAptArgs splits apt-get's argv into flags, the operation and its arguments. */
export function parseAptArgs(argv: string[]): { flags: InstallFlags; words: string[] } | { error: string } {
  const flags: InstallFlags = { yes: false, allowHeld: false, allowDowngrades: false, simulate: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      const f = LONG_FLAGS[name];
      if (!f) return { error: `E: Command line option --${name} is not understood in combination with the other options` };
      if (f !== 'ignore') flags[f] = true;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (c === 'y') flags.yes = true;
        else if (c === 's') flags.simulate = true;
        else if (c === 'o' || c === 't' || c === 'c') {
          i++;
          break;
        } else if (!'qfmVu'.includes(c)) return { error: `E: Command line option '${c}' [from ${a}] is not known.` };
      }
      continue;
    }
    words.push(a);
  }
  return { flags, words };
}

/** USAGE is the head of apt-get's help. */
const USAGE = `apt 2.4.14 (amd64)
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]
       apt-get [options] source pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.
`;

/** runAptGet is /usr/bin/apt-get. */
export async function runAptGet(p: Process): Promise<number> {
  const parsed = parseAptArgs(p.argv.slice(1));
  if ('error' in parsed) {
    p.stderr.write(parsed.error + '\n');
    return 100;
  }
  const { flags, words } = parsed;
  const [op, ...args] = words;
  if (op === undefined) {
    p.stdout.write(USAGE);
    return 1;
  }
  const needsRoot = ['update', 'install', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'clean', 'autoclean'];
  if (needsRoot.includes(op) && p.user.uid !== 0 && !flags.simulate) {
    if (op === 'update') p.stdout.write(progressLines(p, ['Reading package lists']));
    p.stderr.write(lockError(op === 'update' ? 'lists' : 'dpkg'));
    return 100;
  }
  switch (op) {
    case 'update':
      return runUpdate(p);
    case 'install':
      return runInstall(p, args, flags);
    case 'upgrade': case 'dist-upgrade': case 'full-upgrade':
      return runInstall(p, [], flags, true);
    case 'remove': case 'purge':
      return runRemove(p, args, flags, op === 'purge');
    case 'autoremove': {
      p.stdout.write(progressLines(p, READING));
      p.stdout.write(`0 upgraded, 0 newly installed, 0 to remove and ${new AptCache(p.fs).upgradable().length} not upgraded.\n`);
      return 0;
    }
    case 'clean': case 'autoclean': case 'check':
      return 0;
    default:
      p.stderr.write(`E: Invalid operation ${op}\n`);
      return 100;
  }
}
