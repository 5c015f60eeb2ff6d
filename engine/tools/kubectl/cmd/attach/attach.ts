import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { defaultContainer, resolvePod } from '../logs/pods.ts';
import { refusal, stream, upgrade } from '../exec/stream.ts';
import { attachHelp } from './texts.ts';

/**
 * `kubectl attach`: the terminal joins the process a container already runs
 * (pods/attach). A container started with a TTY forces one; asking for a TTY
 * a container has not got prints kubectl's warning and goes on without.
 */
async function run(c: RunContext): Promise<number> {
  if (c.args.length === 0) throw new UsageError('at least 1 argument is required for attach', 'none');
  if (c.args.length > 2) throw new UsageError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${c.args.length}: [${c.args.join(' ')}]`, 'none');
  const ns = c.f.namespace();
  const pod = resolvePod(c, c.args.length === 2 ? `${c.args[0]}/${c.args[1]}` : c.args[0]!, ns);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const quiet = c.flag<boolean>('quiet');
  const container = c.flag<string>('container') || defaultContainer({ ...c, err: quiet ? () => {} : c.err }, pod);
  const spec = ((pod.spec as { containers?: { name: string; stdin?: boolean; tty?: boolean }[] } | undefined)?.containers ?? []).find((x) => x.name === container);
  if (!spec) throw new Error(`container ${container} not found in pod ${pod.metadata.name}`);
  const stdin = c.flag<boolean>('stdin');
  let tty = c.flag<boolean>('tty');
  if (tty && !spec.tty) {
    tty = false;
    if (!quiet) c.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
  } else if (!tty && spec.tty) tty = true;
  if (stdin && !quiet) c.err(ATTACH_NOTICE);
  const resp = upgrade(c, pod, 'attach', { container, stdin: String(stdin), stdout: 'true', stderr: String(!tty), tty: String(tty) });
  if (resp.status >= 300) throw refusal(resp);
  return stream(c, resp, { stdin, tty });
}

/** attachCommand is `kubectl attach`. */
export const attachCommand: CommandDef = { name: 'attach', group: 'Troubleshooting and Debugging Commands', ...attachHelp, run };

/** ATTACH_NOTICE is what kubectl 1.34 prints on stderr as it attaches (unless --quiet): the recording warning, then the prompt hint. */
export const ATTACH_NOTICE =
  "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n";
