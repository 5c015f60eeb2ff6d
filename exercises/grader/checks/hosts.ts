import type { Check } from '../../pack/types.ts';
import { matchText, quote, type CheckContext, type Outcome } from './context.ts';
import { httpProbe } from '../http-probe.ts';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

/** file passes when a host's file exists (or not) and its content matches. */
export async function checkFile(c: Of<'file'>, ctx: CheckContext): Promise<Outcome> {
  const content = await ctx.target.readFile(c.host, c.path);
  const where = `${c.path} on ${c.host}`;
  const wantExists = c.exists ?? true;
  if (content === undefined) return wantExists ? { passed: false, message: `${where} does not exist` } : { passed: true, message: `${where} does not exist` };
  if (!wantExists) return { passed: false, message: `${where} still exists` };
  const why = matchText(content, c);
  return why ? { passed: false, message: `${where}: content ${why}` } : { passed: true, message: `${where} is as expected` };
}

/** command passes when a command on a host exits as expected and prints what is wanted. */
export async function checkCommand(c: Of<'command'>, ctx: CheckContext): Promise<Outcome> {
  const r = await ctx.target.run(c.host, c.run, c.user);
  const what = `\`${c.run}\` on ${c.host}`;
  if (c.exit !== undefined && r.exit !== c.exit) {
    const err = r.stderr.trim() ? `: ${quote(r.stderr)}` : '';
    return { passed: false, message: `${what} exited with ${r.exit}, expected ${c.exit}${err}` };
  }
  // Commands run at a terminal, where grep and ls colour their output: checks read the text.
  const why = matchText(r.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''), c);
  return why ? { passed: false, message: `${what} printed ${why.replace(/^is /, '')}` } : { passed: true, message: `${what} printed what was expected` };
}

/** http passes when a request from a host answers with the status and body wanted. */
export async function checkHttp(c: Of<'http'>, ctx: CheckContext): Promise<Outcome> {
  const r = await httpProbe(ctx.target, c.host, c.url, c.headers ?? {});
  const what = `a request to ${c.url} from ${c.host}`;
  if ('error' in r) return { passed: false, message: `${what} failed: ${r.error}` };
  if (c.status !== undefined && r.status !== c.status) return { passed: false, message: `${what} answered ${r.status}, expected ${c.status}` };
  const why = matchText(r.body, c);
  return why ? { passed: false, message: `${what} answered a body that ${why}` } : { passed: true, message: `${what} answered ${r.status} as expected` };
}
