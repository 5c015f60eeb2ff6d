import type { Process, Program } from '../../host/process.ts';
import { Factory } from '../kubectl/factory.ts';
import { ConnectionError } from '../../client/client.ts';
import { connectionErrorMessage } from '../kubectl/errors.ts';
import { ArgError, GLOBAL, parseArgs, str, type FlagSpec, type Parsed } from './cli/args.ts';
import { ArgCountError, HelmError } from './cli/env.ts';
import { RenderError } from './chart/render.ts';
import { COMMANDS, type HelmCommand } from './cli/commands.ts';
import type { Kube } from './cli/actions.ts';
import { Discovery } from '../kubectl/discovery.ts';

/** VERSION is the helm release the lab's binary reports. */
export const HELM_VERSION = { Version: 'v3.17.0', GitCommit: '301108edc7ac2a8ba79e4ebf5701b0b6ce6a31e4', GitTreeState: 'clean', GoVersion: 'go1.23.4' };

const ALIASES: Record<string, string> = { ls: 'list', delete: 'uninstall', del: 'uninstall', un: 'uninstall', hist: 'history', dep: 'dependency', inspect: 'show' };

const TOP_HELP = `The Kubernetes package manager

Common actions for Helm:

- helm search:    search for charts
- helm pull:      download a chart to your local directory to view
- helm install:   upload the chart to Kubernetes
- helm list:      list releases of charts

Usage:
  helm [command]

Available Commands:
  completion  generate autocompletion scripts for the specified shell
  create      create a new chart with the given name
  dependency  manage a chart's dependencies
  env         helm client environment information
  get         download extended information of a named release
  help        Help about any command
  history     fetch release history
  install     install a chart
  lint        examine a chart for possible issues
  list        list releases
  package     package a chart directory into a chart archive
  plugin      install, list, or uninstall Helm plugins
  pull        download a chart from a repository and (optionally) unpack it in local directory
  push        push a chart to remote
  registry    login to or logout from a registry
  repo        add, list, remove, update, and index chart repositories
  rollback    roll back a release to a previous revision
  search      search for a keyword in charts
  show        show information of a chart
  status      display the status of the named release
  template    locally render templates
  test        run tests for a release
  uninstall   uninstall a release
  upgrade     upgrade a release
  verify      verify that a chart at the given path has been signed and is valid
  version     print the helm version information

Flags:
      --debug                           enable verbose output
  -h, --help                            help for helm
      --kube-context string             name of the kubeconfig context to use
      --kubeconfig string               path to the kubeconfig file
  -n, --namespace string                namespace scope for this request

Use "helm [command] --help" for more information about a command.
`;

/** HelmRun is what a command gets: its parsed line, the process, and the cluster when it needs one. */
export interface HelmRun {
  p: Process;
  a: Parsed;
  namespace(): string;
  kube(): Kube;
  out(s: string): void;
}

/**
 * helm is the Helm 3 client: charts from the lab's offline repositories or
 * the host's files, rendered with Go templates and sprig, installed through
 * the apiserver as the kubeconfig's user, releases kept as Secrets of type
 * helm.sh/release.v1 in the release's namespace.
 */
export const helmProgram: Program = async (p: Process) => {
  const argv = p.argv.slice(1);
  const words = argv.filter((w, i) => !w.startsWith('-') && !(i > 0 && ['-n', '--namespace', '--kube-context', '--kubeconfig'].includes(argv[i - 1]!)));
  const first = words[0];
  if (!first || first === 'help' || ((argv.includes('-h') || argv.includes('--help')) && !first)) {
    p.stdout.write(TOP_HELP);
    return 0;
  }
  const name = ALIASES[first] ?? first;
  let cmd: HelmCommand | undefined = COMMANDS[name];
  let rest = argv.filter((w) => w !== first);
  if (cmd?.sub) {
    const subWord = words[1];
    const sub = subWord ? cmd.sub[subWord === 'ls' ? 'list' : subWord === 'rm' ? 'remove' : subWord] : undefined;
    if (!sub) {
      if (subWord) return error(p, `unknown command "${subWord}" for "helm ${name}"`);
      p.stdout.write(cmd.help ?? '');
      return 0;
    }
    cmd = sub;
    rest = rest.filter((w) => w !== subWord);
  }
  if (!cmd) {
    p.stderr.write(`Error: unknown command "${first}" for "helm"\nRun 'helm --help' for usage.\n`);
    return 1;
  }
  let a: Parsed;
  try {
    a = parseArgs(rest, cmd.flags ?? ({ bool: [], string: [], array: [], short: {} } as FlagSpec));
  } catch (e) {
    if (e instanceof ArgError) return error(p, e.message);
    throw e;
  }
  if (str(a, 'help') === 'true') {
    p.stdout.write(cmd.help ?? `Usage:\n  helm ${name}\n`);
    return 0;
  }
  let f: Factory | undefined;
  const factory = () => (f ??= new Factory(p, { namespace: str(a, 'namespace'), context: str(a, 'kube-context'), kubeconfig: str(a, 'kubeconfig'), asGroups: [], verbosity: 0 }));
  let kube: Kube | undefined;
  const run: HelmRun = {
    p,
    a,
    namespace: () => str(a, 'namespace') ?? factory().namespace(),
    kube: () => {
      if (kube) return kube;
      const client = factory().client();
      let version = 'v1.34.3';
      try {
        version = client.call<{ gitVersion: string }>({ method: 'GET', path: '/version' }).gitVersion;
      } catch (e) {
        if (e instanceof ConnectionError) throw new HelmError(`Kubernetes cluster unreachable: ${connectionErrorMessage(e, factory().serverHostPort()).replace(/^The connection to the server /, 'Get "https://').replace(/ was refused - did you specify the right host or port\?$/, '/version": dial tcp: connect: connection refused')}`);
        throw e;
      }
      kube = { client, discovery: new Discovery(client), kubeVersion: version };
      return kube;
    },
    out: (s) => p.stdout.write(s),
  };
  try {
    return await cmd.run(run);
  } catch (e) {
    if (e instanceof ArgCountError) return error(p, e.message);
    if (e instanceof HelmError || e instanceof RenderError) return error(p, `${cmd.errorPrefix ?? ''}${e.message}`);
    if (e instanceof ConnectionError) return error(p, `${cmd.errorPrefix ?? ''}Kubernetes cluster unreachable: ${e.message}`);
    if (e instanceof Error && 'status' in e) return error(p, `${cmd.errorPrefix ?? ''}${e.message}`);
    throw e;
  }
};

function error(p: Process, msg: string): number {
  p.stderr.write(`Error: ${msg}\n`);
  return 1;
}

export { GLOBAL };
