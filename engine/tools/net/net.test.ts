import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import type { HttpRequest, HttpResponse } from '../../host/net.ts';
import { startCoreDns } from '../../network/coredns/coredns.ts';
import { startKubeProxy } from '../../network/kube-proxy/proxy.ts';
import { netLab } from '../../network/testing/lab.ts';
import { curl, dig, host, ip, iptablesSave, nc, nslookup, ping, ss, wget } from './index.ts';

function setup() {
  const lab = netLab();
  for (const n of lab.nodes) startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: n.name });
  startCoreDns({ runtime: lab.runtime, client: lab.admin, net: lab.net });
  const reply = (req: HttpRequest): HttpResponse => {
    if (req.path === '/old') return { status: 301, headers: { location: '/new', 'content-type': 'text/html' }, body: 'moved\n' };
    if (req.path === '/missing') return { status: 404, headers: { 'content-type': 'text/html' }, body: 'not here\n' };
    return { status: 200, headers: { server: 'nginx/1.27.3', 'content-type': 'text/html' }, body: `${req.method} ${req.path}${req.body ? ` ${req.body}` : ''}\n` };
  };
  const web = lab.addPod({ name: 'web-1', labels: { app: 'web' }, reply });
  const bb = lab.addPod({ name: 'bb', busybox: true });
  const svc = lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }) as unknown as { spec: { clusterIP: string } };
  lab.syncSlices();
  return { lab, web, bb, vip: svc.spec.clusterIP };
}

/** METER_HEAD is curl's progress meter header and its first update, as curl 7.88 writes them to a pipe (testdata/net-tools.json) */
const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

