import { parseSignedDuration } from '../../cli/flags.ts';
import type { RunContext } from '../../cli/command.ts';
import type { KObject } from '../../../../api/types.ts';
import { WrappedError, checkOutput, printResult } from './common.ts';
import { commandFromHelp } from './help.ts';
import { nameArg } from './meta.ts';

const BOUND_KINDS: Record<string, string> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };

async function run(c: RunContext): Promise<number> {
  const name = nameArg(c);
  checkOutput(c);
  // A negative duration parses (Go's time.ParseDuration) and is refused here, as kubectl does.
  const durMs = parseSignedDuration(c.flag<string>('duration')) ?? 0;
  if (durMs < 0) throw new WrappedError('--duration must be greater than or equal to 0');
  if (durMs % 1000 !== 0) throw new WrappedError('--duration cannot be expressed in units less than seconds');
  const audiences = c.flag<string[]>('audience');
  if (audiences.some((a) => a === '')) throw new WrappedError('--audience must not be an empty string');
  const kind = c.flag<string>('bound-object-kind');
  const bname = c.flag<string>('bound-object-name');
  const buid = c.flag<string>('bound-object-uid');
  if (!kind) {
    if (bname) throw new WrappedError('--bound-object-name can only be set if --bound-object-kind is provided');
    if (buid) throw new WrappedError('--bound-object-uid can only be set if --bound-object-kind is provided');
  } else {
    if (!BOUND_KINDS[kind]) throw new WrappedError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`);
    if (!bname) throw new WrappedError('--bound-object-name is required if --bound-object-kind is provided');
  }
  const spec: Record<string, unknown> = { audiences: audiences.length ? audiences : null };
  if (durMs > 0) spec.expirationSeconds = durMs / 1000;
  if (kind) spec.boundObjectRef = { kind, apiVersion: BOUND_KINDS[kind], name: bname, uid: buid || undefined };
  const body = { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec, status: { token: '', expirationTimestamp: null } };
  const sa = c.f.discovery().resolve('serviceaccounts');
  let resp: KObject;
  try {
    resp = c.f.client().create(sa, c.f.namespace(), body, {}, 'token', name);
  } catch (e) {
    if (e instanceof Error && 'status' in e) throw new WrappedError(`failed to create token: ${e.message}`);
    throw e;
  }
  const token = (resp.status as { token?: string } | undefined)?.token ?? '';
  if (!token) throw new WrappedError('failed to create token: no token in server response');
  if (c.changed('output')) {
    printResult(c, resp, 'created', 'none', { fromServer: true });
    return 0;
  }
  c.out(c.proc.sys.terminal.interactive ? `${token}\n` : token);
  return 0;
}

/** createTokenCommand is `kubectl create token`: a TokenRequest for a service account. */
export const createTokenCommand = commandFromHelp('create token', { run, tweaks: { audience: { type: 'stringArray' } } });
