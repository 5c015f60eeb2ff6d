import type { Process } from '../../host/process.ts';
import type { CommandDef } from '../../tools/kubectl/cli/command.ts';
import type { FlagDef } from '../../tools/kubectl/cli/flags.ts';
import { GLOBAL_FLAGS } from '../../tools/kubectl/cli/global-flags.ts';
import { ROOT } from '../../tools/kubectl/cmd/registry.ts';
import { Factory } from '../../tools/kubectl/factory.ts';
import { completePath } from './paths.ts';

/** OUTPUT_FORMATS are what kubectl completes after -o. */
const OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

/** Commands whose first argument is a pod name rather than a resource type. */
const POD_COMMANDS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp', 'debug']);
/** Commands whose arguments are resource types and names. */
const RESOURCE_COMMANDS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'status', 'history', 'undo', 'restart', 'pause', 'resume', 'wait', 'expose', 'autoscale', 'set', 'explain']);
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain', 'taint']);

function findFlag(defs: FlagDef[], word: string): FlagDef | undefined {
  if (word.startsWith('--')) return defs.find((d) => d.name === word.slice(2).split('=')[0]);
  if (word.startsWith('-') && word.length === 2) return defs.find((d) => d.short === word[1]);
  return undefined;
}

interface Walk {
  cmd: CommandDef;
  path: string[];
  args: string[];
  namespace?: string;
}

/** walk follows the typed words through kubectl's command tree, collecting positional args and -n. */
function walk(words: string[]): Walk {
  let cmd = ROOT;
  const path: string[] = [];
  const args: string[] = [];
  let namespace: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const defs = [...(cmd.flags ?? []), ...GLOBAL_FLAGS];
    if (w.startsWith('-')) {
      const f = findFlag(defs, w);
      if (f && f.type !== 'bool' && !w.includes('=') && i + 1 < words.length) {
        if (f.name === 'namespace') namespace = words[i + 1];
        i++;
      } else if (w.startsWith('--namespace=')) namespace = w.slice(12);
      continue;
    }
    const sub = args.length === 0 ? cmd.subcommands?.find((c) => c.name === w || c.aliases?.includes(w)) : undefined;
    if (sub) {
      cmd = sub;
      path.push(sub.name);
    } else {
      args.push(w);
    }
  }
  return { cmd, path, args, namespace };
}

/**
 * completeKubectl answers kubectl's completions for the word being typed:
 * subcommands, flags, flag values (namespaces, contexts, output formats,
 * files), resource types and the names of existing objects, the way
 * `source <(kubectl completion bash)` completes them.
 */
export function completeKubectl(before: string[], current: string, proc: Process): string[] {
  const w = walk(before);
  const prev = before[before.length - 1] ?? '';
  const defs = [...(w.cmd.flags ?? []), ...GLOBAL_FLAGS];
  const prevFlag = findFlag(defs, prev);
  const f = new Factory(proc, { namespace: w.namespace, asGroups: [], verbosity: 0 });
  const safe = (fn: () => string[]) => {
    try {
      return fn();
    } catch {
      return [];
    }
  };
  if (prevFlag && prevFlag.type !== 'bool' && !prev.includes('=')) {
    switch (prevFlag.name) {
      case 'namespace':
        return safe(() => names(f, 'namespaces', undefined)).filter((n) => n.startsWith(current));
      case 'context':
        return (f.rawConfig().contexts ?? []).map((c) => c.name).filter((n) => n.startsWith(current));
      case 'cluster':
        return (f.rawConfig().clusters ?? []).map((c) => c.name).filter((n) => n.startsWith(current));
      case 'user':
        return (f.rawConfig().users ?? []).map((c) => c.name).filter((n) => n.startsWith(current));
      case 'output':
        return OUTPUT_FORMATS.filter((n) => n.startsWith(current));
      case 'filename':
      case 'kubeconfig':
        return completePath(proc.fs, current, proc.cwd, proc.env['HOME'] ?? proc.user.home);
      default:
        return [];
    }
  }
  if (current.startsWith('-')) {
    return defs
      .filter((d) => !d.hidden)
      .flatMap((d) => [`--${d.name}`])
      .filter((n) => n.startsWith(current))
      .sort();
  }
  if (w.args.length === 0 && w.cmd.subcommands?.length) {
    const subs = w.cmd.subcommands.filter((c) => !c.hidden).map((c) => c.name).filter((n) => n.startsWith(current));
    if (subs.length || !w.cmd.run) return subs;
  }
  const name = w.path[w.path.length - 1] ?? '';
  const ns = w.namespace;
  if (POD_COMMANDS.has(name)) return w.args.length === 0 ? safe(() => names(f, 'pods', ns)).filter((n) => n.startsWith(current)) : [];
  if (NODE_COMMANDS.has(name)) return w.args.length === 0 ? safe(() => names(f, 'nodes', undefined)).filter((n) => n.startsWith(current)) : [];
  if (name === 'use-context' || name === 'delete-context' || name === 'rename-context') {
    return (f.rawConfig().contexts ?? []).map((c) => c.name).filter((n) => n.startsWith(current));
  }
  if (RESOURCE_COMMANDS.has(name) || w.path[0] === 'rollout' || w.path[0] === 'set') {
    return safe(() => {
      const d = f.discovery();
      if (current.includes('/')) {
        const [type, partial] = [current.slice(0, current.indexOf('/')), current.slice(current.indexOf('/') + 1)];
        const res = d.resolve(type);
        return names(f, res.plural, ns, res.group).filter((n) => n.startsWith(partial)).map((n) => `${type}/${n}`);
      }
      if (w.args.length === 0) {
        return d
          .all()
          .filter((r) => r.preferred && r.verbs.includes('list'))
          .map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural))
          .filter((n) => n.startsWith(current))
          .sort();
      }
      const res = d.resolve(w.args[0]!);
      return names(f, res.plural, res.namespaced ? ns : undefined, res.group).filter((n) => n.startsWith(current));
    });
  }
  return completePath(proc.fs, current, proc.cwd, proc.env['HOME'] ?? proc.user.home);
}

function names(f: Factory, plural: string, namespace: string | undefined, group?: string): string[] {
  const d = f.discovery();
  const res = d.all().find((r) => r.plural === plural && (group === undefined || r.group === group) && r.preferred);
  if (!res) return [];
  const ns = res.namespaced ? (namespace ?? f.namespace()) : undefined;
  return f
    .client()
    .list(res, ns)
    .items.map((o) => o.metadata.name ?? '')
    .sort();
}
