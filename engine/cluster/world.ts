import { Runtime } from '../base/runtime.ts';
import type { Host } from '../host/host.ts';
import { createHost, type ImageUser } from '../host/image.ts';
import type { Editor } from '../host/process.ts';
import { PROGRAMS } from '../tools/registry.ts';
import { provisionKernel } from '../tools/sysadmin/index.ts';
import { SimNetwork } from './network.ts';

/** MachineSpec describes one machine of a lab. */
export interface MachineSpec {
  name: string;
  ip: string;
  users?: ImageUser[];
}

/**
 * World is one lab: the runtime (clock, random, queue), the network and every
 * machine. Clusters, their control planes and their nodes live on these
 * machines; the world only knows them as hosts with processes and files.
 */
export class World {
  readonly runtime: Runtime;
  readonly net = new SimNetwork();
  readonly hosts = new Map<string, Host>();
  /** editor opens files for a human (the UI's editor, or the scripted one of `kubelab shell --json`). */
  editor: Editor = { edit: async () => ({ saved: false }) };

  constructor(opts: { seed: number; start: number }) {
    this.runtime = new Runtime({ start: opts.start, seed: opts.seed });
    this.net.hostsFile = (name) => {
      const h = this.hosts.get(name);
      try {
        return h?.fs.readFile('/etc/hosts');
      } catch {
        return undefined;
      }
    };
  }

  /** addMachine creates a host from the default image, on the network, known to every other host. */
  addMachine(spec: MachineSpec, peers: MachineSpec[]): Host {
    const host = createHost({
      name: spec.name,
      ip: spec.ip,
      clock: this.runtime.clock,
      users: spec.users,
      programs: PROGRAMS,
      peers: peers.map((p) => ({ name: p.name, ip: p.ip })),
    });
    // Ubuntu's kernel state: /proc/sys defaults, sysctl.d files, the modules a fresh machine has loaded.
    provisionKernel(host.fs);
    this.hosts.set(spec.name, host);
    this.net.addAddress(spec.name, spec.ip);
    this.net.addName(spec.name, spec.ip);
    return host;
  }

  /** host finds a machine by name or IP address. */
  host(nameOrIp: string): Host | undefined {
    const byName = this.hosts.get(nameOrIp);
    if (byName) return byName;
    for (const h of this.hosts.values()) if (h.ip === nameOrIp) return h;
    return undefined;
  }

  /** mustHost finds a machine the caller knows exists. */
  mustHost(name: string): Host {
    const h = this.host(name);
    if (!h) throw new Error(`no such host: ${name}`);
    return h;
  }

  /** machines lists the lab's host names. */
  machines(): string[] {
    return [...this.hosts.keys()];
  }
}
