import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { defaultContainer, resolvePod } from '../logs/pods.ts';
import { refusal, stream, upgrade } from './stream.ts';
import { execHelp } from './texts.ts';

async function run(c: RunContext): Promise<number> {
  const before = c.dashIndex >= 0 ? c.args.slice(0, c.dashIndex) : c.args;
  const command = c.dashIndex >= 0 ? c.args.slice(c.dashIndex) : [];
  const files = c.flag<string[]>('filename') ?? [];
  if (before.length === 0 && files.length === 0) throw new UsageError('pod, type/name or --filename must be specified', 'none');
  if (before.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (command.length === 0) throw new UsageError('you must specify at least one command for the container', 'none');
  const ns = c.f.namespace();
  const pod = resolvePod(c, before[0]!, ns);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = c.flag<boolean>('quiet');
  let container = c.flag<string>('container');
  if (!container) {
    const stderr = c.err;
    container = defaultContainer({ ...c, err: quiet ? () => {} : stderr }, pod);
  }
  const stdin = c.flag<boolean>('stdin');
  let tty = c.flag<boolean>('tty');
  if (tty && !stdin) {
    if (!quiet) c.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  } else if (tty && !c.proc.sys.terminal.interactive) {
    if (!quiet) c.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const query: Record<string, string | string[]> = { command, container, stdout: 'true', stderr: String(!tty) };
  if (stdin) query.stdin = 'true';
  if (tty) query.tty = 'true';
  const resp = upgrade(c, pod, 'exec', query);
  if (resp.status >= 300) throw refusal(resp);
  const code = await stream(c, resp, { stdin, tty });
  // Ctrl-C without a terminal stops kubectl itself (SIGINT), which dies quietly; with -t it went to the remote process.
  if (!tty && c.proc.signal.interrupted) return 130;
  if (code !== 0 && !quiet) c.err(`command terminated with exit code ${code}\n`);
  return code;
}

/** execCommand is `kubectl exec`. */
export const execCommand: CommandDef = { name: 'exec', group: 'Troubleshooting and Debugging Commands', ...execHelp, run };
