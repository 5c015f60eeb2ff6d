import { isStatusError, type StatusError } from '../../base/errors.ts';
import { ConnectionError } from '../../client/client.ts';
import { FsError } from '../../host/types.ts';
import { ExitError, UsageError } from './cli/command.ts';
import { FlagError } from './cli/flags.ts';
import { KubeconfigError } from './config/kubeconfig.ts';
import { ResourceTypeError } from './discovery.ts';
import { klogHeader } from '../../base/klog.ts';

/**
 * standardErrorMessage is kubectl's StandardErrorMessage + checkErr: how any
 * failure becomes the text kubectl prints on stderr.
 */
export function statusErrorMessage(e: StatusError): string {
  const s = e.status;
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? 'Unauthorized'})`;
  if (s.reason === 'Invalid') {
    const d = s.details;
    let msg = 'The request is invalid';
    if (!d) return s.message ? `${msg}: ${s.message}` : msg;
    if (d.kind || d.name) msg = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
    else if (s.message && !(d.causes ?? []).length) msg += `: ${s.message}`;
    const causes = d.causes ?? [];
    if (causes.length === 0) return msg;
    const errs = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? '')));
    return multilineError(`${msg}: `, errs);
  }
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`;
  return `Error from server: ${s.message ?? ''}`;
}

/** multilineError is cmdutil.MultilineError: one error inline, several as a bulleted list. */
export function multilineError(prefix: string, errs: string[]): string {
  if (errs.length === 1) return `${prefix}${errs[0]}`;
  return `${prefix}\n${errs.map((e) => `* ${e}`).join('\n')}\n`;
}

/** connectionErrorMessage is how kubectl reports a server it cannot reach. */
export function connectionErrorMessage(e: ConnectionError, hostPort: string): string {
  if (e.kind === 'refused') return `The connection to the server ${hostPort} was refused - did you specify the right host or port?`;
  return `Unable to connect to the server: ${e.message}`;
}

/** errorText renders any error kubectl can meet; commandPath is for the usage hint. */
export function errorText(e: unknown, commandPath: string, hostPort: () => string): { text: string; code: number } {
  if (e instanceof ExitError) return { text: '', code: e.code };
  if (e instanceof PlainError) return { text: e.message, code: 1 };
  if (e instanceof FlagError) return { text: `error: ${e.message}\nSee '${commandPath} --help' for usage.`, code: 1 };
  if (e instanceof UsageError) {
    if (e.hint === 'help') return { text: `error: ${e.message}\nSee '${commandPath} -h' for help and examples`, code: 1 };
    return { text: `error: ${e.message}`, code: 1 };
  }
  if (isStatusError(e)) return { text: statusErrorMessage(e), code: 1 };
  if (e instanceof ConnectionError) {
    let hp = '';
    try {
      hp = hostPort();
    } catch {
      hp = 'localhost:8080';
    }
    return { text: connectionErrorMessage(e, hp), code: 1 };
  }
  if (e instanceof ResourceTypeError || e instanceof KubeconfigError) return { text: `error: ${e.message}`, code: 1 };
  if (e instanceof FsError) return { text: `error: open ${e.path}: ${e.message.toLowerCase()}`, code: 1 };
  const msg = e instanceof Error ? e.message : String(e);
  return { text: msg.startsWith('error: ') ? msg : `error: ${msg}`, code: 1 };
}

/** PlainError is printed as it is, without "error: " (several errors of an aggregate, one a line). */
export class PlainError extends Error {}

/** klogError formats a klog error line as kubectl prints them (E<MMDD> <time> <pid> file:line] msg). */
export function klogError(now: number, pid: number, where: string, msg: string): string {
  return `${klogHeader('E', now, pid, where)}${msg}`;
}

/** discoveryFailure is the memcache.go line kubectl logs each time API discovery cannot reach the server. */
export function discoveryFailure(now: number, pid: number, server: string, cause: string): string {
  const msg = `"Unhandled Error" err="couldn't get current server API group list: Get \\"${server}/api?timeout=32s\\": ${cause.replace(/"/g, '\\"')}"`;
  return klogError(now, pid, 'memcache.go:265', msg);
}
