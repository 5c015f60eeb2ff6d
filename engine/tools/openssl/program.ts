import type { Process } from '../../host/process.ts';
import type { ProgramDef } from '../types.ts';
import type { Ctx } from './io.ts';
import { runGenrsa, runRsa } from './keys.ts';
import { runBase64, runRand, VERSION } from './misc.ts';
import { runReq } from './req.ts';
import { runSClient } from './s-client.ts';
import { runVerify } from './verify.ts';
import { runX509 } from './x509.ts';

const COMMANDS: Record<string, (c: Ctx, argv: string[]) => Promise<number>> = {
  x509: runX509, req: runReq, genrsa: runGenrsa, rsa: runRsa, verify: runVerify, base64: runBase64, enc: runBase64, rand: runRand, s_client: runSClient,
};

/** runOpenssl is /usr/bin/openssl. */
export async function runOpenssl(p: Process): Promise<number> {
  const [cmd, ...rest] = p.argv.slice(1);
  const c: Ctx = { p, name: cmd ?? '', err: (s) => p.stderr.write(s), out: (s) => p.stdout.write(s) };
  if (cmd === undefined) {
    p.stderr.write('OpenSSL> ');
    return 0;
  }
  if (cmd === 'version') {
    p.stdout.write(rest.includes('-a') ? `${VERSION}\nbuilt on: Wed Jan 29 2025 UTC\nplatform: debian-amd64\nOPENSSLDIR: "/usr/lib/ssl"\n` : `${VERSION}\n`);
    return 0;
  }
  if (cmd === 'enc' && !rest.includes('-base64') && !rest.includes('-a')) {
    p.stderr.write('enc: the lab supports only -base64\n');
    return 1;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    p.stderr.write(`Invalid command '${cmd}'; type "help" for a list.\n`);
    return 1;
  }
  return run(c, cmd === 'enc' ? rest.filter((a) => a !== '-base64' && a !== '-a') : rest);
}

/** OPENSSL is the ProgramDef of /usr/bin/openssl. */
export const OPENSSL: ProgramDef[] = [
  {
    name: 'openssl',
    path: '/usr/bin/openssl',
    program: runOpenssl,
    man: 'NAME\n       openssl - OpenSSL command line program\n\nSYNOPSIS\n       openssl command [ options ... ] [ parameters ... ]\n',
  },
];
