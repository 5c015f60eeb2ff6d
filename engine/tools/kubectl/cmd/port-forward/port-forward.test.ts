import { describe, expect, it } from 'vitest';
import { clusterHarness, startKubectl } from '../testing.ts';

const flush = () => new Promise((r) => setImmediate(r));

describe('kubectl port-forward', () => {
  it('binds the local port to the pod\'s port until Ctrl-C', async () => {
    const k = clusterHarness();
    const created = k.pod('web', { node: 'node01', phase: 'Running' });
    k.put('/api/v1/namespaces/default/pods/web/status', { ...k.get('/api/v1/namespaces/default/pods/web')!, status: { phase: 'Running', podIP: '10.244.1.5', hostIP: '192.168.1.11' } });
    k.net.addAddress('node01', '192.168.1.11');
    k.net.addAddress('node01', '10.244.1.5');
    const app = { protocol: 'http', handler: { name: 'nginx' } };
    k.net.listen('node01', '10.244.1.5', 80, app);
    const run = startKubectl(k, ['port-forward', 'pod/web', '8080:80']);
    await flush();
    expect(run.stdout.text).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(k.net.dial({ host: 'terminal', ip: '192.168.1.2' }, '127.0.0.1', 8080)).toBe(app);
    run.interrupt();
    expect(await run.done).toBe(130);
    expect(() => k.net.dial({ host: 'terminal', ip: '192.168.1.2' }, '127.0.0.1', 8080)).toThrow();
    expect(created.metadata.name).toBe('web');
  });

  it('refuses a pod that is not running', async () => {
    const k = clusterHarness();
    k.pod('web', { node: 'node01', phase: 'Pending' });
    expect((await k.run(['port-forward', 'web', '8080:80'])).stderr).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
  });

  it('forwards a Service\'s port to the targetPort of the pod it picks, and names ports as kubectl does', async () => {
    const k = clusterHarness();
    k.create('/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { nodeName: 'node01', containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
    });
    k.put('/api/v1/namespaces/default/pods/web/status', { ...k.get('/api/v1/namespaces/default/pods/web')!, status: { phase: 'Running', podIP: '10.244.1.5', hostIP: '192.168.1.11' } });
    k.net.addAddress('node01', '192.168.1.11');
    k.net.addAddress('node01', '10.244.1.5');
    const app = { protocol: 'http', handler: { name: 'nginx' } };
    k.net.listen('node01', '10.244.1.5', 80, app);
    k.create('/api/v1/namespaces/default/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'web', port: 8080, targetPort: 80 }, { name: 'alt', port: 9090, targetPort: 'http' }] },
    });
    // kubectl rewrites 9000:8080 to 9000:80 and prints the pod's port
    const run = startKubectl(k, ['port-forward', 'svc/web', '9000:8080', '9090', '7000:alt']);
    await flush();
    expect(run.stdout.text).toBe(
      'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\nForwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\nForwarding from 127.0.0.1:7000 -> 80\nForwarding from [::1]:7000 -> 80\n',
    );
    expect(k.net.dial({ host: 'terminal', ip: '192.168.1.2' }, '127.0.0.1', 9000)).toBe(app);
    run.interrupt();
    expect(await run.done).toBe(130);
    expect((await k.run(['port-forward', 'svc/web', '8081:81'])).stderr).toBe('error: Service web does not have a service port 81\n');
    expect((await k.run(['port-forward', 'svc/web', '8081:https'])).stderr).toBe("error: Service 'web' does not have a named port 'https'\n");
    expect((await k.run(['port-forward', 'pod/web', '8081:metrics'])).stderr).toBe("error: Pod 'web' does not have a named port 'metrics'\n");
  });
});
