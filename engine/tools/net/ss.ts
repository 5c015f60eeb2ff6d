import type { Process } from '../../host/process.ts';

/** Row is one listening socket. */
interface Row {
  local: string;
  port: string;
  peer: string;
  proc?: string;
  recvQ: number;
  sendQ: number;
}

/** COMM names the daemon behind a port or protocol, as ss shows the process (comm, 15 characters at most). */
const BY_PORT: Record<number, string> = { 10248: 'kubelet', 10250: 'kubelet', 10257: 'kube-controller', 10259: 'kube-scheduler', 10249: 'kube-proxy', 10256: 'kube-proxy', 2379: 'etcd', 2380: 'etcd', 2381: 'etcd', 6443: 'kube-apiserver' };
const BY_PROTOCOL: Record<string, string> = { 'kube-api': 'kube-apiserver', etcd: 'etcd' };
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https' };

/** bindingsOf reads the sockets bound on this machine (SimNetwork.bindings; absent on other networks). */
function bindingsOf(p: Process): { address: string; port: number; protocol: string }[] {
  const net = p.sys.net as { bindings?: (host: string) => { address: string; port: number; protocol: string }[] };
  return net.bindings?.(p.hostname) ?? [];
}

/**
 * ss lists sockets; the lab knows listening TCP sockets (-t -l, with -n for
 * numeric ports and -p for the owning process, shown to root only).
 */
export async function ss(p: Process): Promise<number> {
  let listening = false;
  let numeric = false;
  let procs = false;
  let udpOnly = false;
  for (const a of p.argv.slice(1)) {
    if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'l') listening = true;
        else if (c === 'n') numeric = true;
        else if (c === 'p') procs = true;
        else if (c === 'u') udpOnly = true;
        else if (c === 'a') listening = true;
      }
    } else if (a === '--listening') listening = true;
    else if (a === '--numeric') numeric = true;
    else if (a === '--processes') procs = true;
  }
  const table = p.sys.processes?.() ?? [];
  const pidOf = (comm: string) => table.find((x) => (x.command.split(' ')[0] ?? '').split('/').pop()!.slice(0, 15) === comm)?.pid;
  const rows: Row[] = [];
  if (listening && !udpOnly) {
    const inPod = p.sys.machines().length === 0;
    const svc = (port: number) => (numeric ? String(port) : (SERVICES[port] ?? String(port)));
    if (!inPod) {
      rows.push({ local: '127.0.0.53%lo', port: svc(53), peer: '0.0.0.0', proc: 'systemd-resolve', recvQ: 0, sendQ: 4096 });
      rows.push({ local: '0.0.0.0', port: svc(22), peer: '0.0.0.0', proc: 'sshd', recvQ: 0, sendQ: 128 });
      rows.push({ local: '[::]', port: svc(22), peer: '[::]', proc: 'sshd', recvQ: 0, sendQ: 128 });
    }
    const bound = bindingsOf(p).sort((a, b) => a.port - b.port || (a.address < b.address ? -1 : 1));
    for (const b of bound) {
      const any = b.address === '0.0.0.0';
      rows.push({ local: any ? '*' : b.address, port: svc(b.port), peer: any ? '*' : '0.0.0.0', proc: BY_PROTOCOL[b.protocol] ?? BY_PORT[b.port], recvQ: 0, sendQ: 4096 });
    }
  }
  const showProc = procs && p.user.uid === 0;
  const users = (r: Row) => {
    if (!showProc || !r.proc) return '';
    const pid = pidOf(r.proc);
    return pid === undefined ? '' : ` users:(("${r.proc}",pid=${pid},fd=3))`;
  };
  const procTexts = rows.map(users);
  const w = {
    state: 6,
    recv: 6,
    send: 6,
    local: Math.max(13, ...rows.map((r) => r.local.length)),
    lport: Math.max(4, ...rows.map((r) => r.port.length)),
    peer: Math.max(12, ...rows.map((r) => r.peer.length)),
    pport: 4,
    proc: Math.max(7, ...procTexts.map((t) => t.length)),
  };
  let out = `${'State'.padEnd(w.state)} ${'Recv-Q'.padEnd(w.recv)} ${'Send-Q'.padEnd(w.send)} ${'Local Address'.padStart(w.local)}:${'Port'.padEnd(w.lport)} ${'Peer Address'.padStart(w.peer)}:${'Port'.padEnd(w.pport)}${'Process'.padEnd(w.proc)}\n`;
  rows.forEach((r, i) => {
    out += `${'LISTEN'.padEnd(w.state)} ${String(r.recvQ).padEnd(w.recv)} ${String(r.sendQ).padEnd(w.send)} ${r.local.padStart(w.local)}:${r.port.padEnd(w.lport)} ${r.peer.padStart(w.peer)}:${'*'.padEnd(w.pport)}${procTexts[i]!.padEnd(w.proc)}\n`;
  });
  p.stdout.write(out);
  return 0;
}
