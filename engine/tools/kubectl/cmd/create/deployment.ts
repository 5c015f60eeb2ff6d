import type { RunContext } from '../../cli/command.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { commandArgs, enforcedNamespace, make, nameArg, objectMeta, requireFlag } from './meta.ts';

/** containerNameFor is the container name kubectl derives from an image: its last path part without tag or digest. */
export function containerNameFor(image: string, suffix: () => string): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffix()}`;
  return name;
}

async function run(c: RunContext): Promise<number> {
  const name = nameArg(c);
  requireFlag(c, 'image');
  const images = c.flag<string[]>('image');
  const command = commandArgs(c);
  if (images.length > 1 && command.length > 0) throw new WrappedError('cannot specify multiple --image options and command');
  const labels = { app: name };
  const port = c.flag<number>('port');
  const rand = () => c.proc.sys.runtime.rand.nameSuffix(5);
  const containers = images.map((image, i) => {
    const ct: Record<string, unknown> = { name: containerNameFor(image, rand), image };
    if (command.length) ct.command = command;
    if (i === 0 && port >= 0) ct.ports = [{ containerPort: port }];
    ct.resources = {};
    return ct;
  });
  const obj = make('apps/v1', 'Deployment', {
    metadata: objectMeta(name, enforcedNamespace(c), labels),
    spec: {
      replicas: c.flag<number>('replicas'),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  });
  return submitCreate(c, c.f.discovery().resolve('deployments.apps'), obj, 'failed to create deployment: ');
}

/** createDeploymentCommand is `kubectl create deployment`. */
export const createDeploymentCommand = commandFromHelp('create deployment', { run, tweaks: { image: { type: 'stringSlice' } } });
