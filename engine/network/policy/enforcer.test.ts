import { describe, expect, it } from 'vitest';
import { R } from '../../client/refs.ts';
import { curl } from '../../tools/net/curl.ts';
import { startCoreDns } from '../coredns/coredns.ts';
import { startKubeProxy } from '../kube-proxy/proxy.ts';
import { netLab } from '../testing/lab.ts';
import { startNetworkPolicy } from './enforcer.ts';

function setup() {
  const lab = netLab();
  for (const n of lab.nodes) startKubeProxy({ runtime: lab.runtime, client: lab.admin, net: lab.net, nodeName: n.name });
  startCoreDns({ runtime: lab.runtime, client: lab.admin, net: lab.net });
  const np = startNetworkPolicy({ runtime: lab.runtime, client: lab.admin, net: lab.net });
  const web = lab.addPod({ name: 'web', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 80 }, { containerPort: 8080 }] });
  const frontend = lab.addPod({ name: 'frontend', labels: { role: 'frontend' } });
  const other = lab.addPod({ name: 'other', labels: { role: 'other' } });
  const devPod = lab.addPod({ namespace: 'dev', name: 'dev-client', labels: { role: 'frontend' } });
  lab.admin.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  lab.syncSlices();
  const policy = (name: string, spec: Record<string, unknown>, ns = 'default') => {
    lab.admin.create(R.networkpolicies, ns, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec });
    lab.runtime.settle();
  };
  const get = async (from: typeof web, url: string) => lab.run(curl, ['curl', '-sS', '-m', '5', '-o', '/dev/null', '-w', '%{http_code}', url], from);
  return { lab, np, web, frontend, other, devPod, policy, get };
}

describe('NetworkPolicy', () => {
  it('default-deny ingress makes connections time out', async () => {
    const t = setup();
    expect((await t.get(t.frontend, 'http://web/')).stdout).toBe('200');
    t.policy('deny', { podSelector: {}, policyTypes: ['Ingress'] });
    const r = await t.get(t.frontend, 'http://web/');
    expect(r.code).toBe(28);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 5001 milliseconds\n');
    expect(r.stdout).toBe('000');
  });

  it('allows ingress by podSelector, namespaceSelector and both together', async () => {
    const t = setup();
    t.policy('deny', { podSelector: {}, policyTypes: ['Ingress'] });
    t.policy('from-frontend', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    expect((await t.get(t.frontend, `http://${t.web.ip}/`)).stdout).toBe('200');
    expect((await t.get(t.other, `http://${t.web.ip}/`)).code).toBe(28);
    // podSelector alone is the policy's namespace only
    expect((await t.get(t.devPod, `http://${t.web.ip}/`)).code).toBe(28);
    t.policy('from-dev', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } }, podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    expect((await t.get(t.devPod, `http://${t.web.ip}/`)).stdout).toBe('200');
  });

  it('matches ports by number, name and endPort', async () => {
    const t = setup();
    t.policy('http-only', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'http' }] }] });
    expect((await t.get(t.other, `http://${t.web.ip}/`)).stdout).toBe('200');
    expect((await t.get(t.other, `http://${t.web.ip}:8080/`)).code).toBe(28);
    t.policy('range', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 8000, endPort: 8100 }] }] });
    expect((await t.get(t.other, `http://${t.web.ip}:8080/`)).stdout).toBe('200');
  });

  it('applies ipBlock with except', async () => {
    const t = setup();
    t.policy('block', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: [t.other.ip + '/32'] } }] }] });
    expect((await t.get(t.frontend, `http://${t.web.ip}/`)).stdout).toBe('200');
    expect((await t.get(t.other, `http://${t.web.ip}/`)).code).toBe(28);
  });

  it('egress deny breaks DNS until port 53 is allowed', async () => {
    const t = setup();
    t.policy('egress', { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
    const noDns = await t.lab.run(curl, ['curl', '-sS', 'http://web/'], t.frontend);
    expect(noDns.stderr).toBe('curl: (6) Could not resolve host: web\n');
    expect((await t.get(t.frontend, `http://${t.web.ip}/`)).stdout).toBe('200');
    t.policy('dns', { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] });
    expect((await t.get(t.frontend, 'http://web/')).stdout).toBe('200');
    // the usual DNS rule: to kube-dns pods in kube-system
    t.lab.admin.delete(R.networkpolicies, 'default', 'dns');
    t.policy('dns-pods', { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] });
    expect((await t.get(t.frontend, 'http://web/')).stdout).toBe('200');
    // an egress policy does not isolate other pods
    expect((await t.get(t.other, 'http://web/')).stdout).toBe('200');
  });

  it('always lets a node reach its own pods', async () => {
    const t = setup();
    t.policy('deny', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(t.np.allows({ host: 'node01', ip: '192.168.1.11' }, t.web.ip, 80)).toBe(true);
    expect(t.np.allows({ host: 'controlplane', ip: '192.168.1.10' }, t.web.ip, 80)).toBe(false);
  });
});
