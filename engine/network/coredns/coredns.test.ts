import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { curl } from '../../tools/net/curl.ts';
import { dig } from '../../tools/net/dig.ts';
import { host } from '../../tools/net/host.ts';
import { nslookup } from '../../tools/net/nslookup.ts';
import { startKubeProxy } from '../kube-proxy/proxy.ts';
import { netLab } from '../testing/lab.ts';
import { startCoreDns } from './coredns.ts';
import { parseCorefile } from './corefile.ts';

function setup(up?: () => boolean) {
  const lab = netLab();
  for (const n of lab.nodes) startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: n.name });
  const dns = startCoreDns({ runtime: lab.runtime, client: lab.admin, net: lab.net, up });
  const web = lab.addPod({ name: 'web-1', labels: { app: 'web' } });
  const client = lab.addPod({ name: 'client', busybox: true });
  const svc = lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }) as unknown as { spec: { clusterIP: string } };
  lab.syncSlices();
  return { lab, dns, web, client, ip: svc.spec.clusterIP };
}

describe('CoreDNS', () => {
  it('resolves short service names through the pod search list (curl by name)', async () => {
    const { lab, client } = setup();
    const r = await lab.run(curl, ['curl', '-s', 'http://web/'], client);
    expect(r).toMatchObject({ code: 0, stdout: 'hello from web-1 /\n' });
    const other = await lab.run(curl, ['curl', '-sS', 'http://web.dev/'], client);
    expect(other.stderr).toBe('curl: (6) Could not resolve host: web.dev\n');
  });

  it('answers busybox nslookup: search domains for short names, every reply printed', async () => {
    const { lab, client, ip } = setup();
    const full = await lab.run(nslookup, ['nslookup', 'web.default.svc.cluster.local'], client);
    expect(full).toMatchObject({ code: 0, stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n\n` });
    const short = await lab.run(nslookup, ['nslookup', 'web'], client);
    expect(short.code).toBe(1);
    expect(short.stdout).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n\n" +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
    // a dotted name is asked as it is: kubernetes-style partial names fail in busybox
    const dotted = await lab.run(nslookup, ['nslookup', 'web.default'], client);
    expect(dotted.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web.default: NXDOMAIN\n\n** server can't find web.default: NXDOMAIN\n\n");
  });

  it('resolves headless services to pod IPs, StatefulSet pod names and pod A records', async () => {
    const { lab, client } = setup();
    const db = lab.addPod({ name: 'db-0', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' });
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] } });
    lab.syncSlices();
    const short = await lab.run(dig, ['dig', '+short', 'db.default.svc.cluster.local'], client);
    expect(short.stdout).toBe(`${db.ip}\n`);
    const pod = await lab.run(dig, ['dig', '+short', 'db-0.db.default.svc.cluster.local'], client);
    expect(pod.stdout).toBe(`${db.ip}\n`);
    const a = await lab.run(dig, ['dig', '+short', `${db.ip.replace(/\./g, '-')}.default.pod.cluster.local`], client);
    expect(a.stdout).toBe(`${db.ip}\n`);
  });

  it('answers SRV for named ports: the cluster IP behind the service name, each endpoint of a headless service', async () => {
    const { lab, client } = setup();
    lab.addPod({ name: 'db-0', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' });
    const db1 = lab.addPod({ name: 'db-1', labels: { app: 'db' } });
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'sql', port: 5432 }] } });
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }] } });
    lab.syncSlices();
    const short = async (...args: string[]) => (await lab.run(dig, ['dig', '+short', ...args], client)).stdout;
    // one SRV per endpoint, weight 100/n, the target its hostname or its dashed address
    const eps = (await short('SRV', '_sql._tcp.db.default.svc.cluster.local')).split('\n').filter(Boolean).sort();
    expect(eps).toEqual([`0 50 5432 ${db1.ip.replace(/\./g, '-')}.db.default.svc.cluster.local.`, '0 50 5432 db-0.db.default.svc.cluster.local.'].sort());
    // every port of the service under its own name; one port under _port._proto
    const api = (await lab.run(dig, ['dig', '+short', 'api.default.svc.cluster.local', 'SRV'], client)).stdout;
    expect(api).toMatch(/^0 50 80 api\.default\.svc\.cluster\.local\.\n0 50 9090 api\.default\.svc\.cluster\.local\.\n$/);
    const full = await lab.run(dig, ['dig', '-t', 'SRV', '_http._tcp.api.default.svc.cluster.local'], client);
    expect(full.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 2\n');
    // bind's columns: a long owner pushes each field one space on (laid out as dig 9.18 prints them)
    expect(full.stdout).toContain(';; QUESTION SECTION:\n;_http._tcp.api.default.svc.cluster.local. IN SRV\n');
    expect(full.stdout).toContain(';; ANSWER SECTION:\n_http._tcp.api.default.svc.cluster.local. 30 IN\tSRV 0 100 80 api.default.svc.cluster.local.\n');
    expect(full.stdout).toContain(';; ADDITIONAL SECTION:\napi.default.svc.cluster.local. 30 IN\tA\t');
    expect(await short('_nope._tcp.api.default.svc.cluster.local', 'SRV')).toBe('');
    expect((await lab.run(host, ['host', '-t', 'SRV', '_sql._tcp.db.default.svc.cluster.local'], client)).stdout).toContain('_sql._tcp.db.default.svc.cluster.local has SRV record 0 50 5432 db-0.db.default.svc.cluster.local.\n');
    expect((await lab.run(host, ['host', '-t', 'SRV', '_nope._tcp.api.default.svc.cluster.local'], client)).stdout).toBe('Host _nope._tcp.api.default.svc.cluster.local not found: 3(NXDOMAIN)\n');
    expect((await lab.run(nslookup, ['nslookup', '-type=srv', '_http._tcp.api.default.svc.cluster.local'], client)).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n_http._tcp.api.default.svc.cluster.local\tservice = 0 100 80 api.default.svc.cluster.local\n\n',
    );
  });

  it('answers ExternalName with a CNAME', async () => {
    const { lab, client } = setup();
    lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    lab.runtime.settle();
    const r = await lab.run(host, ['host', 'ext'], client);
    expect(r.stdout).toBe('ext.default.svc.cluster.local is an alias for db.example.com.\n');
  });

  it('times out when CoreDNS is down (scaled to zero or a broken Corefile)', async () => {
    let up = true;
    const { lab, client } = setup(() => up);
    up = false;
    const r = await lab.run(nslookup, ['nslookup', 'web'], client);
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.elapsedMs).toBeGreaterThanOrEqual(5_000);
    up = true;
    lab.admin.create(R.configmaps, 'kube-system', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns' }, data: { Corefile: '.:53 {\n  kubernetes cluster.local {\n' } });
    lab.runtime.settle();
    const broken = await lab.run(curl, ['curl', '-sS', 'http://web/'], client);
    expect(broken.stderr).toBe('curl: (6) Could not resolve host: web\n');
  });

  it('rejects unknown Corefile directives and reads the kubernetes zone and ttl', () => {
    expect(parseCorefile('.:53 {\n  kubernete cluster.local\n}\n')).toEqual({ error: "Corefile:2 - Error during parsing: Unknown directive 'kubernete'" });
    const cfg = parseCorefile('.:53 {\n  kubernetes k8s.lab in-addr.arpa {\n    pods insecure\n    ttl 60\n  }\n}\n');
    expect(cfg).toMatchObject({ zone: 'k8s.lab', ttl: 60, pods: 'insecure' });
  });
});
