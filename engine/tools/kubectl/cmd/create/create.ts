import { isStatusError, StatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { errorText } from '../../errors.ts';
import { readManifests, type Manifest } from '../../resource/manifests.ts';
import { checkOutput, dryRun, maybeSaveConfig, printResult, validationMode } from './common.ts';
import { commandFromHelp } from './help.ts';
import { GENERATORS } from './generators.ts';
import { kustomizeBuild } from '../kustomize/build.ts';

/** sourceError is cmdutil.AddSourceToErr: the server's message prefixed with "error when <verb> "<file>": ". */
export function sourceError(verb: string, source: string, e: unknown): unknown {
  if (!isStatusError(e)) return e;
  return new StatusError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message ?? ''}` });
}

/** mappingError is the message for a manifest whose kind the server does not serve. */
export function mappingError(m: Manifest): Error {
  const o = m.obj;
  return new UsageError(
    `resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
    'none',
  );
}

/** manifestsOf reads -f/-k objects (kustomize when -k is given). */
export async function manifestsOf(c: RunContext): Promise<Manifest[]> {
  const files = c.flag<string[]>('filename');
  const k = c.flags.values.has('kustomize') ? c.flag<string>('kustomize') : '';
  if (files.length && k) throw new UsageError('only one of -f or -k can be specified', 'none');
  if (k) {
    return kustomizeBuild(c.f, k).map((obj) => ({ obj, source: k }));
  }
  return readManifests(c.f, files, c.flag<boolean>('recursive'));
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length > 0) throw new UsageError(`Unexpected args: [${c.args.join(' ')}]`);
  const files = c.flag<string[]>('filename');
  if (files.length === 0 && !c.flag<string>('kustomize')) throw new UsageError('must specify one of -f and -k', 'none');
  const d = dryRun(c);
  checkOutput(c);
  const mode = validationMode(c);
  const manifests = await manifestsOf(c);
  if (manifests.length === 0) throw new UsageError('no objects passed to create', 'none');
  const disc = c.f.discovery();
  let failed = 0;
  for (const m of manifests) {
    try {
      const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
      if (!res) throw mappingError(m);
      const ns = res.namespaced ? (m.obj.metadata?.namespace ?? c.f.namespace()) : undefined;
      // the builder gives a namespaced object its namespace before anything is recorded or printed
      const obj = recordChangeCause(c, maybeSaveConfig(c, res.namespaced ? { ...m.obj, metadata: { ...m.obj.metadata, namespace: ns } } : m.obj, true));
      if (res.namespaced && m.obj.metadata?.namespace && c.f.namespaceExplicit() && m.obj.metadata.namespace !== c.f.namespace()) {
        throw new Error(`the namespace from the provided object "${m.obj.metadata.namespace}" does not match the namespace "${c.f.namespace()}". You must pass '--namespace=${m.obj.metadata.namespace}' to perform this operation.`);
      }
      if (d === 'client') {
        printResult(c, obj, 'created', d, { fromServer: false });
        continue;
      }
      let created: KObject;
      try {
        created = c.f.client().create(res, ns, obj, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager'), fieldValidation: mode });
      } catch (e) {
        throw sourceError('creating', m.source, e);
      }
      printResult(c, created, 'created', d, { fromServer: true });
    } catch (e) {
      failed++;
      c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** createCommand is `kubectl create`: -f/-k and the generators. */
export const createCommand: CommandDef = commandFromHelp('create', {
  run,
  hiddenFlags: [RECORD_FLAG],
  group: 'Basic Commands (Beginner)',
  short: 'Create a resource from a file or from stdin',
  subcommands: GENERATORS,
});
