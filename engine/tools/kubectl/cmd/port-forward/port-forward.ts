import type { Listener } from '../../../../host/net.ts';
import { UsageError, type CommandDef, type RunContext } from '../../cli/command.ts';
import { resolvePod } from '../logs/pods.ts';
import { R } from '../../../../client/refs.ts';
import type { KObject } from '../../../../api/types.ts';
import { podNamedPorts, translateServicePorts } from './ports.ts';
import { portForwardHelp } from './texts.ts';

/** waitForInterrupt resolves with 130 when the user presses Ctrl-C. */
export function waitForInterrupt(c: RunContext): Promise<number> {
  return new Promise((resolve) => {
    const off = c.proc.signal.onInterrupt(() => {
      off();
      resolve(130);
    });
  });
}

function isListening(c: RunContext, address: string, port: number): boolean {
  try {
    c.proc.sys.net.dial({ host: c.proc.hostname, ip: c.proc.sys.hostIp }, address, port);
    return true;
  } catch {
    return false;
  }
}

/** serviceNamed is the Service a TYPE/NAME argument names (svc/web, services/web), whose ports kubectl translates. */
function serviceNamed(c: RunContext, arg: string, ns: string): KObject | undefined {
  const slash = arg.indexOf('/');
  if (slash < 0) return undefined;
  const res = c.f.discovery().resolve(arg.slice(0, slash));
  if (res.plural !== 'services' || res.group !== '') return undefined;
  return c.f.client().get(R.services, ns, arg.slice(slash + 1));
}

async function run(c: RunContext): Promise<number> {
  if (c.args.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward');
  const ns = c.f.namespace();
  const pod = resolvePod(c, c.args[0]!, ns);
  const svc = serviceNamed(c, c.args[0]!, ns);
  const specs = svc ? translateServicePorts(c.args.slice(1), svc, pod) : podNamedPorts(c.args.slice(1), pod);
  const ports = specs.map((s) => {
    const [local, remote] = s.includes(':') ? (s.split(':') as [string, string]) : [s, s];
    if (!/^\d*$/.test(local) || !/^\d+$/.test(remote)) throw new Error(`Error parsing remote port '${remote}': strconv.ParseUint: parsing "${remote}": invalid syntax`);
    return { local: local || remote, remote };
  });
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase !== 'Running') throw new Error(`unable to forward port because pod is not running. Current status=${phase ?? 'Pending'}`);
  const addresses = (c.flag<string[]>('address') ?? ['localhost']).flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a]));
  const net = c.proc.sys.net;
  const here = { host: c.proc.hostname, ip: c.proc.sys.hostIp };
  const status = (pod.status ?? {}) as { podIP?: string; hostIP?: string };
  const node = { host: (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '', ip: status.hostIP ?? '' };
  const bound: { close(): void }[] = [];
  for (const p of ports) {
    if (isListening(c, '127.0.0.1', Number(p.local))) {
      c.err(
        `Unable to listen on port ${p.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${p.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${p.local}: bind: address already in use]\n`,
      );
      throw new Error(`unable to listen on any of the requested ports: [{${p.local} ${p.remote}}]`);
    }
    // The kubelet reaches the container's port from inside the pod, so the target is dialled from the pod's node.
    let target: Listener | undefined;
    try {
      if (status.podIP) target = net.dial(node, status.podIP, Number(p.remote));
    } catch {
      target = undefined;
    }
    for (const a of addresses) {
      if (target && a !== '[::1]') bound.push(net.listen(here.host, a === '0.0.0.0' ? '0.0.0.0' : a, Number(p.local), target));
      c.out(`Forwarding from ${a}:${p.local} -> ${p.remote}\n`);
    }
  }
  const code = await waitForInterrupt(c);
  for (const b of bound) b.close();
  return code;
}

/** portForwardCommand is `kubectl port-forward`: it announces the forwards and runs until Ctrl-C. */
export const portForwardCommand: CommandDef = { name: 'port-forward', group: 'Troubleshooting and Debugging Commands', ...portForwardHelp, run };
