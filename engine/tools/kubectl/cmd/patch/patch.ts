import { parse as parseYaml } from 'yaml';
import type { KObject } from '../../../../api/types.ts';
import { strategicMerge } from '../../../../api/strategic-merge.ts';
import { UsageError, type RunContext } from '../../cli/command.ts';
import { RECORD_FLAG, recordPatch } from '../../cli/record.ts';
import { WrappedError, checkOutput, dryRun, printResult } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets } from '../create/targets.ts';
import { mergePatch } from '../run/run.ts';
import { applyJsonPatch } from './json-patch.ts';

/**
 * parsePatch is apimachinery's yaml.ToJSON: text that starts with "{" is taken
 * as JSON and sent as written (a broken one is the server's to refuse, as a
 * string here), anything else is read as YAML.
 */
function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (text.trimStart().startsWith('{')) return text;
    try {
      return parseYaml(text);
    } catch (e) {
      throw new WrappedError(`unable to parse "${text}": ${(e as Error).message}`);
    }
  }
}

async function run(c: RunContext): Promise<number> {
  const p = c.flag<string>('patch');
  const pf = c.flag<string>('patch-file');
  if (p && pf) throw new WrappedError('--patch and --patch-file cannot be used together');
  if (!p && !pf) throw new WrappedError('must specify --patch or --patch-file containing the contents of the patch');
  const type = c.flag<string>('type');
  if (!['json', 'merge', 'strategic'].includes(type)) throw new WrappedError(`--type must be one of [json merge strategic], not "${type}"`);
  const local = c.flag<boolean>('local');
  const d = dryRun(c);
  if (local && d === 'server') throw new WrappedError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  checkOutput(c);
  const text = pf ? c.f.proc.fs.readFile(c.f.abs(pf)) : p;
  const patch = parsePatch(text);
  const rawJson = typeof patch === 'string' && text.trimStart().startsWith('{');
  if (!rawJson && (patch === null || typeof patch !== 'object')) throw new WrappedError(`unable to parse "${text}": json: cannot unmarshal into Go value`);
  const files = c.flag<string[]>('filename');
  if (c.args.length === 0 && files.length === 0) {
    throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  }
  const targets = await resolveTargets(c, c.args, { local });
  const sub = c.flag<string>('subresource');
  for (const t of targets) {
    if (local || d === 'client') {
      if (rawJson) throw new WrappedError('invalid JSON document');
      let out: unknown;
      if (type === 'json') out = applyJsonPatch(t.obj, patch);
      else if (type === 'merge') out = mergePatch(t.obj, patch);
      else out = strategicMerge(t.obj, patch, t.obj.kind ?? '');
      printResult(c, out as KObject, 'patched', d, { fromServer: !local });
      continue;
    }
    const before = sub ? c.f.client().get(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', sub) : t.obj;
    let after = c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', type as 'json', patch, { sub: sub || undefined, dryRun: d === 'server', fieldManager: c.flag<string>('field-manager') });
    const recorded = recordPatch(c, t.res, after);
    const changed = after.metadata?.resourceVersion !== before.metadata?.resourceVersion || d === 'server';
    // a server dry run prints like a real patch, without the dry-run suffix
    const shownDry = d === 'server' ? 'none' : d;
    if (recorded) after = recorded;
    printResult(c, { ...after, kind: t.obj.kind, apiVersion: t.obj.apiVersion }, changed ? 'patched' : 'patched (no change)', shownDry, { fromServer: true });
  }
  return 0;
}

/** patchCommand is `kubectl patch`. */
export const patchCommand = commandFromHelp('patch', { run, hiddenFlags: [RECORD_FLAG], group: 'Advanced Commands', short: 'Update fields of a resource' });
