import type { CommandDef, RunContext } from '../../cli/command.ts';
import { WrappedError, submitCreate } from './common.ts';
import { commandFromHelp } from './help.ts';
import { enforcedNamespace, make, nameArg, objectMeta } from './meta.ts';

/** portNameErrors is validation.IsValidPortName. */
export function portNameErrors(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(s)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (/--/.test(s)) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(s)) errs.push('must contain at least one letter (a-z)');
  if (/^-|-$/.test(s)) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** dns1123SubdomainOk is validation.IsDNS1123Subdomain without its messages. */
export function dns1123SubdomainOk(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

/** parsePortPair reads "<port>[:<targetPort>]" as create service does. */
export function parsePortPair(s: string): { port: number; targetPort: number | string } {
  const parts = s.split(':');
  const p = parts[0]!;
  if (!/^\d+$/.test(p)) throw new WrappedError(`strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`);
  const port = Number(p);
  if (port > 65535) throw new WrappedError(`strconv.ParseUint: parsing ${JSON.stringify(p)}: value out of range`);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1]!;
  if (!/^[+-]?\d+$/.test(t)) {
    const errs = portNameErrors(t);
    if (errs.length) throw new WrappedError(errs.join(','));
    return { port, targetPort: t };
  }
  const n = Number(t);
  if (n < 1 || n > 65535) throw new WrappedError('must be between 1 and 65535, inclusive');
  return { port, targetPort: n };
}

type SvcType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

function runFor(type: SvcType) {
  return async (c: RunContext): Promise<number> => {
    const name = nameArg(c);
    const tcp = c.flag<string[]>('tcp') ?? [];
    const clusterIP = c.flags.values.has('clusterip') ? c.flag<string>('clusterip') : '';
    const externalName = c.flags.values.has('external-name') ? c.flag<string>('external-name') : '';
    if (clusterIP === 'None' && type !== 'ClusterIP') throw new WrappedError('ClusterIP=None can only be used with ClusterIP service type');
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new WrappedError('at least one tcp port specifier must be provided');
    if (type === 'ExternalName' && !dns1123SubdomainOk(externalName)) throw new WrappedError(`invalid service external name ${externalName}`);
    const nodePort = c.flags.values.has('node-port') ? c.flag<number>('node-port') : 0;
    const ports = tcp.map((t) => {
      const { port, targetPort } = parsePortPair(t);
      const p: Record<string, unknown> = { name: t.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
      if (nodePort) p.nodePort = nodePort;
      return p;
    });
    const labels = { app: name };
    const spec: Record<string, unknown> = {};
    if (ports.length) spec.ports = ports;
    spec.selector = { app: name };
    if (clusterIP) spec.clusterIP = clusterIP;
    spec.type = type;
    if (externalName) spec.externalName = externalName;
    const obj = make('v1', 'Service', { metadata: objectMeta(name, enforcedNamespace(c), labels), spec, status: { loadBalancer: {} } });
    return submitCreate(c, c.f.discovery().resolve('services'), obj, `failed to create ${type} service: `);
  };
}

const tweaks = { tcp: { type: 'stringSlice' as const } };

/** createServiceCommand is `kubectl create service` and its four types. */
export const createServiceCommand: CommandDef = commandFromHelp('create service', {
  subcommands: [
    commandFromHelp('create service clusterip', { run: runFor('ClusterIP'), tweaks }),
    commandFromHelp('create service externalname', { run: runFor('ExternalName'), tweaks }),
    commandFromHelp('create service loadbalancer', { run: runFor('LoadBalancer'), tweaks }),
    commandFromHelp('create service nodeport', { run: runFor('NodePort'), tweaks }),
  ],
});
