import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { strategicMerge } from '../../../../api/strategic-merge.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, maybeSaveConfig, printResult, validationMode, type DryRun } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { enforcedNamespace } from '../create/meta.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { REFERENCE, exposeService, generatePod, restartPolicy } from './pod.ts';
import { attachToPod } from './attach.ts';

/** applyOverrides merges --overrides into the generated object (--override-type merge|strategic|json). */
function applyOverrides(c: RunContext, obj: KObject): KObject {
  const text = c.flag<string>('overrides');
  if (!text) return obj;
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch (e) {
    throw new WrappedError(`error: unable to parse ${JSON.stringify(text)}: ${(e as Error).message}`);
  }
  const type = c.flag<string>('override-type') || 'merge';
  if (type === 'strategic') return strategicMerge(obj, patch, obj.kind ?? '') as KObject;
  if (type === 'merge') return mergePatch(obj, patch) as KObject;
  throw new WrappedError(`unsupported override type ${type}`);
}

/** mergePatch is RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function create(c: RunContext, plural: string, obj: KObject, d: DryRun): KObject {
  if (d === 'client') return obj;
  const res = c.f.discovery().resolve(plural);
  const ns = obj.metadata.namespace ?? c.f.namespace();
  return c.f.client().create(res, ns, obj, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager'), fieldValidation: validationMode(c) });
}

async function run(c: RunContext): Promise<number> {
  const dash = c.dashIndex;
  if (c.args.length === 0 || dash === 0) throw new UsageError('NAME is required for run');
  const image = c.flag<string>('image');
  if (!c.changed('image')) throw new UsageError('required flag(s) "image" not set', 'none');
  if (!image) throw new WrappedError('--image is required');
  if (!REFERENCE.test(image)) throw new WrappedError(`Invalid image name "${image}": invalid reference format`);
  const interactive = c.flag<boolean>('stdin');
  if (c.flag<boolean>('tty') && !interactive) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true');
  if (c.flag<boolean>('expose') && !c.flag<string>('port')) throw new UsageError('--port must be set when exposing a service');
  const restart = restartPolicy(c, interactive);
  const attachMode = c.changed('attach') ? c.flag<boolean>('attach') : interactive;
  const remove = c.flag<boolean>('rm');
  if (!attachMode && remove) throw new UsageError('--rm should only be used for attached containers');
  const d = dryRun(c);
  if (attachMode && d !== 'none') throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pull = c.flag<string>('image-pull-policy');
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new UsageError(`invalid image pull policy: ${pull}`);
  checkOutput(c);
  const name = c.args[0]!;
  const args = c.args.slice(1);
  const ns = enforcedNamespace(c);
  const pod = maybeSaveConfig(c, recordChangeCause(c, applyOverrides(c, generatePod(c, name, args, restart, ns))));
  const out = c.flags.values.has('output') ? c.flag<string>('output') : '';
  const printed: string[] = [];
  if (c.flag<boolean>('expose')) {
    const svc = exposeService(name, Number(c.flag<string>('port')), (pod.metadata.labels ?? {}) as Record<string, string>, ns);
    let made: KObject;
    try {
      made = create(c, 'services', maybeSaveConfig(c, recordChangeCause(c, svc)), d);
    } catch (e) {
      if (isStatusError(e)) throw e;
      throw e;
    }
    if (out === 'yaml') printed.push(printYaml(made), '---\n');
    else if (out === 'json') printed.push(printJson(made, d !== 'client'));
    else printResult(c, made, 'created', d, { fromServer: d !== 'client' });
  }
  const made = create(c, 'pods', pod, d);
  if (attachMode) return attachToPod(c, made, { remove });
  if (out === 'yaml') {
    if (printed.length) printed.push('---\n');
    printed.push(printYaml(made));
    c.out(printed.join(''));
  } else if (out === 'json') {
    printed.push(printJson(made, d !== 'client'));
    c.out(printed.join(''));
  } else {
    printResult(c, made, 'created', d, { fromServer: d !== 'client' });
  }
  return 0;
}

/** runCommand is `kubectl run`. */
export const runCommand = commandFromHelp('run', {
  run,
  hiddenFlags: [RECORD_FLAG],
  group: 'Basic Commands (Beginner)',
  short: 'Run a particular image on the cluster',
  tweaks: { annotations: { type: 'stringArray' }, env: { type: 'stringArray' } },
});
