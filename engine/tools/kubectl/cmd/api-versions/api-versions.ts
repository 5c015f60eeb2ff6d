import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';

/** apiVersions lists every group/version the server serves, sorted as kubectl sorts them. */
function apiVersions(c: RunContext): string[] {
  const client = c.f.client();
  const out: string[] = [];
  const core = client.call<{ versions: string[] }>({ method: 'GET', path: '/api' });
  out.push(...core.versions);
  const groups = client.call<{ groups: { versions: { groupVersion: string }[] }[] }>({ method: 'GET', path: '/apis' });
  for (const g of groups.groups) for (const v of g.versions) out.push(v.groupVersion);
  return out.sort();
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length > 0) throw new UsageError(`unexpected arguments: [${c.args.join(' ')}]`, 'help');
  for (const v of apiVersions(c)) c.out(`${v}\n`);
  return 0;
}

/** apiVersionsCommand is `kubectl api-versions`. */
export const apiVersionsCommand: CommandDef = {
  name: 'api-versions',
  group: 'Other Commands',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  example: `  # Print the supported API versions
  kubectl api-versions`,
  use: 'api-versions [options]',
  run,
};
