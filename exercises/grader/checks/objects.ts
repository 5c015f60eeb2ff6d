import type { Check } from '../../pack/types.ts';
import { queryJsonPath, evalJsonPath, JsonPathError } from '../jsonpath.ts';
import { objectPath } from '../discovery.ts';
import { CheckError, describe, matchText, statusMessage, type CheckContext, type Outcome } from './context.ts';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

/** exists passes when the object is there. */
export async function checkExists(c: Of<'exists'>, ctx: CheckContext): Promise<Outcome> {
  const { res, obj } = await ctx.getObject(c.object, c.context);
  const what = describe(res.kind, c.object, res.namespaced);
  return obj ? { passed: true, message: `${what} exists` } : { passed: false, message: `${what} does not exist` };
}

/** absent passes when the object is gone (or being deleted). */
export async function checkAbsent(c: Of<'absent'>, ctx: CheckContext): Promise<Outcome> {
  const { res, obj } = await ctx.getObject(c.object, c.context);
  const what = describe(res.kind, c.object, res.namespaced);
  if (!obj) return { passed: true, message: `${what} is gone` };
  const deleting = (obj.metadata as { deletionTimestamp?: string }).deletionTimestamp;
  return deleting ? { passed: true, message: `${what} is being deleted` } : { passed: false, message: `${what} still exists` };
}

/** jsonpath passes when the value at a path of the object matches. */
export async function checkJsonPath(c: Of<'jsonpath'>, ctx: CheckContext): Promise<Outcome> {
  const { res, obj } = await ctx.getObject(c.object, c.context);
  const what = describe(res.kind, c.object, res.namespaced);
  if (!obj) return { passed: false, message: `${what} does not exist` };
  let value: string;
  try {
    value = evalJsonPath(c.path, obj);
  } catch (e) {
    if (e instanceof JsonPathError) throw new CheckError(`the check's path ${c.path} is invalid: ${e.message}`);
    throw e;
  }
  const why = matchText(value, c);
  const path = /^\{[^{}]*\}$/.test(c.path) ? c.path.slice(1, -1) : c.path;
  if (why) return { passed: false, message: value === '' ? `${what} has no value at ${path}` : `${what}: ${path} ${why}` };
  return { passed: true, message: `${what}: ${path} is ${JSON.stringify(value)}` };
}

/** count passes when the number of matching objects is within bounds. */
export async function checkCount(c: Of<'count'>, ctx: CheckContext): Promise<Outcome> {
  const res = await ctx.resolve(c.object, c.context);
  const query: Record<string, string> = {};
  if (c.selector) query.labelSelector = c.selector;
  if (c.fieldSelector) query.fieldSelector = c.fieldSelector;
  const r = await ctx.api(c.context).request({ method: 'GET', path: objectPath(res, c.object.namespace, undefined), query });
  if (r.status !== 200) throw new CheckError(`listing ${res.plural} failed: ${statusMessage(r.body)}`);
  let items = ((r.body as { items?: Record<string, unknown>[] }).items ?? []).filter((o) => !(o.metadata as { deletionTimestamp?: string }).deletionTimestamp);
  if (c.object.name) items = items.filter((o) => (o.metadata as { name: string }).name.startsWith(c.object.name!));
  const n = items.length;
  const where = `${res.plural}${c.object.namespace && res.namespaced ? ` in namespace ${c.object.namespace}` : ''}${c.selector ? ` with labels ${c.selector}` : ''}${c.fieldSelector ? ` with fields ${c.fieldSelector}` : ''}`;
  const want = c.equals !== undefined ? `exactly ${c.equals}` : [c.min !== undefined ? `at least ${c.min}` : '', c.max !== undefined ? `at most ${c.max}` : ''].filter(Boolean).join(' and ');
  const ok = (c.equals === undefined || n === c.equals) && (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
  return { passed: ok, message: `found ${n} ${where}${ok ? '' : `, expected ${want || 'some'}`}` };
}

/** condition passes when an object's status condition has the wanted status. */
export async function checkCondition(c: Of<'condition'>, ctx: CheckContext): Promise<Outcome> {
  const { res, obj } = await ctx.getObject(c.object, c.context);
  const what = describe(res.kind, c.object, res.namespaced);
  if (!obj) return { passed: false, message: `${what} does not exist` };
  const want = c.status ?? 'True';
  const cond = queryJsonPath(`.status.conditions[?(@.type=="${c.condition}")]`, obj)[0] as { status?: string; reason?: string; message?: string } | undefined;
  if (!cond) return { passed: false, message: `${what} has no ${c.condition} condition yet` };
  if (cond.status === want) return { passed: true, message: `${what} is ${c.condition}=${want}` };
  const why = [cond.reason, cond.message].filter(Boolean).join(': ');
  return { passed: false, message: `${what} is ${c.condition}=${cond.status}${why ? ` (${why})` : ''}, expected ${want}` };
}
