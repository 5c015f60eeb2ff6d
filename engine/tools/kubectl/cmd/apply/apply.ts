import { isStatusError, StatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { errorText } from '../../errors.ts';
import { WrappedError, checkOutput, dryRun, printResult, validationMode, type DryRun } from '../create/common.ts';
import { manifestsOf, mappingError, sourceError } from '../create/create.ts';
import { commandFromHelp } from '../create/help.ts';
import { apiVersionOf } from '../create/targets.ts';
import { LAST_APPLIED, withLastApplied } from './last-applied.ts';
import { pruneUnlisted } from './prune.ts';
import { threeWayPatch } from './three-way.ts';
import { editLastAppliedCommand, setLastAppliedCommand, viewLastAppliedCommand } from './view-last-applied.ts';

export { LAST_APPLIED, sortedJson, withLastApplied } from './last-applied.ts';

const CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** isCustom tells whether a resource is served from a CustomResourceDefinition (JSON merge patches instead of strategic). */
function isBuiltIn(res: ApiResource): boolean {
  return res.group === '' || !res.group.includes('.') || res.group.endsWith('.k8s.io');
}

function validate(c: RunContext, d: DryRun): void {
  const ss = c.flag<boolean>('server-side');
  if (c.flag<boolean>('force-conflicts') && !ss) throw new WrappedError('--force-conflicts only works with --server-side');
  if (ss && d === 'client') throw new WrappedError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (ss && c.flag<boolean>('force')) throw new WrappedError('--force cannot be used with --server-side');
  if (d === 'server' && c.flag<boolean>('force')) throw new WrappedError('--dry-run=server cannot be used with --force');
  if (c.flag<boolean>('all') && c.flag<string>('selector')) throw new WrappedError('cannot set --all and --selector at the same time');
  if (c.flag<boolean>('prune')) {
    if (c.flag<boolean>('force')) throw new WrappedError('--force cannot be used with --prune');
    if (!c.flag<boolean>('all') && !c.flag<string>('selector')) {
      throw new WrappedError('all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
    }
    if (ss) throw new WrappedError("--prune is in alpha and doesn't currently work on objects created by server-side apply");
  }
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length) throw new UsageError(`Unexpected args: [${c.args.join(' ')}]`);
  const files = c.flag<string[]>('filename');
  if (!files.length && !c.flag<string>('kustomize')) throw new UsageError('error: must specify one of -f and -k', 'none');
  const d = dryRun(c);
  validate(c, d);
  checkOutput(c);
  const mode = validationMode(c);
  const manifests = await manifestsOf(c);
  if (manifests.length === 0) throw new WrappedError('no objects passed to apply');
  const disc = c.f.discovery();
  const client = c.f.client();
  const ss = c.flag<boolean>('server-side');
  const manager = c.changed('field-manager') ? c.flag<string>('field-manager') : ss ? 'kubectl' : 'kubectl-client-side-apply';
  const selector = c.flag<string>('selector');
  const visited: { res: ApiResource; ns?: string; name: string }[] = [];
  let failed = 0;
  for (const m of manifests) {
    try {
      if (m.obj.metadata?.generateName && !m.obj.metadata.name) throw new WrappedError(`from ${m.obj.metadata.generateName}: cannot use generate name with apply`);
      const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
      if (!res) throw mappingError(m);
      const ns = res.namespaced ? (m.obj.metadata?.namespace ?? c.f.namespace()) : undefined;
      if (res.namespaced && m.obj.metadata?.namespace && c.f.namespaceExplicit() && m.obj.metadata.namespace !== c.f.namespace()) {
        throw new WrappedError(`the namespace from the provided object "${m.obj.metadata.namespace}" does not match the namespace "${c.f.namespace()}". You must pass '--namespace=${m.obj.metadata.namespace}' to perform this operation.`);
      }
      const name = m.obj.metadata?.name ?? '';
      if (selector && !matchesSelector(m.obj, selector)) continue;
      visited.push({ res, ns, name });
      // recorded first, so the last-applied configuration carries the change-cause as well
      const desired: KObject = recordChangeCause(c, res.namespaced ? { ...m.obj, metadata: { ...m.obj.metadata, namespace: ns } } : m.obj);
      if (ss) {
        let after: KObject;
        try {
          after = client.patch(res, ns, name, 'apply', desired, { dryRun: d === 'server', fieldManager: manager, force: c.flag<boolean>('force-conflicts'), fieldValidation: mode });
        } catch (e) {
          if (isStatusError(e) && e.code === 409) throw new WrappedError(`${e.message}\n${CONFLICT_HELP}`);
          // an apiserver that cannot create through an apply patch gets a create from the same manager
          if (isStatusError(e) && e.code === 404) after = client.create(res, ns, desired, { dryRun: d === 'server', fieldManager: manager, fieldValidation: mode });
          else throw e;
        }
        printResult(c, after, 'serverside-applied', d, { fromServer: true });
        continue;
      }
      let live: KObject | undefined;
      try {
        live = client.get(res, ns, name);
      } catch (e) {
        if (!(isStatusError(e) && e.code === 404)) throw sourceError('retrieving current configuration of', m.source, e);
      }
      const annotated = withLastApplied(desired);
      if (!live) {
        if (d === 'client') {
          printResult(c, annotated, 'created', d, { fromServer: false });
          continue;
        }
        let made: KObject;
        try {
          made = client.create(res, ns, annotated, { dryRun: d === 'server', fieldManager: manager, fieldValidation: mode });
        } catch (e) {
          throw sourceError('creating', m.source, e);
        }
        printResult(c, made, 'created', d, { fromServer: true });
        continue;
      }
      if (d !== 'client' && !live.metadata.annotations?.[LAST_APPLIED]) {
        c.err(`Warning: resource ${res.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
      }
      const patch = threeWayPatch(live, annotated, isBuiltIn(res));
      if (!patch) {
        printResult(c, { ...live, kind: res.kind, apiVersion: apiVersionOf(res) }, 'unchanged', d, { fromServer: true });
        continue;
      }
      if (d === 'client') {
        printResult(c, { ...live, kind: res.kind, apiVersion: apiVersionOf(res) }, 'configured', d, { fromServer: true });
        continue;
      }
      let after: KObject;
      try {
        after = client.patch(res, ns, name, isBuiltIn(res) ? 'strategic' : 'merge', patch, { dryRun: d === 'server', fieldManager: manager, fieldValidation: mode });
      } catch (e) {
        if (isStatusError(e)) throw new StatusError({ ...e.status, message: `error when applying patch:\n${JSON.stringify(patch)}\nto:\nResource: "${res.group}/${res.version}, Resource=${res.plural}", GroupVersionKind: "${res.group}/${res.version}, Kind=${res.kind}"\nName: "${name}", Namespace: "${ns ?? ''}"\nfor: "${m.source}": ${e.status.message ?? ''}` });
        throw e;
      }
      printResult(c, after, 'configured', d, { fromServer: true });
    } catch (e) {
      failed++;
      c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    }
  }
  if (c.flag<boolean>('prune') && !failed) pruneUnlisted(c, visited, d);
  return failed ? 1 : 0;
}

/** matchesSelector applies -l to a manifest's labels (equality requirements). */
function matchesSelector(obj: KObject, sel: string): boolean {
  const labels = obj.metadata?.labels ?? {};
  return sel.split(',').every((req) => {
    const neq = req.split('!=');
    if (neq.length === 2) return labels[neq[0]!.trim()] !== neq[1]!.trim();
    const eq = req.split(/==?/);
    if (eq.length === 2) return labels[eq[0]!.trim()] === eq[1]!.trim();
    return req.trim() in labels;
  });
}

/** applyCommand is `kubectl apply` with its last-applied subcommands. */
export const applyCommand: CommandDef = commandFromHelp('apply', {
  run,
  hiddenFlags: [RECORD_FLAG],
  group: 'Advanced Commands',
  short: 'Apply a configuration to a resource by file name or stdin',
  subcommands: [editLastAppliedCommand, setLastAppliedCommand, viewLastAppliedCommand],
});
