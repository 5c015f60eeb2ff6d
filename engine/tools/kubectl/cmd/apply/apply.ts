import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { nameOf } from '../../printers/objects.ts';
import { readManifests } from '../../resource/manifests.ts';
import { errorText } from '../../errors.ts';
import { threeWayPatch } from './three-way.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** sortedJson is how kubectl serialises the last-applied annotation: compact JSON with sorted keys (unstructured). */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** withLastApplied returns the manifest annotated with its own last-applied configuration. */
export function withLastApplied(obj: KObject): KObject {
  const ann = { ...(obj.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  const clean: KObject = { ...obj, metadata: { ...obj.metadata, annotations: Object.keys(ann).length ? ann : undefined } };
  if (!clean.metadata.annotations) delete clean.metadata.annotations;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...ann, [LAST_APPLIED]: `${sortedJson(clean)}\n` } } };
}

async function run(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename');
  if (files.length === 0) throw new UsageError('must specify one of -f and -k');
  const manifests = await readManifests(c.f, files, c.flag<boolean>('recursive'));
  const client = c.f.client();
  const d = c.f.discovery();
  let failed = 0;
  for (const m of manifests) {
    try {
      const res = d.byKind(m.obj.apiVersion, m.obj.kind);
      if (!res) throw new UsageError(`resource mapping not found for name: "${m.obj.metadata?.name}" namespace: "${m.obj.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${m.obj.kind}" in version "${m.obj.apiVersion}"\nensure CRDs are installed first`, 'none');
      const ns = res.namespaced ? (m.obj.metadata.namespace ?? c.f.namespace()) : undefined;
      const desired = withLastApplied(res.namespaced ? { ...m.obj, metadata: { ...m.obj.metadata, namespace: ns } } : m.obj);
      const label = nameOf(res.kind, res.group, m.obj.metadata.name ?? '');
      let current: KObject | undefined;
      try {
        current = client.get(res, ns, m.obj.metadata.name ?? '');
      } catch (e) {
        if (!(isStatusError(e) && e.code === 404)) throw e;
      }
      if (!current) {
        client.create(res, ns, desired, { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' });
        c.out(`${label} created\n`);
        continue;
      }
      const patch = threeWayPatch(current, desired);
      if (!patch) {
        c.out(`${label} unchanged\n`);
        continue;
      }
      const after = client.patch(res, ns, m.obj.metadata.name ?? '', res.group === '' || !res.kind ? 'strategic' : 'strategic', patch, { fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' });
      c.out(after.metadata.resourceVersion === current.metadata.resourceVersion ? `${label} unchanged\n` : `${label} configured\n`);
    } catch (e) {
      failed++;
      c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** applyCommand is `kubectl apply`. */
export const applyCommand: CommandDef = {
  name: 'apply',
  group: 'Advanced Commands',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice', usage: 'The files that contain the configurations to apply.' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ],
  run,
};
