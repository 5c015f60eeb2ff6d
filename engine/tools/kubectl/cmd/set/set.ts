import { clone, deepEqual } from '../../../../base/deep.ts';
import { parseQuantity } from '../../../../base/quantity.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { CHANGE_CAUSE, RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, printResult } from '../create/common.ts';
import { aggregateError } from '../create/aggregate.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets, type Target } from '../create/targets.ts';
import { splitResourcesAndPairs } from '../label/metadata-map.ts';
import { getPodSpec, nestPatch } from './template.ts';

type Obj = Record<string, unknown>;
type Container = Obj & { name: string };

/** containersOf lists init and regular containers, as set's selectors see them. */
function containersOf(spec: Obj): { list: Container[]; field: 'containers' | 'initContainers' }[] {
  return [
    { list: ((spec.initContainers as Container[] | undefined) ?? []), field: 'initContainers' as const },
    { list: ((spec.containers as Container[] | undefined) ?? []), field: 'containers' as const },
  ];
}

function matchName(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(name);
}

/**
 * updateTemplates runs edit on each target's pod spec (a clone), sends a
 * strategic merge patch of the changed containers and prints "<x> <msg>".
 */
async function updateTemplates(c: RunContext, resources: string[], msg: string, edit: (spec: Obj, t: Target) => Obj | undefined, opts: { always?: boolean } = {}): Promise<number> {
  const local = c.flag<boolean>('local');
  const d = dryRun(c);
  if (local && d === 'server') throw new WrappedError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  checkOutput(c);
  const targets = await resolveTargets(c, resources, { local, allowAll: true });
  const errors: string[] = [];
  for (const t of targets) {
    const obj = clone(t.obj);
    const spec = getPodSpec(obj);
    if (!spec) {
      errors.push(`error: ${t.obj.kind?.toLowerCase()}s${t.res.group ? `.${t.res.group}` : ''}/${t.obj.metadata.name} the object is not a pod or does not have a pod template: *unstructured.Unstructured`);
      continue;
    }
    let specPatch: Obj | undefined;
    try {
      specPatch = edit(spec, t);
    } catch (e) {
      errors.push((e as Error).message);
      continue;
    }
    // --record puts the command line in the same patch, so the rollout's new revision carries it
    const recorded = recordChangeCause(c, obj);
    const cause = recorded.metadata.annotations?.[CHANGE_CAUSE];
    const causePatch = cause !== undefined && cause !== t.obj.metadata.annotations?.[CHANGE_CAUSE] ? { metadata: { annotations: { [CHANGE_CAUSE]: cause } } } : undefined;
    // set image, env and resources say nothing about an object their change leaves as it was
    // (an empty patch), even with --local or --dry-run; set serviceaccount always answers
    if (!specPatch && !causePatch && !opts.always) continue;
    if (local || d === 'client') {
      printResult(c, recorded, msg, d, { fromServer: !local });
      continue;
    }
    const patch = { ...(specPatch ? nestPatch(t.obj.kind ?? '', specPatch) : {}), ...causePatch };
    const after = c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'strategic', patch, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') });
    printResult(c, { ...after, kind: t.obj.kind, apiVersion: t.obj.apiVersion }, msg, d, { fromServer: true });
  }
  if (errors.length) throw aggregateError(errors);
  return 0;
}

function requireResources(c: RunContext, resources: string[]): void {
  if (c.flag<boolean>('all') && c.flags.values.has('selector') && c.flag<string>('selector')) throw new WrappedError('cannot set --all and --selector at the same time');
  if (!resources.length && !c.flag<string[]>('filename').length) throw new WrappedError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
}

