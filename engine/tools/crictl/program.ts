import { parse } from 'yaml';
import type { Process } from '../../host/process.ts';
import { nodeEnvFor } from '../../node/service/registry.ts';
import type { ContainerRuntime } from '../../node/runtime/runtime.ts';
import { crictlCommands } from './commands.ts';

const DEFAULT_ENDPOINTS = 'unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock';

/** CrictlContext is a parsed crictl invocation connected to the node's runtime. */
export interface CrictlContext {
  p: Process;
  cri: ContainerRuntime;
  args: string[];
  now: number;
  fatal(msg: string): number;
}

function fatalLine(p: Process, msg: string): number {
  p.stderr.write(`time="${new Date(p.sys.runtime.now).toISOString().replace(/\.\d{3}Z$/, 'Z')}" level=fatal msg=${JSON.stringify(msg)}\n`);
  return 1;
}

/**
 * crictl is cri-tools' client for the node's CRI runtime: it reads the
 * endpoint from /etc/crictl.yaml (or --runtime-endpoint), needs root to
 * reach the socket, and lists and manages containerd's pods, containers and
 * images.
 */
export async function crictl(p: Process): Promise<number> {
  let args = p.argv.slice(1);
  let endpoint: string | undefined;
  const global: string[] = [];
  while (args.length > 0 && args[0]!.startsWith('-')) {
    const a = args.shift()!;
    if (a === '-r' || a === '--runtime-endpoint') endpoint = args.shift();
    else if (a.startsWith('--runtime-endpoint=')) endpoint = a.slice(19);
    else if (a === '--version' || a === '-v') {
      p.stdout.write('crictl version v1.34.0\n');
      return 0;
    } else global.push(a);
  }
  if (args.length === 0 || args[0] === 'help' || global.includes('-h') || global.includes('--help')) {
    p.stdout.write(USAGE);
    return 0;
  }
  if (!endpoint) {
    try {
      const cfg = parse(p.fs.readFile('/etc/crictl.yaml')) as { 'runtime-endpoint'?: string } | null;
      endpoint = cfg?.['runtime-endpoint'];
    } catch {
      p.stderr.write(`WARN[0000] Config "/etc/crictl.yaml" does not exist, trying next: "/usr/bin/crictl.yaml"\n`);
      p.stderr.write(`WARN[0000] runtime connect using default endpoints: [${DEFAULT_ENDPOINTS.split(' ').join(' ')}]. As the default settings are now deprecated, you should set the endpoint instead.\n`);
    }
  }
  endpoint ??= 'unix:///run/containerd/containerd.sock';
  const cmd = args.shift()!;
  const run = crictlCommands[cmd];
  if (!run) {
    p.stderr.write(`No help topic for '${cmd}'\n`);
    return 3;
  }
  const sock = endpoint.replace(/^unix:\/\//, '');
  const env = nodeEnvFor(p.sys.runtime, p.hostname);
  const dialErr = (why: string) =>
    fatalLine(p, `validate service connection: validate CRI v1 runtime API for endpoint "${endpoint}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${sock}: connect: ${why}"`);
  if (p.user.uid !== 0) return dialErr('permission denied');
  if (!env || !env.containerdUp || !/containerd\.sock$/.test(sock)) return dialErr('no such file or directory');
  return run({ p, cri: env.cri, args, now: p.sys.runtime.now, fatal: (m) => fatalLine(p, m) });
}

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

VERSION:
   v1.34.0

COMMANDS:
   attach              Attach to a running container
   create              Create a new container
   exec                Run a command in a running container
   version             Display runtime version information
   images, image, img  List images
   inspect             Display the status of one or more containers
   inspecti            Return the status of one or more images
   imagefsinfo         Return image filesystem info
   inspectp            Display the status of one or more pods
   logs                Fetch the logs of a container
   port-forward        Forward local port to a pod
   ps                  List containers
   pull                Pull an image from a registry
   run                 Run a new container inside a sandbox
   runp                Run a new pod
   rm                  Remove one or more containers
   rmi                 Remove one or more images
   rmp                 Remove one or more pods
   pods                List pods
   start               Start one or more created containers
   info                Display information of the container runtime
   stop                Stop one or more running containers
   stopp               Stop one or more running pods
   update              Update one or more running containers
   config              Get, set and list crictl configuration options
   stats               List container(s) resource usage statistics
   statsp              List pod statistics. Stats represent a structured API that will fulfill the Kubelet's /stats/summary endpoint.
   metricsp            List pod metrics. Metrics are unstructured key/value pairs gathered by CRI meant to replace cAdvisor's /metrics/cadvisor endpoint.
   completion          Output shell completion code
   checkpoint          Checkpoint one or more running containers
   events, event       Stream the events of containers
   update-runtime-config  Update the runtime configuration
   help, h             Shows a list of commands or help for one command

GLOBAL OPTIONS:
   --config value, -c value            Location of the client config file. If not specified and the default does not exist, the program's directory is searched as well (default: "/etc/crictl.yaml") [$CRI_CONFIG_FILE]
   --debug, -D                         Enable debug mode (default: false)
   --image-endpoint value, -i value    Endpoint of CRI image manager service (default: uses 'runtime-endpoint' setting) [$IMAGE_SERVICE_ENDPOINT]
   --runtime-endpoint value, -r value  Endpoint of CRI container runtime service (default: uses in order the first successful one of [${DEFAULT_ENDPOINTS.split(' ').join(' ')}]). Default is now deprecated and the endpoint should be set instead. [$CONTAINER_RUNTIME_ENDPOINT]
   --timeout value, -t value           Timeout of connecting to the server in seconds (e.g. 2s, 20s.). 0 or less is set to default (default: 2s)
   --help, -h                          show help
   --version, -v                       print the version
`;
