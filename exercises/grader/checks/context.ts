import { Discovery, objectPath, type Resource } from '../discovery.ts';
import type { ApiAccess, GradeTarget } from '../target.ts';
import type { ObjectRef, TextMatch } from '../../pack/types.ts';

/** Outcome is what a check found: pass or fail, and the sentence the learner reads. */
export interface Outcome {
  passed: boolean;
  message: string;
}

/** CheckContext gives a check the cluster and hosts of its exercise. */
export class CheckContext {
  private discoveries = new Map<string, Discovery>();

  constructor(
    readonly target: GradeTarget,
    readonly context: string | undefined,
  ) {}

  /** api is the admin API of the check's cluster. */
  api(context = this.context): ApiAccess {
    const a = this.target.api(context);
    if (!a) throw new CheckError(`no cluster for context ${context}`);
    return a;
  }

  /** resolve finds the resource of an object reference. */
  async resolve(ref: ObjectRef, context = this.context): Promise<Resource> {
    const key = context ?? '';
    let d = this.discoveries.get(key);
    if (!d) this.discoveries.set(key, (d = new Discovery(this.api(context))));
    const r = await d.resolve(ref.kind, ref.apiVersion);
    if (!r) throw new CheckError(`the cluster has no resource type ${ref.kind}`);
    return r;
  }

  /** getObject reads one object; undefined when it does not exist. */
  async getObject(ref: ObjectRef & { name: string }, context = this.context): Promise<{ res: Resource; obj: Record<string, unknown> | undefined }> {
    const res = await this.resolve(ref, context);
    const r = await this.api(context).request({ method: 'GET', path: objectPath(res, ref.namespace ?? 'default', ref.name) });
    if (r.status === 404) return { res, obj: undefined };
    if (r.status !== 200) throw new CheckError(`reading ${describe(res.kind, ref)} failed: ${statusMessage(r.body)}`);
    return { res, obj: r.body as Record<string, unknown> };
  }
}

/** CheckError is a check that could not be evaluated (the cluster cannot answer); it counts as failed. */
export class CheckError extends Error {}

/** describe names an object as learners read it: Role pod-reader in namespace rbac-test. */
export function describe(kind: string, ref: { namespace?: string; name?: string }, namespaced = true): string {
  const ns = namespaced ? ` in namespace ${ref.namespace ?? 'default'}` : '';
  return `${kind}${ref.name ? ` ${ref.name}` : 's'}${ns}`;
}

/** statusMessage extracts the message of a Status answer. */
export function statusMessage(body: unknown): string {
  return (body as { message?: string })?.message ?? JSON.stringify(body);
}

/** matchText returns why a text fails a match, or undefined when it passes. */
export function matchText(actual: string, m: TextMatch): string | undefined {
  if (m.equals !== undefined && actual.trim() !== m.equals.trim()) return `is ${quote(actual)}, expected ${quote(m.equals)}`;
  if (m.contains !== undefined && !actual.includes(m.contains)) return `${quote(actual)} does not contain ${quote(m.contains)}`;
  if (m.notContains !== undefined && actual.includes(m.notContains)) return `still contains ${quote(m.notContains)}`;
  if (m.matches !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(m.matches, 'm');
    } catch {
      return `the check's pattern ${m.matches} is not a valid regular expression`;
    }
    if (!re.test(actual)) return `${quote(actual)} does not match /${m.matches}/`;
  }
  return undefined;
}

/** quote shows a value in a message, shortened and on one line. */
export function quote(s: string): string {
  const one = s.trim().replace(/\n/g, '\\n');
  return `"${one.length > 120 ? `${one.slice(0, 117)}...` : one}"`;
}
