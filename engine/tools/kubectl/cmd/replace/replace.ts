import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { errorText } from '../../errors.ts';
import { nameOf } from '../../printers/objects.ts';
import { WrappedError, checkOutput, dryRun, maybeSaveConfig, printResult, validationMode } from '../create/common.ts';
import { manifestsOf, mappingError, sourceError } from '../create/create.ts';
import { commandFromHelp } from '../create/help.ts';
import { deletedLine } from '../delete/deleted-line.ts';

async function run(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename');
  if (files.length === 0 && !c.flag<string>('kustomize')) throw new UsageError('must specify one of -f and -k', 'none');
  if (c.args.length) throw new UsageError(`Unexpected args: [${c.args.join(' ')}]`);
  const d = dryRun(c);
  checkOutput(c);
  const force = c.flag<boolean>('force');
  if (force && d !== 'none') throw new WrappedError('--dry-run can not be used when --force is set');
  const mode = validationMode(c);
  const disc = c.f.discovery();
  const client = c.f.client();
  let failed = 0;
  for (const m of await manifestsOf(c)) {
    try {
      const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
      if (!res) throw mappingError(m);
      const ns = res.namespaced ? (m.obj.metadata?.namespace ?? c.f.namespace()) : undefined;
      const name = m.obj.metadata?.name ?? '';
      let obj: KObject = { ...m.obj, metadata: { ...m.obj.metadata, ...(ns ? { namespace: ns } : {}) } };
      obj = maybeSaveConfig(c, obj, true);
      if (force) {
        try {
          client.delete(res, ns, name);
          c.out(deletedLine(res, name, ns, c.flag<number>('grace-period'), 'none'));
        } catch (e) {
          if (!(isStatusError(e) && e.code === 404)) throw e;
        }
        c.proc.sys.runtime.settle();
        const made = client.create(res, ns, obj, { fieldManager: c.flag<string>('field-manager'), fieldValidation: mode });
        printResult(c, made, 'replaced', d, { fromServer: true });
        continue;
      }
      if (d === 'client') {
        printResult(c, obj, 'replaced', d, { fromServer: false });
        continue;
      }
      let made: KObject;
      try {
        made = client.update(res, obj, { dryRun: d === 'server', fieldManager: c.flag<string>('field-manager'), fieldValidation: mode });
      } catch (e) {
        throw sourceError('replacing', m.source, e);
      }
      printResult(c, made, 'replaced', d, { fromServer: true });
    } catch (e) {
      failed++;
      c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
    }
  }
  void nameOf;
  return failed ? 1 : 0;
}

/** replaceCommand is `kubectl replace`. */
export const replaceCommand = commandFromHelp('replace', { run, group: 'Advanced Commands', short: 'Replace a resource by file name or stdin' });
