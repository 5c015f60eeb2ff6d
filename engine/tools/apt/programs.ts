import type { ProgramDef } from '../types.ts';
import { runApt } from './apt.ts';
import { runAptCache } from './apt-cache.ts';
import { runAptGet } from './apt-get.ts';
import { runAptMark } from './apt-mark.ts';
import { runDpkg } from './dpkg.ts';

/** APT_PROGRAMS are the package tools: apt, apt-get, apt-cache, apt-mark and dpkg. */
export const APT_PROGRAMS: ProgramDef[] = [
  { name: 'apt-get', path: '/usr/bin/apt-get', program: runAptGet, man: 'NAME\n       apt-get - APT package handling utility -- command-line interface\n' },
  { name: 'apt-cache', path: '/usr/bin/apt-cache', program: runAptCache, man: 'NAME\n       apt-cache - query the APT cache\n' },
  { name: 'apt-mark', path: '/usr/bin/apt-mark', program: runAptMark, man: 'NAME\n       apt-mark - show, set and unset various settings for a package\n' },
  { name: 'apt', path: '/usr/bin/apt', program: runApt, man: 'NAME\n       apt - command-line interface\n' },
  { name: 'dpkg', path: '/usr/bin/dpkg', program: runDpkg, man: 'NAME\n       dpkg - package manager for Debian\n' },
];
