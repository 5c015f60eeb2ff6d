import { ql } from './lib/io.ts';
import { def } from './def.ts';

/** env prints the environment, or runs a command in a modified one. */
export const env = def(
  'env',
  async (p) => {
    let args = p.argv.slice(1);
    let e: Record<string, string> = { ...p.env };
    let nul = false;
    while (args.length && args[0]!.startsWith('-') && args[0] !== '-') {
      const a = args.shift()!;
      if (a === '--') break;
      if (a === '-i' || a === '--ignore-environment') e = {};
      else if (a === '-0' || a === '--null') nul = true;
      else if (a === '-u' || a === '--unset') delete e[args.shift() ?? ''];
      else if (a.startsWith('--unset=')) delete e[a.slice(8)];
      else {
        p.stderr.write(`env: invalid option -- '${a.slice(1, 2)}'\nTry 'env --help' for more information.\n`);
        return 125;
      }
    }
    if (args[0] === '-') {
      e = {};
      args.shift();
    }
    while (args.length && /^[^=]+=/.test(args[0]!)) {
      const a = args.shift()!;
      const i = a.indexOf('=');
      e[a.slice(0, i)] = a.slice(i + 1);
    }
    if (args.length === 0) {
      p.stdout.write(Object.entries(e).map(([k, v]) => `${k}=${v}${nul ? '\0' : '\n'}`).join(''));
      return 0;
    }
    const exec = p.sys.session.exec;
    if (!exec) {
      p.stderr.write(`env: ${ql(args[0]!)}: No such file or directory\n`);
      return 127;
    }
    const code = await exec({ host: p.hostname, user: p.user.name, argv: args, inheritEnv: e, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal, quietNotFound: true });
    if (code === 127) p.stderr.write(`env: ${ql(args[0]!)}: No such file or directory\n`);
    return code;
  },
  'env - run a program in a modified environment\n\nSYNOPSIS\n       env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n\nDESCRIPTION\n       Set each NAME to VALUE in the environment and run COMMAND.\n\n       -i, --ignore-environment\n              start with an empty environment\n       -u, --unset=NAME\n              remove variable from the environment',
);
