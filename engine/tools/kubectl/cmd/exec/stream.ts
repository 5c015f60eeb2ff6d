import { pathFor, toStatusError } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import type { KObject } from '../../../../api/types.ts';
import type { ApiResponse } from '../../../../api/transport.ts';
import type { Readable, Writable } from '../../../../host/streams.ts';
import type { RunContext } from '../../cli/command.ts';

/** StreamSession is the body of a pods/exec or pods/attach answer (status 101): the upgraded connection's streams. */
export interface StreamSession {
  kind: 'ExecSession';
  run(io: { stdin?: Readable; stdout: Writable; stderr: Writable; signal?: unknown }): Promise<number>;
}

/** upgrade asks the apiserver to upgrade a pod's exec or attach subresource (kubectl exec, attach, run -i). */
export function upgrade(c: RunContext, pod: KObject, sub: 'exec' | 'attach', query: Record<string, string | string[]>): ApiResponse {
  return c.f.client().raw({ method: 'POST', path: pathFor(R.pods, pod.metadata.namespace ?? c.f.namespace(), pod.metadata.name!, sub), query });
}

/** refusal is the error kubectl prints for an upgrade that was refused: a Status as such, the kubelet's plain text as an upgrade error. */
export function refusal(resp: ApiResponse): Error {
  if (typeof resp.body === 'string') return new Error(`unable to upgrade connection: ${resp.body}`);
  return toStatusError(resp);
}

/**
 * stream wires the terminal to an upgraded connection until it ends and
 * answers the remote exit code. Without a TTY the remote output is a pipe,
 * not the terminal (ls prints one name per line).
 */
export function stream(c: RunContext, resp: ApiResponse, o: { stdin: boolean; tty: boolean }): Promise<number> {
  const out = c.proc.stdout;
  const err = c.proc.stderr;
  return (resp.body as StreamSession).run({
    ...(o.stdin ? { stdin: c.proc.stdin } : {}),
    stdout: { isTTY: o.tty, write: (s: string) => out.write(s) },
    stderr: { isTTY: o.tty, write: (s: string) => err.write(s) },
    signal: c.proc.signal,
  });
}
