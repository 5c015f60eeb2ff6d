import type { KObject } from '../../../../api/types.ts';
import { isStatusError } from '../../../../base/errors.ts';
import { toStatusError, pathFor } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import { parseSignedDuration } from '../../cli/flags.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { containerNames, defaultContainer, resolvePod } from './pods.ts';
import { logsHelp } from './texts.ts';

interface LogFollow { follow(onChunk: (text: string) => void): () => void }

interface Source { pod: KObject; container: string }

function query(c: RunContext, container: string): Record<string, string> {
  const q: Record<string, string> = { container };
  if (c.flag<boolean>('follow')) q.follow = 'true';
  if (c.flag<boolean>('previous')) q.previous = 'true';
  if (c.flag<boolean>('timestamps')) q.timestamps = 'true';
  const tail = c.flag<number>('tail');
  if (c.changed('tail') && tail >= 0) q.tailLines = String(tail);
  else if (!c.changed('tail') && c.flag<string>('selector')) q.tailLines = '10';
  const since = sinceSeconds(c);
  if (since !== undefined) q.sinceSeconds = String(since);
  if (c.changed('since-time')) q.sinceTime = c.flag<string>('since-time');
  if (c.changed('limit-bytes')) q.limitBytes = String(c.flag<number>('limit-bytes'));
  return q;
}

/** sinceSeconds is --since as kubectl sends it: rounded to whole seconds (half away from zero), absent when zero. */
function sinceSeconds(c: RunContext): number | undefined {
  const ms = parseSignedDuration(c.flag<string>('since') ?? '') ?? 0;
  if (ms === 0) return undefined;
  return Math.sign(ms) * Math.round(Math.abs(ms) / 1000);
}

/** prefixLines puts [pod/NAME/CONTAINER] before each line, as --prefix does. */
function prefixLines(text: string, prefix: string): string {
  if (!prefix || !text) return text;
  return text.replace(/^(?=.)/gm, `${prefix} `);
}

async function run(c: RunContext): Promise<number> {
  const selector = c.flag<string>('selector');
  if (c.args.length === 0 && !selector) {
    throw new UsageError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  }
  if (c.args.length > 0 && selector) throw new UsageError('only a selector (-l) or a POD name is allowed');
  if (c.args.length > 2) throw new UsageError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  if (c.changed('since') && c.changed('since-time')) throw new UsageError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const ns = c.f.namespace();
  const allContainers = c.flag<boolean>('all-containers');
  let container = c.flag<string>('container');
  if (c.args.length === 2) {
    if (container) throw new UsageError("only one of -c or an inline [CONTAINER] arg is allowed");
    container = c.args[1]!;
  }
  let pods: KObject[];
  if (selector) {
    c.f.discovery().resolve('pods');
    pods = c.f.client().list(R.pods, ns, { labelSelector: selector }).items;
    if (pods.length === 0) c.err(`No resources found in ${ns} namespace.\n`);
  } else pods = [namedPod(c, c.args[0]!, ns)];
  validate(c, container);
  if (pods.length === 0) return 0;
  const prefixWanted = c.flag<boolean>('prefix') || c.flag<boolean>('all-pods');
  const sources: Source[] = [];
  for (const pod of pods) {
    if (allContainers) for (const name of containerNames(pod, true)) sources.push({ pod, container: name });
    else sources.push({ pod, container: container || defaultContainer(c, pod) });
  }
  // kubectl finds each container in the pod's spec before asking for any log
  for (const s of sources) {
    if (!containerNames(s.pod, true).includes(s.container)) throw new Error(`container ${s.container} is not valid for pod ${s.pod.metadata.name}`);
  }
  const maxRequests = c.flag<number>('max-log-requests');
  if (c.flag<boolean>('follow') && sources.length > maxRequests) {
    throw new UsageError(`you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`, 'none');
  }
  const client = c.f.client();
  const follows: LogFollow[] = [];
  const prefixes: string[] = [];
  for (const s of sources) {
    const resp = client.raw({ method: 'GET', path: pathFor(R.pods, s.pod.metadata.namespace ?? ns, s.pod.metadata.name!, 'log'), query: query(c, s.container) });
    if (resp.status >= 300) {
      if (c.flag<boolean>('ignore-errors')) continue;
      throw toStatusError(resp);
    }
    const prefix = prefixWanted ? `[pod/${s.pod.metadata.name}/${s.container}]` : '';
    c.out(prefixLines(String(resp.body ?? ''), prefix));
    const f = (resp as unknown as Partial<LogFollow>).follow ? (resp as unknown as LogFollow) : undefined;
    if (f) {
      follows.push(f);
      prefixes.push(prefix);
    }
  }
  if (!c.flag<boolean>('follow') || follows.length === 0) return 0;
  // Follow every stream until Ctrl-C.
  return new Promise<number>((resolve) => {
    const stops = follows.map((f, i) => f.follow((chunk) => c.out(prefixLines(chunk, prefixes[i]!))));
    const off = c.proc.signal.onInterrupt(() => {
      for (const s of stops) s();
      off();
      resolve(130);
    });
  });
}

/** validate is kubectl's LogsOptions.Validate, which runs once the pods are found. */
function validate(c: RunContext, container: string): void {
  if (c.flag<boolean>('all-containers') && container) throw new Error(`--all-containers=true should not be specified with container name ${container}`);
  if (c.flag<number>('limit-bytes') < 0) throw new Error('--limit-bytes must be greater than 0');
  if ((sinceSeconds(c) ?? 0) < 0) throw new Error('--since must be greater than 0');
  if (c.flag<number>('tail') < -1) throw new Error('--tail must be greater than or equal to -1');
}

/** namedPod is the pod a POD or TYPE/NAME argument leads to; kubectl logs words a missing object its own way. */
function namedPod(c: RunContext, arg: string, ns: string): KObject {
  try {
    return resolvePod(c, arg, ns, 'logs');
  } catch (e) {
    if (isStatusError(e) && e.status.reason === 'NotFound') throw new Error(`error from server (NotFound): ${e.status.message ?? ''} in namespace "${ns}"`);
    throw e;
  }
}

/** logsCommand is `kubectl logs`. */
export const logsCommand: CommandDef = { name: 'logs', group: 'Troubleshooting and Debugging Commands', ...logsHelp, run };