async function runImage(c: RunContext): Promise<number> {
  const { resources, pairs } = splitResourcesAndPairs(c.args.filter((a) => !a.endsWith('-') || a.includes('=')), 'image');
  requireResources(c, resources);
  if (!pairs.length) throw new WrappedError('at least one image update is required');
  const images: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    images[p.slice(0, i)] = p.slice(i + 1);
  }
  if ('*' in images && pairs.length > 1) throw new WrappedError('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  return updateTemplates(c, resources, 'image updated', (spec) => {
    const patch: Obj = {};
    for (const [name, image] of Object.entries(images)) {
      let found = false;
      for (const { list, field } of containersOf(spec)) {
        for (const ct of list) {
          if (name !== '*' && ct.name !== name) continue;
          found = true;
          if (ct.image === image) continue;
          ct.image = image;
          ((patch[field] ??= []) as Obj[]).push({ name: ct.name, image });
        }
      }
      if (!found && name !== '*') throw new Error(`error: unable to find container named "${name}"`);
    }
    return Object.keys(patch).length ? patch : undefined;
  });
}

async function runEnv(c: RunContext): Promise<number> {
  const { resources, pairs } = splitResourcesAndPairs(c.args, 'environment');
  pairs.push(...c.flag<string[]>('env'));
  requireResources(c, resources);
  const list = c.flag<boolean>('list');
  const containerSel = c.flag<string>('containers') || '*';
  const overwrite = c.flag<boolean>('overwrite');
  const add: { name: string; value?: string; valueFrom?: Obj }[] = [];
  const remove: string[] = [];
  for (const p of pairs) {
    if (p === '-') continue;
    const i = p.indexOf('=');
    if (i > 0) add.push({ name: p.slice(0, i), value: p.slice(i + 1) });
    else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else throw new WrappedError(`invalid key value pair: ${p}`);
  }
  const from = c.flag<string>('from');
  const prefix = c.flag<string>('prefix');
  const keys = c.flag<string[]>('keys');
  if (keys.length && !from) throw new WrappedError('when specifying --keys, a configmap or secret must be provided with --from');
  if (from) {
    const slash = from.indexOf('/');
    const res = c.f.discovery().resolve(from.slice(0, slash));
    const src = c.f.client().get(res, c.f.namespace(), from.slice(slash + 1));
    const isSecret = res.kind === 'Secret';
    if (res.kind !== 'Secret' && res.kind !== 'ConfigMap') throw new WrappedError('unsupported resource specified in --from');
    for (const k of Object.keys((src.data as Record<string, string> | undefined) ?? {}).sort()) {
      if (keys.length && !keys.includes(k)) continue;
      const envName = `${prefix}${k.toUpperCase().replace(/[-.]/g, '_')}`;
      add.push({ name: envName, valueFrom: { [isSecret ? 'secretKeyRef' : 'configMapKeyRef']: { key: k, name: src.metadata.name } } });
    }
  }
  if (list) {
    const targets = await resolveTargets(c, resources, { allowAll: true });
    for (const t of targets) {
      const spec = getPodSpec(t.obj) ?? {};
      for (const { list: cs } of containersOf(spec)) {
        for (const ct of cs) {
          if (!matchName(containerSel, ct.name)) continue;
          c.out(`# ${t.obj.kind} ${t.obj.metadata.name}, container ${ct.name}\n`);
          for (const e of (ct.env as Obj[] | undefined) ?? []) {
            if (e.valueFrom) c.out(`# ${e.name as string} from ${refString(e.valueFrom as Obj)}\n`);
            else c.out(`${e.name as string}=${(e.value as string) ?? ''}\n`);
          }
        }
      }
    }
    return 0;
  }
  if (!add.length && !remove.length) throw new WrappedError('at least one environment variable must be provided');
  return updateTemplates(c, resources, 'env updated', (spec) => {
    const patch: Obj = {};
    for (const { list: cs, field } of containersOf(spec)) {
      for (const ct of cs) {
        if (!matchName(containerSel, ct.name)) continue;
        const env = [...(((ct.env as Obj[] | undefined) ?? []) as { name: string; value?: string }[])];
        for (const a of add) {
          const i = env.findIndex((e) => e.name === a.name);
          if (i >= 0 && !overwrite) throw new Error(`'${a.name}' already has a value (${env[i]!.value ?? ''}), and --overwrite is false`);
          if (i >= 0) env[i] = a as { name: string };
          else env.push(a as { name: string });
        }
        const next = env.filter((e) => !remove.includes(e.name));
        if (deepEqual(next, ct.env ?? [])) continue;
        const gone = env.filter((e) => remove.includes(e.name)).map((e) => ({ name: e.name, $patch: 'delete' }));
        // An emptied list is dropped (the typed container omits an empty env), so the patch removes the field.
        if (next.length) ct.env = next;
        else delete ct.env;
        // env merges by name: send every entry, and a delete directive for each removed one
        ((patch[field] ??= []) as Obj[]).push({ name: ct.name, env: next.length ? [...next, ...gone] : null });
      }
    }
    return Object.keys(patch).length ? patch : undefined;
  });
}

