import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { strategicMerge } from '../../../../api/strategic-merge.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { parseDuration } from '../../cli/flags.ts';
import { WrappedError, checkOutput, dryRun, maybeSaveConfig, printResult, validationMode, type DryRun } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { enforcedNamespace } from '../create/meta.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { REFERENCE, exposeService, generatePod, restartPolicy } from './pod.ts';
import { stream, upgrade } from '../exec/stream.ts';

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

/** waitForPod polls the pod on the simulated clock until ready(pod) or the timeout. */
async function waitForPod(c: RunContext, ns: string, name: string, ready: (p: KObject) => boolean, timeoutMs: number): Promise<KObject | undefined> {
  const res = c.f.discovery().resolve('pods');
  const deadline = c.proc.sys.runtime.now + timeoutMs;
  for (;;) {
    const p = c.f.client().get(res, ns, name);
    if (ready(p)) return p;
    if (c.proc.sys.runtime.now >= deadline) return undefined;
    if (!(await c.proc.sys.sleep(1000, c.proc.signal))) return undefined;
  }
}

const phase = (p: KObject) => (p.status as { phase?: string } | undefined)?.phase ?? 'Pending';

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash']);

/**
 * attach follows `kubectl run -i/--attach`: once the pod leaves Pending, the
 * terminal joins the container's process through pods/attach (typed lines
 * reach a shell's prompt; Ctrl-D or `exit` ends it); a pod that is already
 * done shows its log instead. Then --rm deletes the pod.
 */
async function attach(c: RunContext, pod: KObject, remove: boolean): Promise<number> {
  const ns = pod.metadata.namespace ?? c.f.namespace();
  const name = pod.metadata.name ?? '';
  const timeout = parseDuration(c.flag<string>('pod-running-timeout')) ?? 60_000;
  const running = await waitForPod(c, ns, name, (p) => phase(p) !== 'Pending', timeout);
  if (!running) {
    c.err('error: timed out waiting for the condition\n');
    return 1;
  }
  const interactive = c.flag<boolean>('stdin');
  const tty = c.flag<boolean>('tty') && interactive;
  const container = ((running.spec as { containers?: { name: string; args?: string[]; command?: string[] }[] } | undefined)?.containers ?? [])[0];
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  const res = c.f.discovery().resolve('pods');
  const logs = () => {
    try {
      const resp = c.f.client().raw({ method: 'GET', path: `/api/v1/namespaces/${ns}/pods/${name}/log` });
      if (resp.status < 300 && typeof resp.body === 'string') return resp.body;
    } catch {
      // logs are best effort: the container may be gone already
    }
    return '';
  };
  let attached = false;
  if (phase(running) === 'Running') {
    if (interactive && !c.flag<boolean>('quiet')) c.err("If you don't see a command prompt, try pressing enter.\n");
    // A shell's first prompt is not seen (hence "try pressing enter"); what a quick command printed already is shown.
    const earlier = tty && (argv.length === 0 || SHELLS.has(argv[0]!)) ? '' : logs();
    const resp = upgrade(c, running, 'attach', { container: container?.name ?? name, stdin: String(interactive), stdout: 'true', stderr: String(!tty), tty: String(tty) });
    if (resp.status !== 101) {
      const message = (resp.body as { message?: string } | undefined)?.message ?? String(resp.body);
      c.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${message}\n`);
    } else {
      attached = true;
      c.out(earlier);
      await stream(c, resp, { stdin: interactive, tty });
    }
  }
  // The pod finishes once its container has; a client that left a still running container does not wait for it.
  const done = await waitForPod(c, ns, name, (p) => ['Succeeded', 'Failed'].includes(phase(p)), attached ? 30_000 : 24 * 3600_000);
  if (!attached) c.out(logs());
  let code = 0;
  if (done && phase(done) === 'Failed') code = 1;
  if (remove) {
    c.f.client().delete(res, ns, name);
    c.out(`pod "${name}" deleted\n`);
  }
  if (done && phase(done) === 'Failed') c.err(`pod ${ns}/${name} terminated (Error)\n`);
  return code;
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
  const pod = maybeSaveConfig(c, applyOverrides(c, generatePod(c, name, args, restart, ns)));
  const out = c.flags.values.has('output') ? c.flag<string>('output') : '';
  const printed: string[] = [];
  if (c.flag<boolean>('expose')) {
    const svc = exposeService(name, Number(c.flag<string>('port')), (pod.metadata.labels ?? {}) as Record<string, string>, ns);
    let made: KObject;
    try {
      made = create(c, 'services', maybeSaveConfig(c, svc), d);
    } catch (e) {
      if (isStatusError(e)) throw e;
      throw e;
    }
    if (out === 'yaml') printed.push(printYaml(made), '---\n');
    else if (out === 'json') printed.push(printJson(made, d !== 'client'));
    else printResult(c, made, 'created', d, { fromServer: d !== 'client' });
  }
  const made = create(c, 'pods', pod, d);
  if (attachMode) return attach(c, made, remove);
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
  group: 'Basic Commands (Beginner)',
  short: 'Run a particular image on the cluster',
  tweaks: { annotations: { type: 'stringArray' }, env: { type: 'stringArray' } },
});
