import type { CommandDef, RunContext } from '../../cli/command.ts';
import { UsageError } from '../../cli/command.ts';
import { printYaml } from '../../printers/objects.ts';
import { commandFromHelp } from '../create/help.ts';
import { kustomizeBuild } from './build.ts';

async function run(c: RunContext): Promise<number> {
  if (c.args.length > 1) throw new UsageError('specify one path to kustomization.yaml');
  const objs = kustomizeBuild(c.f, c.args[0] ?? '.');
  const text = objs.map((o) => printYaml(o)).join('---\n');
  const out = c.flag<string>('output');
  if (out) c.proc.fs.writeFile(c.f.abs(out), text);
  else c.out(text);
  return 0;
}

/** kustomizeCommand is `kubectl kustomize DIR`. */
export const kustomizeCommand: CommandDef = commandFromHelp('kustomize', { run, group: 'Advanced Commands', short: 'Build a kustomization target from a directory or URL' });
