import type { CommandDef, RunContext } from '../../cli/command.ts';
import { UsageError } from '../../cli/command.ts';
import { printJson, printYaml } from '../../printers/objects.ts';
import { formatTable } from '../../printers/tabwriter.ts';
import { authWhoamiHelp } from './texts.ts';

interface UserInfo { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> }

/** structOrder puts the review's fields in the order of the Go types kubectl decodes it into, which its JSON printer keeps. */
function structOrder(doc: Record<string, unknown>): Record<string, unknown> {
  const ui = ((doc.status as { userInfo?: UserInfo } | undefined)?.userInfo ?? {}) as UserInfo;
  const userInfo: UserInfo = {};
  for (const k of ['username', 'uid', 'groups', 'extra'] as const) if (ui[k] !== undefined) Object.assign(userInfo, { [k]: ui[k] });
  return { kind: doc.kind, apiVersion: doc.apiVersion, metadata: doc.metadata ?? {}, status: { userInfo } };
}

async function run(c: RunContext): Promise<number> {
  const output = c.flag<string>('output');
  if (output && output !== 'json' && output !== 'yaml' && output !== 'name') {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`, 'none');
  }
  const review = c.f.client().call<Record<string, unknown>>({
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: { userInfo: {} } },
  });
  const doc = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', ...review };
  if (output === 'json') {
    c.out(printJson(structOrder(doc), false));
    return 0;
  }
  if (output === 'yaml') {
    c.out(printYaml(doc));
    return 0;
  }
  if (output === 'name') {
    c.out('selfsubjectreview.authentication.k8s.io/\n');
    return 0;
  }
  const ui = ((review.status as { userInfo?: UserInfo } | undefined)?.userInfo ?? {}) as UserInfo;
  const rows: string[][] = [['ATTRIBUTE', 'VALUE']];
  if (ui.username) rows.push(['Username', ui.username]);
  if (ui.uid) rows.push(['UID', ui.uid]);
  if (ui.groups?.length) rows.push(['Groups', `[${ui.groups.join(' ')}]`]);
  for (const k of Object.keys(ui.extra ?? {}).sort()) rows.push([`Extra: ${k}`, `[${ui.extra![k]!.join(' ')}]`]);
  c.out(formatTable(rows));
  return 0;
}

/** authWhoamiCommand is `kubectl auth whoami` (a SelfSubjectReview). */
export const authWhoamiCommand: CommandDef = { name: 'whoami', ...authWhoamiHelp, run };
