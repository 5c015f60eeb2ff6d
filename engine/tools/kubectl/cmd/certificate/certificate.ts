import type { KObject } from '../../../../api/types.ts';
import { ConnectionError } from '../../../../client/client.ts';
import { R } from '../../../../client/refs.ts';
import { isStatusError } from '../../../../base/errors.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { PlainError, statusErrorMessage } from '../../errors.ts';
import { readManifests } from '../../resource/manifests.ts';
import { certificateApproveHelp, certificateDenyHelp, certificateHelp } from './texts.ts';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
}

const ACTIONS = {
  approve: { add: 'Approved', forbid: 'Denied', reason: 'KubectlApprove', message: 'This CSR was approved by kubectl certificate approve.', word: 'approved' },
  deny: { add: 'Denied', forbid: 'Approved', reason: 'KubectlDeny', message: 'This CSR was denied by kubectl certificate deny.', word: 'denied' },
};

/** modify adds the condition unless it is there already (or --force), and says so. */
function modify(c: RunContext, a: (typeof ACTIONS)[keyof typeof ACTIONS], csr: KObject, name: string): void {
  const status = (csr.status ?? {}) as { conditions?: Condition[] };
  const conds = status.conditions ?? [];
  const bad = conds.find((x) => x.type === a.forbid);
  if (bad) throw new Error(`certificate signing request "${name}" is already ${bad.type}`);
  const has = conds.some((x) => x.type === a.add);
  if (!has || c.flag<boolean>('force')) {
    const now = new Date(Math.floor(c.proc.sys.runtime.now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    const next: KObject = { ...csr, status: { ...status, conditions: [...conds, { type: a.add, status: 'True', reason: a.reason, message: a.message, lastUpdateTime: now, lastTransitionTime: now }] } };
    c.f.client().update(R.certificatesigningrequests, next, {}, 'approval');
  }
  c.out(`certificatesigningrequest.certificates.k8s.io/${name} ${a.word}\n`);
}

function runner(action: keyof typeof ACTIONS) {
  const a = ACTIONS[action];
  return async (c: RunContext): Promise<number> => {
    const files = c.flag<string[]>('filename') ?? [];
    if (c.args.length === 0 && files.length === 0) throw new UsageError('one or more CSRs must be specified as <name> or -f <filename>', 'none');
    const names = [...c.args];
    if (files.length) for (const m of await readManifests(c.f, files, c.flag<boolean>('recursive'))) names.push(m.obj.metadata?.name ?? '');
    c.f.discovery().resolve('certificatesigningrequests');
    const client = c.f.client();
    // kubectl visits every CSR and reports the failures together at the end.
    const errors: unknown[] = [];
    for (const name of names) {
      try {
        modify(c, a, client.get(R.certificatesigningrequests, undefined, name), name);
      } catch (e) {
        if (e instanceof ConnectionError) throw e;
        errors.push(e);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new PlainError(errors.map((e) => (isStatusError(e) ? statusErrorMessage(e) : (e as Error).message)).join('\n'));
    return 0;
  };
}

/** certificateCommand is `kubectl certificate` with approve and deny. */
export const certificateCommand: CommandDef = {
  name: 'certificate',
  group: 'Cluster Management Commands',
  ...certificateHelp,
  subcommands: [
    { name: 'approve', ...certificateApproveHelp, run: runner('approve') },
    { name: 'deny', ...certificateDenyHelp, run: runner('deny') },
  ],
};
