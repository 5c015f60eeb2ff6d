import type { Process, Program } from '../../host/process.ts';
import type { CommandDef, RunContext } from './cli/command.ts';
import { FlagError, parseFlags, type FlagDef, type FlagValue } from './cli/flags.ts';
import { GLOBAL_FLAGS, HELP_FLAG } from './cli/global-flags.ts';
import { renderHelp } from './cli/help.ts';
import { deprecationNotice } from './cli/record.ts';
import { rootHelp, unknownCommandText } from './cmd/root/root-help.ts';
import { findPlugin } from './cmd/plugin/plugin.ts';
import { ROOT } from './cmd/registry.ts';
import { findCommand } from './cli/find-command.ts';
import { errorText } from './errors.ts';
import { Factory, type GlobalOptions } from './factory.ts';
import { logStatus } from './cli/verbose.ts';
import { isStatusError } from '../../base/errors.ts';

function globalOptions(values: Map<string, FlagValue>, set: Set<string>): GlobalOptions {
  const s = (n: string) => (set.has(n) ? String(values.get(n) ?? '') || undefined : undefined);
  return {
    kubeconfig: s('kubeconfig'),
    context: s('context'),
    cluster: s('cluster'),
    user: s('user'),
    namespace: s('namespace'),
    server: s('server'),
    token: s('token'),
    certificateAuthority: s('certificate-authority'),
    clientCertificate: s('client-certificate'),
    clientKey: s('client-key'),
    insecureSkipTlsVerify: values.get('insecure-skip-tls-verify') === true,
    tlsServerName: s('tls-server-name'),
    as: s('as'),
    asGroups: (values.get('as-group') as string[] | undefined) ?? [],
    asUid: s('as-uid'),
    requestTimeout: s('request-timeout'),
    cacheDir: s('cache-dir'),
    verbosity: Number(values.get('v') ?? 0),
  };
}

/**
 * changeCause is what `--record` writes (cli-runtime's parseCommandArguments):
 * the program's base name, the line's arguments (command words included), then
 * every flag given, in command-line order and by its long name, as --name=value.
 */
function changeCause(argv0: string, argv: string[], defs: FlagDef[], interspersed: boolean): string {
  const again = parseFlags(argv, defs, { interspersed });
  const args = again.args.length ? ` ${again.args.join(' ')}` : '';
  return `${argv0.slice(argv0.lastIndexOf('/') + 1)}${args}${again.given.map((g) => ` --${g.name}=${g.value}`).join('')}`;
}

/** runKubectl runs one kubectl invocation; argv excludes the program name. */
export async function runKubectl(p: Process, argv: string[]): Promise<number> {
  const { cmd, path, rest, unknown } = findCommand(ROOT, argv);
  const commandPath = ['kubectl', ...path].join(' ');
  const write = (stream: 'out' | 'err') => (s: string) => (stream === 'out' ? p.stdout : p.stderr).write(s);
  if (unknown !== undefined && path.length === 0) {
    // An unknown command may be a plugin: kubectl-<name> on PATH runs with the remaining arguments.
    const plugin = p.sys.session.exec ? findPlugin(p, argv) : undefined;
    if (plugin) return p.sys.session.exec!({ host: p.hostname, user: p.user.name, argv: [plugin.path, ...plugin.args], inheritEnv: p.env, cwd: p.cwd, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, signal: p.signal });
    p.stderr.write(unknownCommandText(unknown, path, ROOT.subcommands ?? []));
    return 1;
  }
  const flagDefs: FlagDef[] = [...(cmd.flags ?? []), ...GLOBAL_FLAGS.filter((g) => !(cmd.flags ?? []).some((f) => f.name === g.name)), HELP_FLAG];
  let parsed;
  try {
    parsed = parseFlags(rest, flagDefs, { interspersed: !cmd.noInterspersed });
  } catch (e) {
    if (e instanceof FlagError) {
      p.stderr.write(`error: ${e.message}\nSee '${commandPath} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  // a deprecated flag is told of once the line parsed (a line that does not parse prints only its error)
  for (const g of parsed.given) {
    const def = flagDefs.find((d) => d.name === g.name);
    if (def?.deprecated) p.stderr.write(deprecationNotice(def));
  }
  if ((parsed.values.get('help') === true && !cmd.ownHelp) || (!cmd.run && unknown === undefined)) {
    p.stdout.write(path.length === 0 ? rootHelp() : renderHelp(cmd, path));
    return 0;
  }
  if (unknown !== undefined) {
    p.stderr.write(unknownCommandText(unknown, path, ROOT.subcommands ?? []));
    return 1;
  }
  // a command's own flag shadows the global flag of the same name (create rolebinding --user)
  const globalSet = new Set([...parsed.set].filter((n) => !(cmd.flags ?? []).some((fl) => fl.name === n)));
  const f = new Factory(p, globalOptions(parsed.values, globalSet));
  const ctx: RunContext = {
    cmd,
    path,
    args: parsed.args,
    dashIndex: parsed.dashIndex,
    flags: parsed,
    proc: p,
    f,
    out: write('out'),
    err: write('err'),
    flag: <T extends FlagValue>(name: string) => parsed.values.get(name) as T,
    changed: (name: string) => parsed.set.has(name),
    commandPath,
    changeCause: () => changeCause(p.argv[0] ?? 'kubectl', argv, flagDefs, !cmd.noInterspersed),
  };
  try {
    const code = await cmd.run!(ctx);
    if (f.warningCount > 0 && parsed.values.get('warnings-as-errors') === true) return code || 1;
    return code;
  } catch (e) {
    if (f.globals.verbosity >= 6 && isStatusError(e)) logStatus(p, e.status as unknown as Record<string, unknown>);
    const { text, code } = errorText(e, commandPath, () => f.serverHostPort());
    if (text) p.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
    return code;
  }
}

/** kubectlProgram is the /usr/bin/kubectl binary. */
export const kubectlProgram: Program = (p) => runKubectl(p, p.argv.slice(1));
