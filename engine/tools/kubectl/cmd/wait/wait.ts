import type { KObject } from '../../../../api/types.ts';
import { isStatusError } from '../../../../base/errors.ts';
import type { ApiResource } from '../../discovery.ts';
import { parseSignedDuration } from '../../cli/flags.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { nameOf } from '../../printers/objects.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { conditionMet, parseFor, type WaitFor } from './condition.ts';
import { waitHelp } from './texts.ts';
import { listSelected } from '../../resource/list-error.ts';

const WEEK_MS = 7 * 24 * 3_600_000;

export interface Target { res: ApiResource; ns: string | undefined; name: string; uid?: string }

function fetch(c: RunContext, t: Target): KObject | undefined {
  try {
    const o = c.f.client().get(t.res, t.ns, t.name);
    return t.uid && o.metadata.uid !== t.uid ? undefined : o;
  } catch (e) {
    if (isStatusError(e) && e.status.code === 404) return undefined;
    throw e;
  }
}

/** waitOne resolves true once the object satisfies w, false when the timeout passes first. */
export function waitOne(c: RunContext, t: Target, w: WaitFor, timeoutMs: number): Promise<boolean> {
  const done = (o: KObject | undefined) => (w.kind === 'delete' ? o === undefined : o !== undefined && conditionMet(o, w));
  if (done(fetch(c, t))) return Promise.resolve(true);
  if (timeoutMs <= 0) return Promise.resolve(false);
  const rt = c.proc.sys.runtime;
  return new Promise((resolve) => {
    let finished = false;
    const finish = (ok: boolean) => {
      if (finished) return;
      finished = true;
      timer.cancel();
      stream?.stop();
      off();
      resolve(ok);
    };
    const timer = rt.after(timeoutMs, () => finish(false), 'kubectl-wait-timeout');
    const off = c.proc.signal.onInterrupt(() => finish(false));
    const stream = c.f.client().watch(t.res, t.ns, { fieldSelector: `metadata.name=${t.name}` }, () => {
      if (done(fetch(c, t))) finish(true);
    }, () => {});
  });
}

async function run(c: RunContext): Promise<number> {
  const w = parseFor(c.flag<string>('for') ?? '');
  const given = parseSignedDuration(c.flag<string>('timeout') ?? '30s') ?? 30_000;
  // As the flag's help says: zero checks once, a negative timeout waits for a week.
  const timeoutMs = given < 0 ? WEEK_MS : given;
  const selector = c.flag<string>('selector');
  const all = c.flag<boolean>('all');
  const allNs = c.flag<boolean>('all-namespaces');
  const ns = c.f.namespace();
  const d = c.f.discovery();
  const targets: Target[] = [];
  const sels = parseResourceArgs(c.args, d);
  if (sels.length === 0) throw new UsageError('resource(s) were provided, but no name was specified', 'none');
  for (const s of sels) {
    const tns = s.res.namespaced ? (allNs ? undefined : ns) : undefined;
    if (s.names.length) {
      for (const name of s.names) {
        const o = fetch(c, { res: s.res, ns: tns, name });
        // A missing object is an error (NotFound) unless waiting for its deletion or creation.
        if (!o && w.kind !== 'delete' && w.kind !== 'create') c.f.client().get(s.res, tns, name);
        if (!o && w.kind === 'delete') continue;
        targets.push({ res: s.res, ns: tns, name, uid: o?.metadata.uid });
      }
    } else if (selector || all || c.flag<string>('field-selector')) {
      const opts = { labelSelector: selector, fieldSelector: c.flag<string>('field-selector') || undefined };
      const items = listSelected(() => c.f.client().list(s.res, tns, opts), s.res, opts).items;
      for (const o of items) targets.push({ res: s.res, ns: o.metadata.namespace ?? tns, name: o.metadata.name!, uid: o.metadata.uid });
    } else throw new UsageError('resource(s) were provided, but no name was specified', 'none');
  }
  if (targets.length === 0 && w.kind !== 'delete') throw new Error('no matching resources found');
  for (const t of targets) {
    const ok = await waitOne(c, t, w, timeoutMs);
    const printed = nameOf(t.res.kind, t.res.group, t.name);
    if (ok) c.out(`${printed} ${w.kind === 'delete' ? 'deleted' : 'condition met'}\n`);
    else {
      c.err(`error: timed out waiting for the condition on ${t.res.plural}/${t.name}\n`);
      return 1;
    }
  }
  return 0;
}

/** waitCommand is `kubectl wait`. */
export const waitCommand: CommandDef = { name: 'wait', group: 'Advanced Commands', ...waitHelp, run };
