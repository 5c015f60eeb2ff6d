import type { ProcessTable } from '../../host/procs.ts';
import type { ContainerRecord, Sandbox } from './types.ts';

/**
 * NodeProcesses mirrors containerd's processes into the node's process table,
 * as a real node's `ps -ef` shows them: one containerd-shim-runc-v2 per pod
 * sandbox (a child of init, in containerd.service's control group, so
 * `systemctl status containerd` lists it), its pause process (uid 65535), and each running
 * container's main process as the shim's child with its full command line —
 * so `ps aux | grep kube-apiserver` shows the flags a static pod runs with.
 * kill(1) on a container's pid reaches the container.
 */
export class NodeProcesses {
  private sandboxes = new Map<string, { shim: number; pause: number }>();
  private mains = new Map<string, number>();

  constructor(
    private readonly procs: ProcessTable,
    private readonly signal: (containerId: string, sig: number) => void,
  ) {}

  /** mainPid is a running container's pid on the node (crictl inspect's info.pid). */
  mainPid(containerId: string): number | undefined {
    return this.mains.get(containerId);
  }

  /** pausePid is a ready sandbox's pause process (crictl inspectp's info.pid). */
  pausePid(sandboxId: string): number | undefined {
    return this.sandboxes.get(sandboxId)?.pause;
  }

  sandboxStarted(sb: Sandbox): void {
    const shim = this.procs.spawn({ user: 'root', uid: 0, command: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${sb.id} -address /run/containerd/containerd.sock`, ppid: 1, state: 'Sl', cgroup: 'containerd.service' });
    const pause = this.procs.spawn({ user: '65535', uid: 65535, command: '/pause', ppid: shim, state: 'Ss', vszKb: 996, rssKb: 512 });
    this.sandboxes.set(sb.id, { shim, pause });
  }

  sandboxStopped(id: string): void {
    const p = this.sandboxes.get(id);
    if (!p) return;
    this.procs.exit(p.pause);
    this.procs.exit(p.shim);
    this.sandboxes.delete(id);
  }

  containerStarted(c: ContainerRecord): void {
    const user = c.image.def.user?.split(':')[0] || 'root';
    // a named image user has no entry in the node's /etc/passwd: ps shows its uid
    const uid = /^\d+$/.test(user) ? Number(user) : user === 'root' ? 0 : (c.host.user(user)?.uid ?? 0);
    const pid = this.procs.spawn({
      user: uid === 0 ? 'root' : String(uid),
      uid,
      command: c.argv.join(' '),
      ppid: this.sandboxes.get(c.sandboxId)?.shim ?? 1,
      state: 'Ssl',
      onSignal: (sig) => this.signal(c.id, sig),
    });
    // the container's own processes (an exec'd command, nginx's workers) show on the node as they run
    this.procs.mirror(pid, c.host.procs);
    this.mains.set(c.id, pid);
  }

  containerEnded(id: string): void {
    const pid = this.mains.get(id);
    if (pid === undefined) return;
    this.procs.exit(pid);
    this.mains.delete(id);
  }
}
