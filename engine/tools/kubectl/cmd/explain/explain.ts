import { ExitError, UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { ResourceTypeError, type ApiResource } from '../../discovery.ts';
import { withDiscovery } from '../root/discovery-failure.ts';
import { output, type Doc } from './render.ts';
import { explainHelp } from './texts.ts';

/** pickResource maps the typed resource (and --api-version) to a served resource, with kubectl's texts. */
function pickResource(c: RunContext, typed: string): ApiResource {
  const d = c.f.discovery();
  let res: ApiResource;
  try {
    res = withDiscovery(c, 2, () => d.resolve(typed));
  } catch (e) {
    if (e instanceof ResourceTypeError) {
      // explain prints this one without kubectl's "error: " prefix.
      c.err(`${e.message}\n`);
      throw new ExitError(1);
    }
    throw e;
  }
  const apiVersion = c.flag<string>('api-version');
  if (!apiVersion) return res;
  const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
  const match = d.all().find((r) => r.plural === res.plural && r.group === group && r.version === version);
  if (!match) throw new Error(`couldn't find resource for "${group}/${version}, Resource=${res.plural}"`);
  return match;
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length === 0) throw new UsageError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.', 'none');
  if (c.args.length > 1) throw new UsageError(`We accept only this format: explain RESOURCE`, 'none');
  const out = c.flag<string>('output');
  if (out !== 'plaintext' && out !== 'plaintext-openapiv2') throw new UsageError(`unsupported output format: ${out}`, 'none');
  const [typed, ...path] = c.args[0]!.split('.');
  const res = pickResource(c, typed!);
  const gv = res.group ? `apis/${res.group}/${res.version}` : `api/${res.version}`;
  const doc = c.f.client().call<Doc>({ method: 'GET', path: `/openapi/v3/${gv}` });
  const schemas = doc.components?.schemas ?? {};
  const root = Object.values(schemas).find((s) =>
    ((s['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[] | undefined) ?? []).some((g) => g.group === res.group && g.version === res.version && g.kind === res.kind),
  );
  let head = '';
  if (res.group) head += `GROUP:      ${res.group}\n`;
  head += `KIND:       ${res.kind}\nVERSION:    ${res.version}\n\n`;
  c.out(head);
  if (!root) throw new Error(`GVK ${res.group}/${res.version}, Kind=${res.kind} not found in OpenAPI schema`);
  const body = output(root, path, c.flag<boolean>('recursive'), new Set(), doc);
  if (!body) throw new Error(`field "${path[path.length - 1]}" does not exist`);
  c.out(`${body}\n`);
  return 0;
}

/** explainCommand is `kubectl explain`: field documentation from the server's OpenAPI v3 documents. */
export const explainCommand: CommandDef = { name: 'explain', group: 'Basic Commands (Intermediate)', ...explainHelp, run };
