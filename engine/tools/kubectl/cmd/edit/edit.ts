import { parseAllDocuments } from 'yaml';
import type { KObject } from '../../../../api/types.ts';
import { ExitError, UsageError, type RunContext } from '../../cli/command.ts';
import { RECORD_FLAG, recordChangeCause } from '../../cli/record.ts';
import { printYaml, printJson, stripManagedFields, nameOf } from '../../printers/objects.ts';
import { isStatusError } from '../../../../base/errors.ts';
import { WrappedError } from '../create/common.ts';
import { commandFromHelp } from '../create/help.ts';
import { resolveTargets, type Target } from '../create/targets.ts';
import { LAST_APPLIED, sortedJson } from '../apply/last-applied.ts';
import { createMergePatch } from './merge-diff.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;
const APPLY_HEADER = `# Please edit the 'last-applied-configuration' annotations below.
# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** stripComments is cmdutil.StripComments: lines starting with # are dropped. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

function header(reasons: Reason[], apply: boolean): string {
  let h = apply ? APPLY_HEADER : HEADER;
  for (const r of reasons) {
    h += `# ${r.head}${r.other.length ? ':' : ''}\n`;
    for (const o of r.other) h += `# * ${o}\n`;
    h += '#\n';
  }
  return h;
}

function resourceString(t: Target): string {
  return t.res.group ? `${t.res.plural}.${t.res.group}` : t.res.plural;
}

/** runEdit is `kubectl edit` (and `apply edit-last-applied` with lastApplied). */
export async function runEdit(c: RunContext, opts: { lastApplied?: boolean } = {}): Promise<number> {
  if (c.args.length === 0 && c.flag<string[]>('filename').length === 0) {
    throw new UsageError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", 'none');
  }
  const json = c.flag<string>('output') === 'json';
  const targets = await resolveTargets(c, c.args, { allowAll: true });
  if (targets.length === 0) throw new WrappedError('edit cancelled, no objects found');
  const fs = c.proc.fs;
  const render = (objs: unknown[]) => {
    const v = objs.length === 1 ? objs[0] : { apiVersion: 'v1', items: objs, kind: 'List', metadata: {} };
    return json ? printJson(v, true) : printYaml(v);
  };
  const views = targets.map((t) => {
    if (!opts.lastApplied) return stripManagedFields(t.obj);
    const text = t.obj.metadata.annotations?.[LAST_APPLIED];
    if (!text) throw new WrappedError('no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
    return JSON.parse(text) as unknown;
  });
  const original = render(views);
  const digits = String(1_000_000_000 + c.proc.sys.runtime.rand.int(9_000_000_000));
  const path = `/tmp/kubectl-edit-${digits}.${json ? 'json' : 'yaml'}`;
  let reasons: Reason[] = [];
  let body = original;
  let containsError = false;
  for (;;) {
    const before = header(reasons, !!opts.lastApplied) + body;
    if (!fs.exists('/tmp')) fs.mkdir('/tmp', { recursive: true });
    fs.writeFile(path, before);
    await c.proc.sys.editor.edit({ host: c.proc.hostname, path, user: c.proc.user, title: path.slice(5) });
    const edited = fs.exists(path) ? fs.readFile(path) : before;
    if (containsError && stripComments(before) === stripComments(edited)) {
      c.err(`A copy of your changes has been stored to "${path}"\n`);
      throw new WrappedError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(original) === stripComments(edited)) {
      fs.unlink(path);
      c.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    const stripped = stripComments(edited);
    if (stripped.trim() === '') {
      fs.unlink(path);
      c.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    let objs: KObject[];
    try {
      objs = parseDocs(stripped);
    } catch (e) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] }];
      body = stripped.replace(/^\n+/, '');
      continue;
    }
    reasons = [];
    containsError = false;
    let retry = false;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      const edited = objs[i];
      if (!edited) continue;
      // --record annotates what the user saved, so the change-cause rides in the same patch
      const next = opts.lastApplied ? edited : recordChangeCause(c, edited);
      const orig = views[i] as KObject;
      if (!opts.lastApplied && (next.apiVersion !== orig.apiVersion || next.kind !== orig.kind || next.metadata?.name !== orig.metadata.name)) {
        c.err(`A copy of your changes has been stored to "${path}"\n`);
        throw new WrappedError('At least one of apiVersion, kind and name was changed');
      }
      const label = nameOf(t.res.kind, t.res.group, t.obj.metadata.name ?? '');
      try {
        if (opts.lastApplied) {
          if (sortedJson(next) === sortedJson(orig)) continue;
          c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'merge', { metadata: { annotations: { [LAST_APPLIED]: `${sortedJson(next)}\n` } } });
          c.out(`${label} edited\n`);
          continue;
        }
        const patch = createMergePatch(orig, next);
        if (!patch) continue;
        if (patch.metadata && typeof patch.metadata === 'object') delete (patch.metadata as Record<string, unknown>).resourceVersion;
        c.f.client().patch(t.res, t.obj.metadata.namespace, t.obj.metadata.name ?? '', 'merge', patch, { fieldManager: c.flag<string>('field-manager') || 'kubectl-edit' });
        c.out(`${label} edited\n`);
      } catch (e) {
        if (isStatusError(e) && e.status.reason === 'Invalid') {
          reasons.push({ head: `${resourceString(t)} "${t.obj.metadata.name}" was not valid`, other: (e.status.details?.causes ?? []).map((x) => `${x.field ?? ''}: ${x.message ?? ''}`) });
          c.err(`error: ${resourceString(t)} "${t.obj.metadata.name}" is invalid\n`);
          retry = true;
        } else if (isStatusError(e) && e.code === 404) {
          c.err(`error: ${resourceString(t)} "${t.obj.metadata.name}" could not be found on the server\n`);
          c.err(`The edits you made on deleted resources have been saved to "${path}"\n`);
          throw new ExitError(1);
        } else {
          c.err(`error: ${resourceString(t)} "${t.obj.metadata.name}" could not be patched: ${(e as Error).message}\n`);
          c.err(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
          throw new ExitError(1);
        }
      }
    }
    if (!retry) {
      fs.unlink(path);
      return 0;
    }
    containsError = true;
    body = stripped.replace(/^\n+/, '');
  }
}

function parseDocs(text: string): KObject[] {
  const docs = parseAllDocuments(text);
  const out: KObject[] = [];
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    if (d.errors.length) throw new Error(`error converting YAML to JSON: yaml: line ${d.errors[0]!.linePos?.[0]?.line ?? 0}: ${d.errors[0]!.message.split('\n')[0]}`);
    const v = d.toJS() as KObject | null;
    if (!v) continue;
    if (v.kind === 'List' && Array.isArray(v.items)) out.push(...(v.items as KObject[]));
    else out.push(v);
  }
  return out;
}

/** editCommand is `kubectl edit`. */
export const editCommand = commandFromHelp('edit', { run: (c) => runEdit(c), hiddenFlags: [RECORD_FLAG], group: 'Basic Commands (Intermediate)', short: 'Edit a resource on the server' });
