import { pathFor, toStatusError } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import type { Readable, Writable } from '../../../../host/streams.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { defaultContainer, resolvePod } from '../logs/pods.ts';
import { execHelp } from './texts.ts';

interface ExecSession {
  kind: 'ExecSession';
  run(io: { stdin?: Readable; stdout: Writable; stderr: Writable; signal?: unknown }): Promise<number>;
}

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
  const resp = c.f.client().raw({ method: 'POST', path: pathFor(R.pods, pod.metadata.namespace ?? ns, pod.metadata.name!, 'exec'), query });
  if (resp.status >= 300) {
    // A Status from the apiserver prints as such; plain text comes from the kubelet's upgrade refusal.
    if (typeof resp.body === 'string') throw new Error(`unable to upgrade connection: ${resp.body}`);
    throw toStatusError(resp);
  }
  const session = resp.body as ExecSession;
  // Without -t the container's output is a pipe, not the terminal (ls prints one name per line).
  const out = c.proc.stdout;
  const err = c.proc.stderr;
  const stdout = { isTTY: tty, write: (s: string) => out.write(s) };
  const stderr = { isTTY: tty, write: (s: string) => err.write(s) };
  const code = await session.run({ stdin: stdin ? c.proc.stdin : undefined, stdout, stderr, signal: c.proc.signal });
  // Ctrl-C without a terminal stops kubectl itself (SIGINT), which dies quietly; with -t it went to the remote process.
  if (!tty && c.proc.signal.interrupted) return 130;
  if (code !== 0 && !quiet) c.err(`command terminated with exit code ${code}\n`);
  return code;
}

/** execCommand is `kubectl exec`. */
export const execCommand: CommandDef = { name: 'exec', group: 'Troubleshooting and Debugging Commands', ...execHelp, run };
