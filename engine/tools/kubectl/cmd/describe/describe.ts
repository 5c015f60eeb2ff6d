import { isStatusError } from '../../../../base/errors.ts';
import type { KObject } from '../../../../api/types.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { errorText } from '../../errors.ts';
import { parseResourceArgs } from '../../resource/args.ts';
import { readManifests } from '../../resource/manifests.ts';
import { DESCRIBERS } from './describers.ts';
import { searchEvents } from './events.ts';
import { describeGeneric } from './generic.ts';
import { DESCRIBE_HELP } from './help.ts';
import type { DescribeContext } from './types.ts';
import { listSelected } from '../../resource/list-error.ts';
import { listItemsInChunks } from '../../resource/chunks.ts';

function describeOne(c: RunContext, res: ApiResource, obj: KObject): string {
  const client = c.f.client();
  const d: DescribeContext = {
    client,
    now: c.proc.sys.runtime.now,
    showEvents: c.flag<boolean>('show-events'),
    chunkSize: c.flag<number>('chunk-size'),
    events: (o, kind) => searchEvents(client, o, kind, c.flag<number>('chunk-size')),
  };
  const full = { ...obj, apiVersion: obj.apiVersion ?? (res.group ? `${res.group}/${res.version}` : res.version), kind: obj.kind ?? res.kind };
  const describer = DESCRIBERS[`${res.group}/${res.kind}`] ?? describeGeneric;
  return describer(full, d);
}

async function run(c: RunContext): Promise<number> {
  const files = c.flag<string[]>('filename') ?? [];
  if (c.args.length === 0 && files.length === 0) throw new UsageError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.', 'none');
  const client = c.f.client();
  const ns = c.f.namespace();
  const allNs = c.flag<boolean>('all-namespaces');
  const selector = c.flag<string>('selector');
  let first = true;
  let errors = 0;
  const emit = (s: string) => {
    c.out(first ? s : `\n\n${s}`);
    first = false;
  };
  const report = (e: unknown) => {
    errors++;
    c.err(`${errorText(e, c.commandPath, () => c.f.serverHostPort()).text}\n`);
  };
  if (files.length) {
    for (const m of await readManifests(c.f, files, c.flag<boolean>('recursive'))) {
      const res = c.f.discovery().byKind(m.obj.apiVersion, m.obj.kind);
      if (!res) continue;
      try {
        emit(describeOne(c, res, client.get(res, res.namespaced ? (m.obj.metadata.namespace ?? ns) : undefined, m.obj.metadata.name ?? '')));
      } catch (e) {
        report(e);
      }
    }
    return errors ? 1 : 0;
  }
  const selections = parseResourceArgs(c.args, c.f.discovery());
  let any = false;
  for (const sel of selections) {
    const namespace = sel.res.namespaced ? (allNs && sel.names.length === 0 ? undefined : ns) : undefined;
    if (sel.names.length === 0) {
      const opts = selector ? { labelSelector: selector } : {};
      const items = listSelected(() => ({ items: listItemsInChunks(client, sel.res, namespace, opts, c.flag<number>('chunk-size')) }), sel.res, opts).items;
      for (const o of items) {
        emit(describeOne(c, sel.res, o));
        any = true;
      }
      continue;
    }
    for (const name of sel.names) {
      try {
        emit(describeOne(c, sel.res, client.get(sel.res, namespace, name)));
        any = true;
      } catch (e) {
        if (!(isStatusError(e) && e.status.reason === 'NotFound')) throw e;
        // kubectl then describes every object whose name starts with the given one
        const matches = listItemsInChunks(client, sel.res, namespace, {}, c.flag<number>('chunk-size')).filter((o) => (o.metadata.name ?? '').startsWith(name));
        if (matches.length === 0) {
          report(e);
          continue;
        }
        for (const o of matches) c.out(`${describeOne(c, sel.res, o)}\n`);
        any = true;
      }
    }
  }
  if (!any && errors === 0 && selections.every((s) => s.names.length === 0)) {
    // kubectl names the namespace whatever the kind: `describe csr` finds nothing "in default namespace"
    c.err(allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
  }
  return errors ? 1 : 0;
}

/** describeCommand is `kubectl describe`. */
export const describeCommand: CommandDef = { ...DESCRIBE_HELP, name: 'describe', group: 'Troubleshooting and Debugging Commands', run };
