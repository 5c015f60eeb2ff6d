import { parse as parseYaml } from 'yaml';
import type { CommandDef, RunContext } from '../../cli/command.ts';
import { UsageError } from '../../cli/command.ts';
import { printYaml } from '../../printers/objects.ts';
import { WrappedError, dryRun, printResult } from '../create/common.ts';
import { manifestsOf, mappingError } from '../create/create.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets } from '../create/targets.ts';
import { runEdit } from '../edit/edit.ts';
import { LAST_APPLIED, withLastApplied } from './last-applied.ts';

async function runView(c: RunContext): Promise<number> {
  const out = c.flag<string>('output') || 'yaml';
  if (out !== 'yaml' && out !== 'json') throw new WrappedError(`Unexpected -o output mode: ${out}, the flag 'output' must be one of yaml|json`);
  if (c.args.length === 0 && c.flag<string[]>('filename').length === 0) {
    throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  }
  const targets = await resolveTargets(c, c.args, { allowAll: true });
  for (const t of targets) {
    const text = t.obj.metadata.annotations?.[LAST_APPLIED];
    if (!text) throw new WrappedError(`no last-applied-configuration annotation found on resource: ${t.obj.metadata.name}`);
    const value = parseYaml(text) as unknown;
    c.out(out === 'json' ? indentedJson(value) : printYaml(value));
  }
  return 0;
}

/**
 * indentedJson is Go's json.Indent of the annotation with two spaces, which
 * view-last-applied prints (not -o json's four): keys keep their recorded
 * order and <, > and & stay escaped as the annotation holds them.
 */
function indentedJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

async function runSet(c: RunContext): Promise<number> {
  const d = dryRun(c);
  const create = c.flag<boolean>('create-annotation');
  const disc = c.f.discovery();
  for (const m of await manifestsOf(c)) {
    const res = disc.byKind(m.obj.apiVersion ?? '', m.obj.kind ?? '');
    if (!res) throw mappingError(m);
    const ns = res.namespaced ? (m.obj.metadata?.namespace ?? c.f.namespace()) : undefined;
    const live = c.f.client().get(res, ns, m.obj.metadata?.name ?? '');
    if (!live.metadata.annotations?.[LAST_APPLIED] && !create) {
      throw new WrappedError(`no last-applied-configuration annotation found on resource: ${live.metadata.name}, to create the annotation, run the command with --create-annotation`);
    }
    const desired = res.namespaced ? { ...m.obj, metadata: { ...m.obj.metadata, namespace: ns } } : m.obj;
    const ann = withLastApplied(desired).metadata.annotations![LAST_APPLIED]!;
    const after = d === 'client' ? live : c.f.client().patch(res, ns, live.metadata.name ?? '', 'merge', { metadata: { annotations: { [LAST_APPLIED]: ann } } }, { dryRun: d === 'server' });
    printResult(c, { ...after, kind: res.kind }, 'configured', d, { fromServer: true });
  }
  return 0;
}

export const viewLastAppliedCommand: CommandDef = commandFromHelp('apply view-last-applied', { run: runView });
export const setLastAppliedCommand: CommandDef = commandFromHelp('apply set-last-applied', { run: runSet });
export const editLastAppliedCommand: CommandDef = commandFromHelp('apply edit-last-applied', { run: (c) => runEdit(c, { lastApplied: true }) });