function refString(v: Obj): string {
  const cm = v.configMapKeyRef as Obj | undefined;
  if (cm) return `configmap ${cm.name as string}, key ${cm.key as string}`;
  const s = v.secretKeyRef as Obj | undefined;
  if (s) return `secret ${s.name as string}, key ${s.key as string}`;
  const f = v.fieldRef as Obj | undefined;
  if (f) return `field path ${f.fieldPath as string}`;
  return 'unknown';
}

function parseResourceList(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!s) return out;
  for (const part of s.split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new WrappedError(`Invalid argument syntax ${part}, expected <resource>=<value>`);
    try {
      out[k] = parseQuantity(v).toString();
    } catch (e) {
      // kubectl reports the quantity's own error, without naming the flag
      throw new WrappedError((e as Error).message);
    }
  }
  return out;
}

async function runResources(c: RunContext): Promise<number> {
  requireResources(c, c.args);
  const limits = parseResourceList(c.flag<string>('limits'));
  const requests = parseResourceList(c.flag<string>('requests'));
  if (!Object.keys(limits).length && !Object.keys(requests).length) throw new WrappedError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const sel = c.flag<string>('containers') || '*';
  return updateTemplates(c, c.args, 'resource requirements updated', (spec) => {
    const patch: Obj = {};
    let found = false;
    for (const { list: cs, field } of containersOf(spec)) {
      for (const ct of cs) {
        if (!matchName(sel, ct.name)) continue;
        found = true;
        const r = { ...((ct.resources as Obj | undefined) ?? {}) };
        if (Object.keys(limits).length) r.limits = { ...((r.limits as Obj | undefined) ?? {}), ...limits };
        if (Object.keys(requests).length) r.requests = { ...((r.requests as Obj | undefined) ?? {}), ...requests };
        if (deepEqual(r, ct.resources ?? {})) continue;
        ct.resources = r;
        ((patch[field] ??= []) as Obj[]).push({ name: ct.name, resources: r });
      }
    }
    if (!found) throw new Error(`error: unable to find container named ${sel}`);
    return Object.keys(patch).length ? patch : undefined;
  });
}

async function runServiceAccount(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename');
  const args = [...c.args];
  if ((files.length && args.length !== 1) || (!files.length && args.length < 2)) throw new UsageError('serviceaccount is required');
  const sa = args.pop()!;
  return updateTemplates(
    c,
    args,
    'serviceaccount updated',
    (spec) => {
      spec.serviceAccountName = sa;
      return { serviceAccountName: sa };
    },
    { always: true },
  );
}


export const setImageCommand = commandFromHelp('set image', { run: runImage, hiddenFlags: [RECORD_FLAG] });
export const setEnvCommand = commandFromHelp('set env', { run: runEnv, tweaks: { env: { type: 'stringArray' }, keys: { type: 'stringSlice' } } });
export const setResourcesCommand = commandFromHelp('set resources', { run: runResources, hiddenFlags: [RECORD_FLAG] });
export const setServiceAccountCommand = commandFromHelp('set serviceaccount', { run: runServiceAccount, hiddenFlags: [RECORD_FLAG] });
