import type { Process } from '../../host/process.ts';
import { systemdOf } from '../../host/systemd/registry.ts';
import type { ProgramDef } from '../types.ts';
import type { Ctx } from './context.ts';
import { listUnitFilesVerb, listUnits } from './list.ts';
import { daemonReload, enableDisable, killUnit, maskUnmask, resetFailed, startStop } from './manage.ts';
import { parseOptions } from './options.ts';
import { cat, isActive, isEnabled, isFailed, show, status } from './query.ts';

const VERBS: Record<string, (c: Ctx) => number> = {
  status, start: startStop, stop: startStop, restart: startStop, 'try-restart': startStop, reload: startStop,
  'reload-or-restart': startStop, enable: enableDisable, disable: enableDisable, mask: maskUnmask, unmask: maskUnmask,
  'daemon-reload': daemonReload, 'reset-failed': resetFailed, kill: killUnit, 'is-active': isActive, 'is-enabled': isEnabled,
  'is-failed': isFailed, cat, show, 'list-units': listUnits, 'list-unit-files': listUnitFilesVerb,
};

/** NO_SYSTEMD is what systemctl says on a machine whose PID 1 is not systemd (containers, the exam terminal). */
export const NO_SYSTEMD = 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n';

/** runSystemctl is the systemctl program: it talks to the host's Systemd. */
export async function runSystemctl(p: Process): Promise<number> {
  const o = parseOptions(p.argv.slice(1));
  if ('error' in o) {
    p.stderr.write(o.error + '\n');
    return 1;
  }
  if (o.verb === '--version' || p.argv.includes('--version')) {
    p.stdout.write('systemd 249 (249.11-0ubuntu3.12)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n');
    return 0;
  }
  const verb = VERBS[o.verb];
  if (!verb) {
    p.stderr.write(`Unknown command verb ${o.verb}.\n`);
    return 1;
  }
  const sd = systemdOf(p);
  if (!sd) {
    p.stderr.write(NO_SYSTEMD);
    return 1;
  }
  const c: Ctx = { p, sd, o, out: (s) => p.stdout.write(s), err: (s) => p.stderr.write(s) };
  return verb(c);
}

/** SYSTEMCTL is the ProgramDef of /usr/bin/systemctl. */
export const SYSTEMCTL: ProgramDef[] = [
  {
    name: 'systemctl',
    path: '/usr/bin/systemctl',
    program: runSystemctl,
    man: 'NAME\n       systemctl - Control the systemd system and service manager\n\nSYNOPSIS\n       systemctl [OPTIONS...] COMMAND [UNIT...]\n\nDESCRIPTION\n       systemctl may be used to introspect and control the state of the "systemd" system and service manager.\n',
  },
];
