import { UsageError, type RunContext } from '../../cli/command.ts';
import { renderHelp } from '../../cli/help.ts';
import { KubeconfigFiles } from './files.ts';

/** kubeconfigFiles opens the files this invocation's `config` command reads and writes. */
export function kubeconfigFiles(c: RunContext): KubeconfigFiles {
  const { paths, explicit } = c.f.kubeconfigPaths();
  return new KubeconfigFiles(c.proc.fs, paths.map((p) => c.f.abs(p)), explicit);
}

/** unexpectedArgs is how the config commands refuse a wrong argument count: the help on stdout, then the error. */
export function unexpectedArgs(c: RunContext, message = `Unexpected args: [${c.args.join(' ')}]`): never {
  c.out(renderHelp(c.cmd, c.path));
  throw new UsageError(message, 'none');
}

/** sortedNames returns names in Go's byte order. */
export function sortedNames(names: string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
