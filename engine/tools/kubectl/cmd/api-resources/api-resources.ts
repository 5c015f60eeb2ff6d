import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import type { ApiResource } from '../../discovery.ts';
import { TabWriter } from '../../printers/tabwriter.ts';
import { printJson, printYaml } from '../../printers/objects.ts';

/** OUTPUTS are api-resources' formats in kubectl 1.34 (json and yaml print the APIResourceList). */
const OUTPUTS = ['json', 'yaml', 'name', 'wide'];

/** resourceList is the flat metav1.APIResourceList kubectl 1.34 prints with -o json/yaml, its fields in the Go structs' order. */
function resourceList(rs: readonly ApiResource[]): Record<string, unknown> {
  const resources = rs.map((r) => {
    const o: Record<string, unknown> = { name: r.plural, singularName: r.singular, namespaced: r.namespaced };
    if (r.group) o.group = r.group;
    if (r.version) o.version = r.version;
    o.kind = r.kind;
    o.verbs = r.verbs;
    if (r.shortNames.length) o.shortNames = r.shortNames;
    if (r.categories.length) o.categories = r.categories;
    return o;
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: '', resources };
}

/**
 * sortResources is api-resources' order: by group ("" first), by name or by
 * kind, ties broken by name (a stable sort, as kubectl's).
 */
function sortResources(rs: readonly ApiResource[], by: string): ApiResource[] {
  const key = (r: ApiResource) => (by === 'name' ? r.plural : by === 'kind' ? r.kind : r.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rs].sort((a, b) => cmp(key(a), key(b)) || cmp(a.plural, b.plural));
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length > 0) throw new UsageError(`unexpected arguments: [${c.args.join(' ')}]`, 'help');
  const output = c.flag<string>('output');
  if (output !== '' && !OUTPUTS.includes(output)) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...OUTPUTS].sort().join(',')}`, 'none');
  }
  const sortBy = c.flag<string>('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new UsageError('--sort-by accepts only name or kind', 'none');
  const discovery = c.f.discovery();
  // Unless --cached, api-resources asks the server afresh (and refills the disk cache).
  if (!c.flag<boolean>('cached')) discovery.refresh();
  let rs = serverPreferred(discovery.all());
  if (c.changed('api-group')) rs = rs.filter((r) => r.group === c.flag<string>('api-group'));
  if (c.changed('namespaced')) rs = rs.filter((r) => r.namespaced === c.flag<boolean>('namespaced'));
  const verbs = c.flag<string[]>('verbs') ?? [];
  if (verbs.length) rs = rs.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const cats = c.flag<string[]>('categories') ?? [];
  if (cats.length) rs = rs.filter((r) => cats.every((v) => r.categories.includes(v)));
  rs = sortResources(rs, sortBy);
  if (output === 'json' || output === 'yaml') {
    const list = resourceList(rs);
    c.out(output === 'json' ? printJson(list, false) : printYaml(list));
    return 0;
  }
  if (output === 'name') {
    for (const r of rs) c.out(r.group ? `${r.plural}.${r.group}\n` : `${r.plural}\n`);
    return 0;
  }
  const tw = new TabWriter();
  const wide = output === 'wide';
  if (!c.flag<boolean>('no-headers')) tw.writeRow(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
  for (const r of rs) {
    const row = [r.plural, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
    if (wide) row.push(r.verbs.join(','), r.categories.join(','));
    tw.writeRow(row);
  }
  c.out(tw.flush());
  return 0;
}

/** apiResourcesCommand is `kubectl api-resources`. */
export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  group: 'Other Commands',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  example: `  # Print the supported API resources
  kubectl api-resources
  
  # Print the supported API resources with more information
  kubectl api-resources -o wide
  
  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name
  
  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true
  
  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false
  
  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  use: 'api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, wide).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', usage: 'Limit to resources that support the specified verbs.' },
  ],
  run,
};

/**
 * serverPreferred is client-go's ServerPreferredResources: each group's
 * resources in its preferred version, plus those only its other versions
 * serve (a kind still in beta only, like the Gateway API's ReferenceGrant).
 */
function serverPreferred<T extends { group: string; plural: string; preferred: boolean }>(all: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of [...all.filter((x) => x.preferred), ...all.filter((x) => !x.preferred)]) {
    const key = `${r.group}/${r.plural}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