describe('curl', () => {
  it('draws the progress meter on stderr when the body does not go to the terminal', async () => {
    const { lab, web } = setup();
    const r = await lab.run(curl, ['curl', `http://${web.ip}/`]);
    expect(r.stdout).toBe('GET /\n');
    // no Content-Length: the total is what arrived; 6 bytes in the 2.143 ms the lab reports as the transfer time
    expect(r.stderr).toBe(`${METER_HEAD}\r100     6    0     6    0     0   2799      0 --:--:-- --:--:-- --:--:--  2799\n`);
    expect((await lab.run(curl, ['curl', '-s', `http://${web.ip}/`])).stderr).toBe('');
    expect((await lab.run(curl, ['curl', '--no-progress-meter', `http://${web.ip}/`])).stderr).toBe('');
  });

  it('prints the verbose exchange of curl 7.81 on the machines and curl 8 in images', async () => {
    const { lab, web, bb, vip } = setup();
    const r = await lab.run(curl, ['curl', '-sv', `http://${web.ip}/`]);
    expect(r.stdout).toBe('GET /\n');
    expect(r.stderr).toBe(
      `*   Trying ${web.ip}:80...\n* Connected to ${web.ip} (${web.ip}) port 80 (#0)\n> GET / HTTP/1.1\n> Host: ${web.ip}\n> User-Agent: curl/7.81.0\n> Accept: */*\n> \n* Mark bundle as not supporting multiuse\n< HTTP/1.1 200 OK\n< Server: nginx/1.27.3\n< Content-Type: text/html\n< \n{ [6 bytes data]\n* Connection #0 to host ${web.ip} left intact\n`,
    );
    const modern = await lab.run(curl, ['curl', '-sv', 'http://web/'], bb);
    expect(modern.stderr.split('\n').slice(0, 6)).toEqual(['* Host web:80 was resolved.', '* IPv6: (none)', `* IPv4: ${vip}`, `*   Trying ${vip}:80...`, `* Connected to web (${vip}) port 80`, '* using HTTP/1.x']);
  });

  it('sends methods, headers and data; shows headers with -i and -I', async () => {
    const { lab, web } = setup();
    expect((await lab.run(curl, ['curl', '-s', '-X', 'PUT', '-d', 'a=1', `http://${web.ip}/x`])).stdout).toBe('PUT /x a=1\n');
    expect((await lab.run(curl, ['curl', '-sd', 'b=2', `${web.ip}/y`])).stdout).toBe('POST /y b=2\n');
    expect((await lab.run(curl, ['curl', '-I', `http://${web.ip}/`])).stdout).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\n\r\n');
    expect((await lab.run(curl, ['curl', '-si', `http://${web.ip}/`])).stdout).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\n\r\nGET /\n');
  });

  it('follows redirects with -L, fails with -f, writes files with -o', async () => {
    const { lab, web } = setup();
    expect((await lab.run(curl, ['curl', '-s', `http://${web.ip}/old`])).stdout).toBe('moved\n');
    expect((await lab.run(curl, ['curl', '-sL', `http://${web.ip}/old`])).stdout).toBe('GET /new\n');
    const f = await lab.run(curl, ['curl', '-sSf', `http://${web.ip}/missing`]);
    expect(f).toMatchObject({ code: 22, stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n' });
    expect((await lab.run(curl, ['curl', '-s', '-o', '/tmp/page', `http://${web.ip}/p`])).code).toBe(0);
    expect(lab.hosts.get('controlplane')!.fs.readFile('/tmp/page')).toBe('GET /p\n');
  });

  it('reports connection, resolution and usage errors with curl exit codes', async () => {
    const { lab, bb, web } = setup();
    expect((await lab.run(curl, ['curl', '-sS', 'http://nosuch/'])).stderr).toBe('curl: (6) Could not resolve host: nosuch\n');
    const refused = await lab.run(curl, ['curl', '-sS', `http://${web.ip}:81/`], bb);
    expect(refused.stderr).toBe(`curl: (7) Failed to connect to ${web.ip} port 81 after 0 ms: Couldn't connect to server\n`);
    expect((await lab.run(curl, ['curl', '-sS', `http://${web.ip}:81/`])).stderr).toBe(`curl: (7) Failed to connect to ${web.ip} port 81 after 0 ms: Connection refused\n`);
    const slow = await lab.run(curl, ['curl', 'http://10.244.9.9/']);
    expect(slow.code).toBe(28);
    // the meter's last update shows the time spent waiting
    expect(slow.stderr).toBe(
      `${METER_HEAD}\r  0     0    0     0    0     0      0      0 --:--:--  0:02:13 --:--:--     0\ncurl: (28) Failed to connect to 10.244.9.9 port 80 after 133000 ms: Connection timed out\n`,
    );
    expect(slow.elapsedMs).toBeGreaterThanOrEqual(133_000);
    expect((await lab.run(curl, ['curl', '--bogus', 'x'])).stderr).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect((await lab.run(curl, ['curl'])).code).toBe(2);
  });
});

describe('wget', () => {
  it('downloads with GNU wget on the machines and busybox wget in busybox images', async () => {
    const { lab, web, bb } = setup();
    const gnu = await lab.run(wget, ['wget', `http://${web.ip}/`]);
    expect(gnu.stderr).toContain(`Connecting to ${web.ip}:80... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 6 [text/html]\nSaving to: ‘index.html’\n`);
    expect(lab.hosts.get('controlplane')!.fs.readFile('/root/index.html')).toBe('GET /\n');
    expect((await lab.run(wget, ['wget', '-qO-', 'http://web/a'], bb)).stdout).toBe('GET /a\n');
    expect((await lab.run(wget, ['wget', '-qO-', 'http://nope/'], bb)).stderr).toBe("wget: bad address 'nope'\n");
    const spider = await lab.run(wget, ['wget', '--spider', 'http://web/'], bb);
    expect(spider.stderr).toBe(`Connecting to web (${spider.stderr.match(/\((\d+\.\d+\.\d+\.\d+):80\)/)![1]}:80)\nremote file exists\n`);
    const missing = await lab.run(wget, ['wget', `http://${web.ip}/missing`]);
    expect(missing.code).toBe(8);
    expect(missing.stderr).toMatch(/ERROR 404: Not Found\.\n\n$/);
    const timeout = await lab.run(wget, ['wget', '-T', '2', '-qO-', 'http://10.244.9.9/'], bb);
    expect(timeout).toMatchObject({ code: 1, stderr: 'wget: download timed out\n' });
  });
});

describe('nc, ping, ip', () => {
  it('nc -zv checks ports in the openbsd and busybox layouts', async () => {
    const { lab, web, bb, vip } = setup();
    expect((await lab.run(nc, ['nc', '-zv', web.ip, '80'])).stderr).toBe(`Connection to ${web.ip} (${web.ip}) 80 port [tcp/http] succeeded!\n`);
    expect((await lab.run(nc, ['nc', '-zv', web.ip, '81'])).stderr).toBe(`nc: connect to ${web.ip} port 81 (tcp) failed: Connection refused\n`);
    expect((await lab.run(nc, ['nc', '-zv', 'web', '80'], bb)).stderr).toBe(`web (${vip}:80) open\n`);
    const w = await lab.run(nc, ['nc', '-zv', '-w', '3', '10.244.9.9', '80']);
    expect(w).toMatchObject({ code: 1, stderr: 'nc: connect to 10.244.9.9 port 80 (tcp) timed out: Operation now in progress\n' });
  });

  it('ping answers from pods and hosts but not from cluster IPs', async () => {
    const { lab, web, bb } = setup();
    const ok = await lab.run(ping, ['ping', '-c', '2', web.ip]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^PING ${web.ip} \\(${web.ip}\\) 56\\(84\\) bytes of data\\.\\n64 bytes from ${web.ip}: icmp_seq=1 ttl=64 time=`));
    expect(ok.stdout).toContain('2 packets transmitted, 2 received, 0% packet loss, time 1003ms\n');
    const vip = await lab.run(ping, ['ping', '-c', '2', 'web'], bb);
    expect(vip.code).toBe(1);
    expect(vip.stdout).toMatch(/^PING web \(10\.\d+\.\d+\.\d+\): 56 data bytes\n\n--- web ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n$/);
    expect((await lab.run(ping, ['ping', '-c', '1', 'nosuch'])).stderr).toBe('ping: nosuch: Name or service not known\n');
  });

  it('ip shows the address of the machine or of the pod', async () => {
    const { lab, bb } = setup();
    const a = await lab.run(ip, ['ip', 'a']);
    expect(a.stdout).toContain('2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    link/ether 02:42:c0:a8:01:0a brd ff:ff:ff:ff:ff:ff\n    altname enp0s3\n    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0\n');
    expect((await lab.run(ip, ['ip', 'addr', 'show', 'eth0'], bb)).stdout).toContain(`    inet ${bb.ip}/24 brd 10.244.1.255 scope global eth0\n`);
    expect((await lab.run(ip, ['ip', 'route'], bb)).stdout).toBe(`default via 10.244.1.1 dev eth0 \n10.244.1.0/24 dev eth0 scope link  src ${bb.ip} \n`);
    expect((await lab.run(ip, ['ip', 'foo'])).stderr).toBe('Object "foo" is unknown, try "ip help".\n');
  });
});

describe('dig, host, nslookup', () => {
  it('dig prints the full answer layout and NXDOMAIN with the zone SOA', async () => {
    const { lab, web, vip } = setup();
    const r = await lab.run(dig, ['dig', 'web.default.svc.cluster.local'], web);
    expect(r.stdout).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ');
    expect(r.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n');
    expect(r.stdout).toContain(';; Got answer:\n;; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n;; ->>HEADER<<-');
    expect(r.stdout).toMatch(/\n; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: [0-9a-f]{16} \(echoed\)\n;; QUESTION SECTION:\n;web\.default\.svc\.cluster\.local\.\tIN\tA\n/);
    expect(r.stdout).toContain(`;; ANSWER SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t${vip}\n`);
    // 12 header + 35 question + 45 answer + 23 OPT with the echoed cookie: CoreDNS does not compress names
    expect(r.stdout).toContain(';; MSG SIZE  rcvd: 115\n');
    expect(r.stdout).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n');
    const nx = await lab.run(dig, ['dig', 'nope.default.svc.cluster.local'], web);
    expect(nx.stdout).toContain('status: NXDOMAIN');
    expect(nx.stdout).toContain(';; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. ');
  });

  it('nslookup on a machine asks the local stub; host uses the search list', async () => {
    const { lab, web, vip } = setup();
    expect((await lab.run(nslookup, ['nslookup', 'node01'])).stdout).toBe('Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\tnode01\nAddress: 192.168.1.11\n\n');
    expect((await lab.run(nslookup, ['nslookup', 'web'], web)).stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${vip}\n\n`);
    expect((await lab.run(host, ['host', 'web'], web)).stdout).toBe(`web.default.svc.cluster.local has address ${vip}\n`);
    expect((await lab.run(host, ['host', 'nope'], web)).stdout).toBe('Host nope not found: 3(NXDOMAIN)\n');
    expect((await lab.run(nslookup, ['nslookup', 'nope'], web)).stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n");
  });

  it('dig takes a bare word that names a type as the type, wherever it stands; host -t asks for a type', async () => {
    const { lab, web, vip } = setup();
    const before = await lab.run(dig, ['dig', 'AAAA', 'web.default.svc.cluster.local'], web);
    expect(before.stdout).toContain(';web.default.svc.cluster.local.\tIN\tAAAA\n');
    const after = await lab.run(dig, ['dig', 'web.default.svc.cluster.local', 'IN', 'A', '+short'], web);
    expect(after.stdout).toBe(`${vip}\n`);
    expect((await lab.run(host, ['host', '-t', 'AAAA', 'web.default.svc.cluster.local'], web)).stdout).toBe('web.default.svc.cluster.local has no AAAA record\n');
    expect((await lab.run(host, ['host', '-t', 'A', 'web'], web)).stdout).toBe(`web.default.svc.cluster.local has address ${vip}\n`);
  });
});

describe('iptables-save', () => {
  it('prints the rules of the kube-proxy on this node to root', async () => {
    const { lab, web, vip } = setup();
    const r = await lab.run(iptablesSave, ['iptables-save', '-t', 'nat'], 'node01');
    expect(r.stdout).toContain(`-A KUBE-SERVICES -d ${vip}/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-`);
    expect(r.stdout).toContain(`-j DNAT --to-destination ${web.ip}:80\n`);
  });
});

describe('ss', () => {
  it('lists listening sockets in iproute2 columns', async () => {
    const { lab } = setup();
    lab.net.listen('controlplane', '0.0.0.0', 6443, { protocol: 'kube-api', handler: {} });
    lab.net.listen('controlplane', '127.0.0.1', 10259, { protocol: 'http', handler: {} });
    const r = await lab.run(ss, ['ss', '-tln']);
    expect(r.stdout).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'LISTEN 0      4096   127.0.0.53%lo:53         0.0.0.0:*          \n' +
        'LISTEN 0      128          0.0.0.0:22         0.0.0.0:*          \n' +
        'LISTEN 0      128             [::]:22            [::]:*          \n' +
        'LISTEN 0      4096               *:6443             *:*          \n' +
        'LISTEN 0      4096       127.0.0.1:10259      0.0.0.0:*          \n',
    );
  });
});
