import { toStatusError } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import { Collector, StringReader } from '../../../../host/streams.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { defaultContainer } from '../logs/pods.ts';
import { cpHelp } from './texts.ts';
import { upgrade, type StreamSession } from '../exec/stream.ts';

/** remoteSpec splits [namespace/]pod:path; undefined for a local path. */
function remoteSpec(spec: string, ns: string): { ns: string; pod: string; path: string } | undefined {
  const i = spec.indexOf(':');
  if (i <= 0 || spec.startsWith('/') || spec.startsWith('.')) return undefined;
  const left = spec.slice(0, i);
  const slash = left.indexOf('/');
  return slash >= 0 ? { ns: left.slice(0, slash), pod: left.slice(slash + 1), path: spec.slice(i + 1) } : { ns, pod: left, path: spec.slice(i + 1) };
}

async function execIn(c: RunContext, ns: string, pod: string, command: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const client = c.f.client();
  const p = client.get(R.pods, ns, pod);
  const container = c.flag<string>('container') || defaultContainer(c, p);
  const query: Record<string, string | string[]> = { command, container, stdout: 'true', stderr: 'true' };
  if (stdin !== undefined) query.stdin = 'true';
  const resp = upgrade(c, p, 'exec', query);
  if (resp.status >= 300) throw toStatusError(resp);
  const out = new Collector();
  const err = new Collector();
  const code = await (resp.body as StreamSession).run({ stdin: stdin === undefined ? undefined : new StringReader(stdin), stdout: out, stderr: err });
  return { code, out: out.text, err: err.text };
}

/**
 * run copies one file between the host and a container through exec, as
 * kubectl does with tar; directories are not supported here.
 */
async function run(c: RunContext): Promise<number> {
  if (c.args.length < 2) throw new UsageError('source and destination are required', 'none');
  const [src, dest] = c.args as [string, string];
  const ns = c.f.namespace();
  const from = remoteSpec(src, ns);
  const to = remoteSpec(dest, ns);
  if (from && to) throw new UsageError('one of src or dest must be a local file specification', 'none');
  if (!from && !to) throw new UsageError('one of src or dest must be a remote file specification', 'none');
  if (from) {
    if (!from.path) throw new UsageError('filepath can not be empty', 'none');
    const r = await execIn(c, from.ns, from.pod, ['cat', from.path]);
    if (r.code !== 0) {
      c.err(`tar: ${from.path.replace(/^\//, '')}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`);
      return 0;
    }
    if (from.path.startsWith('/')) c.err("tar: Removing leading `/' from member names\n");
    let target = c.f.abs(dest);
    if (c.proc.fs.exists(target) && c.proc.fs.stat(target).type === 'dir') target = `${target.replace(/\/$/, '')}/${from.path.split('/').pop()}`;
    c.proc.fs.writeFile(target, r.out);
    return 0;
  }
  const local = c.f.abs(src);
  if (!c.proc.fs.exists(local)) throw new Error(`${src} doesn't exist in local filesystem`);
  const text = c.proc.fs.readFile(local);
  const r = await execIn(c, to!.ns, to!.pod, ['sh', '-c', `cat > '${to!.path.replace(/'/g, "'\\''")}'`], text);
  if (r.code !== 0) c.err(r.err);
  return r.code === 0 ? 0 : 1;
}

/** cpCommand is `kubectl cp` (single files). */
export const cpCommand: CommandDef = { name: 'cp', group: 'Troubleshooting and Debugging Commands', ...cpHelp, run };
