import type { ExecContext } from '../../kubectl/printers/gotemplate/exec.ts';
import { TemplateExecError } from '../../kubectl/printers/gotemplate/funcs.ts';

/** The markers helm's required and fail put around their message, so the engine can find it again. */
const START = 'HELM_ERR_START';
const END = 'HELM_ERR_END';

/** warnWrap marks a message of required or fail (helm's warnWrap). */
export function warnWrap(msg: string): string {
  return `${START}${msg}${END}`;
}

/**
 * execErrorText is text/template's ExecError text: "template: FILE:LINE:COL:
 * executing "NAME" at <NODE>: MESSAGE", the column counted in bytes from 0.
 */
export function execErrorText(e: TemplateExecError): string {
  const ctx = (e as { ctx?: ExecContext }).ctx;
  if (!ctx) return `template: ${e.message}`;
  if (e.pos === undefined) return `template: ${ctx.file}: ${e.message}`;
  const before = ctx.source.slice(0, e.pos);
  const nl = before.lastIndexOf('\n');
  const line = 1 + (before.match(/\n/g) ?? []).length;
  const col = new TextEncoder().encode(nl < 0 ? before : before.slice(nl + 1)).length;
  return `template: ${ctx.file}:${line}:${col}: executing ${JSON.stringify(ctx.exec)} at <${e.at ?? ''}>: ${e.message}`;
}

/**
 * helmExecError is helm's cleanupExecError: a failure of required or fail
 * reads "execution error at (FILE:LINE:COL): MESSAGE"; any other keeps Go's text.
 */
export function helmExecError(e: TemplateExecError): string {
  const text = execErrorText(e);
  const tokens = text.split(': ');
  if (tokens.length < 3) return text;
  const m = new RegExp(`${START}([\\s\\S]*)${END}`).exec(tokens.slice(2).join(': '));
  return m ? `execution error at (${tokens[1]}): ${m[1]}` : text;
}

/** nestedError is how a template function reports the failure of a template it ran (include, tpl). */
export function nestedError(fn: string, e: unknown): never {
  if (e instanceof TemplateExecError) throw new TemplateExecError(`error calling ${fn}: ${execErrorText(e)}`);
  throw e;
}
