import { createServer, type Server } from 'node:https';
import { readFileSync, writeFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import type { IncomingMessage } from 'node:http';
import { bootLab, type BootedLab } from '../../engine/cluster/boot/boot-lab.ts';
import type { ClusterHandle } from '../../engine/cluster/boot/direct.ts';
import type { KubeadmPki } from '../../engine/pki/index.ts';
import { loadOpenApiDefinitions } from '../../engine/api/openapi/load.ts';
import { parseLabDefinition } from '../../engine/cluster/lab-definition.ts';
import { createRequestListener, createUpgradeListener } from './http-facade.ts';

/** ServeOptions are `kubelab serve`'s flags. */
export interface ServeOptions {
  port: number;
  host?: string;
  kubeconfigOut?: string;
  labFile?: string;
  seed?: number;
  /** tick drives simulated time from wall time (off in tests that step time themselves) */
  tick?: boolean;
  /** lab serves a lab that is already running (the differential suite shares one with the engine's own kubectl) */
  lab?: BootedLab;
}

function derToPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** peerCertificate is the client certificate the TLS handshake presented, as PEM. */
function peerCertificate(req: IncomingMessage): string | undefined {
  const peer = (req.socket as TLSSocket).getPeerCertificate?.(false);
  return peer && peer.raw ? derToPem(peer.raw) : undefined;
}

/** installedPki is the cluster's PKI; a cluster of prepared machines has none until kubeadm init, and cannot be served. */
function installedPki(c: ClusterHandle): KubeadmPki {
  if (!c.pki) throw new Error(`cluster ${c.spec.name} is not installed (its machines wait for kubeadm init): it cannot be served`);
  return c.pki;
}

/** kubeconfigFor writes a kubeconfig for real clients: the cluster CA, the admin's client certificate, the server's name. */
export function kubeconfigFor(lab: BootedLab, port: number): string {
  const c = lab.clusters[0]!;
  const pki = installedPki(c);
  const admin = pki.kubeconfigs['admin.conf']!;
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${b64(pki.cas['ca']!.certPem)}
    server: https://127.0.0.1:${port}
    tls-server-name: kubernetes
  name: ${c.spec.name}
contexts:
- context:
    cluster: ${c.spec.name}
    user: kubernetes-admin
  name: ${c.spec.context}
current-context: ${c.spec.context}
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: ${b64(admin.certPem)}
    client-key-data: ${b64(admin.keyPem)}
`;
}

/**
 * startServe boots a lab in this process and serves its first cluster's
 * apiserver over HTTPS with the cluster's own CA and serving certificate,
 * authenticating client certificates and tokens exactly as the engine does.
 */
export async function startServe(o: ServeOptions): Promise<{ server: Server; lab: BootedLab; url: string; kubeconfig: string; close(): Promise<void> }> {
  const def = o.labFile ? parseLabDefinition(readFileSync(o.labFile, 'utf8')) : undefined;
  await loadOpenApiDefinitions();
  // The lab's clock starts at the wall clock: a real kubectl reads ages and certificate lifetimes against it.
  const lab = o.lab ?? bootLab({ def, seed: o.seed, start: wallClockStart() });
  const cluster = lab.clusters[0]!;
  const runtime = lab.world.runtime;
  let openWatches = 0;
  const listener = createRequestListener(() => cluster.apiserver, {
    clientCert: peerCertificate,
    afterRequest: () => runtime.settle(),
    onWatch: (open) => (openWatches += open ? 1 : -1),
  });
  const server = createServer(
    {
      key: installedPki(cluster).certs['apiserver']!.keyPem,
      cert: installedPki(cluster).certs['apiserver']!.certPem,
      ca: installedPki(cluster).cas['ca']!.certPem,
      requestCert: true,
      rejectUnauthorized: false,
    },
    listener,
  );
  server.on(
    'upgrade',
    createUpgradeListener(() => cluster.apiserver, {
      clientCert: peerCertificate,
      afterRequest: () => runtime.settle(),
    }),
  );
  // Requests the HTTP parser cannot read still get an apiserver Status, and the connection closes.
  server.on('clientError', (err: Error & { code?: string }, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `malformed HTTP request: ${err.code ?? err.message}`, reason: 'BadRequest', code: 400 });
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve) => server.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  let last = Date.now();
  const ticker = o.tick === false ? undefined : setInterval(() => {
    const now = Date.now();
    runtime.advance(now - last);
    last = now;
  }, 100);
  void openWatches;
  const kubeconfig = kubeconfigFor(lab, port);
  if (o.kubeconfigOut) writeFileSync(o.kubeconfigOut, kubeconfig, { mode: 0o600 });
  return {
    server,
    lab,
    url: `https://127.0.0.1:${port}`,
    kubeconfig,
    close: () =>
      new Promise((resolve) => {
        if (ticker) clearInterval(ticker);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** wallClockStart is now to the second, where a lab served to real clients starts its simulated clock. */
export function wallClockStart(): number {
  return Math.floor(Date.now() / 1000) * 1000;
}

/** serveMain is `kubelab serve`. */
export async function serveMain(args: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return args[i]!.includes('=') ? args[i]!.split('=').slice(1).join('=') : args[i + 1];
  };
  const port = Number(opt('--port') ?? 6443);
  const out = opt('--kubeconfig-out') ?? 'kubelab.kubeconfig';
  const s = await startServe({ port, kubeconfigOut: out, labFile: opt('--lab'), seed: opt('--seed') ? Number(opt('--seed')) : undefined });
  console.log(`kubelab serve: the lab's cluster is at ${s.url}`);
  console.log(`kubeconfig written to ${out}; try: kubectl --kubeconfig ${out} get nodes`);
  return new Promise<number>(() => {});
}
