import { renderHelp } from '../../cli/help.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { KubeconfigError } from '../../config/kubeconfig.ts';
import type { Section } from './files.ts';
import { kubeconfigFiles } from './shared.ts';
import { configDeleteClusterHelp, configDeleteContextHelp, configDeleteUserHelp } from './texts.ts';

const NOUN: Record<Section, string> = { clusters: 'cluster', contexts: 'context', users: 'user' };

function deleter(section: Section) {
  return async (c: RunContext): Promise<number> => {
    if (c.args.length !== 1) {
      // delete-context and delete-cluster print their help and succeed; delete-user insists.
      if (section === 'users') throw new UsageError('user to delete is required');
      c.out(renderHelp(c.cmd, c.path));
      return 0;
    }
    const name = c.args[0]!;
    const files = kubeconfigFiles(c);
    const where = files.explicit ? files.files[0]!.path : files.defaultFile();
    if (!files.entry(section, name)) throw new KubeconfigError(`cannot delete ${NOUN[section]} ${name}, not in ${where}`);
    const wasCurrent = section === 'contexts' && files.currentContext() === name;
    files.deleteEntry(section, name);
    if (wasCurrent) c.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    c.out(`deleted ${NOUN[section]} ${name} from ${where}\n`);
    return 0;
  };
}

/** configDeleteContextCommand is `kubectl config delete-context`. */
export const configDeleteContextCommand: CommandDef = { name: 'delete-context', ...configDeleteContextHelp, run: deleter('contexts') };
/** configDeleteClusterCommand is `kubectl config delete-cluster`. */
export const configDeleteClusterCommand: CommandDef = { name: 'delete-cluster', ...configDeleteClusterHelp, run: deleter('clusters') };
/** configDeleteUserCommand is `kubectl config delete-user`. */
export const configDeleteUserCommand: CommandDef = { name: 'delete-user', ...configDeleteUserHelp, run: deleter('users') };
