import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { KubeconfigError } from '../../config/kubeconfig.ts';
import { formatTable } from '../../printers/tabwriter.ts';
import { kubeconfigFiles, sortedNames, unexpectedArgs } from './shared.ts';
import { configCurrentContextHelp, configGetClustersHelp, configGetContextsHelp, configGetUsersHelp, configRenameContextHelp, configUseContextHelp } from './texts.ts';

async function getContexts(c: RunContext): Promise<number> {
  const output = c.flag<string>('output');
  if (output !== '' && output !== 'name') throw new UsageError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`, 'none');
  const files = kubeconfigFiles(c);
  const cfg = files.merged();
  const current = cfg['current-context'] ?? '';
  const all = (cfg.contexts ?? []).map((e) => e.name);
  const wanted = c.args.length ? c.args : all;
  const missing = wanted.filter((n) => !all.includes(n));
  const shown = sortedNames(wanted.filter((n) => all.includes(n)));
  if (output === 'name') {
    c.out(shown.map((n) => `${n}\n`).join(''));
  } else {
    const rows: string[][] = c.flag<boolean>('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    for (const n of shown) {
      const ctx = cfg.contexts!.find((e) => e.name === n)!.context ?? {};
      rows.push([n === current ? '*' : '', n, ctx.cluster ?? '', ctx.user ?? '', ctx.namespace ?? '']);
    }
    c.out(formatTable(rows));
  }
  if (missing.length) throw new KubeconfigError(missing.map((n) => `context ${n} not found`).join('\n'));
  return 0;
}

async function currentContext(c: RunContext): Promise<number> {
  const cur = kubeconfigFiles(c).currentContext();
  if (!cur) throw new KubeconfigError('current-context is not set');
  c.out(`${cur}\n`);
  return 0;
}

async function useContext(c: RunContext): Promise<number> {
  if (c.args.length !== 1) unexpectedArgs(c);
  const name = c.args[0]!;
  const files = kubeconfigFiles(c);
  if (!files.entry('contexts', name)) throw new KubeconfigError(`no context exists with the name: "${name}"`);
  files.setCurrentContext(name);
  c.out(`Switched to context "${name}".\n`);
  return 0;
}

async function renameContext(c: RunContext): Promise<number> {
  if (c.args.length !== 2) unexpectedArgs(c);
  const [from, to] = c.args as [string, string];
  const files = kubeconfigFiles(c);
  const where = files.explicit ? files.files[0]!.path : files.defaultFile();
  const body = files.entry('contexts', from);
  if (!body) throw new KubeconfigError(`cannot rename the context "${from}", it's not in ${where}`);
  if (files.entry('contexts', to)) throw new KubeconfigError(`cannot rename the context "${from}", the context "${to}" already exists in ${where}`);
  const wasCurrent = files.currentContext() === from;
  files.deleteEntry('contexts', from);
  files.setEntry('contexts', to, body);
  if (wasCurrent) files.setCurrentContext(to);
  c.out(`Context "${from}" renamed to "${to}".\n`);
  return 0;
}

function nameList(section: 'clusters' | 'users') {
  return async (c: RunContext): Promise<number> => {
    const cfg = kubeconfigFiles(c).merged();
    const names = sortedNames((cfg[section] ?? []).map((e) => e.name));
    c.out(`NAME\n${names.map((n) => `${n}\n`).join('')}`);
    return 0;
  };
}

/** configGetContextsCommand is `kubectl config get-contexts`. */
export const configGetContextsCommand: CommandDef = { name: 'get-contexts', ...configGetContextsHelp, run: getContexts };
/** configCurrentContextCommand is `kubectl config current-context`. */
export const configCurrentContextCommand: CommandDef = { name: 'current-context', ...configCurrentContextHelp, run: currentContext };
/** configUseContextCommand is `kubectl config use-context` (alias use). */
export const configUseContextCommand: CommandDef = { name: 'use-context', ...configUseContextHelp, run: useContext };
/** configRenameContextCommand is `kubectl config rename-context`. */
export const configRenameContextCommand: CommandDef = { name: 'rename-context', ...configRenameContextHelp, run: renameContext };
/** configGetClustersCommand is `kubectl config get-clusters`. */
export const configGetClustersCommand: CommandDef = { name: 'get-clusters', ...configGetClustersHelp, run: nameList('clusters') };
/** configGetUsersCommand is `kubectl config get-users`. */
export const configGetUsersCommand: CommandDef = { name: 'get-users', ...configGetUsersHelp, run: nameList('users') };
