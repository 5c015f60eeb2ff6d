import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../base/clock.ts';
import { Runtime } from '../../base/runtime.ts';
import { createHost } from '../../host/image.ts';
import { Collector, EMPTY_INPUT } from '../../host/streams.ts';
import { sysFor } from '../../host/systemd/testing/lab.ts';
import { kubeProxyProgram } from './program.ts';

/** start runs kube-proxy with a config file whose mode is given, and answers what it logged once started, then stops it. */
async function start(config: string | undefined) {
  const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: 1 });
  const host = createHost({ name: 'node01', ip: '192.168.100.11', clock: runtime.clock });
  if (config !== undefined) {
    host.fs.mkdir('/var/lib/kube-proxy', { recursive: true });
    host.fs.writeFile('/var/lib/kube-proxy/config.conf', config);
  }
  const stderr = new Collector();
  let stop = () => {};
  const user = host.user('root')!;
  const exited = kubeProxyProgram('1.34.3')({
    argv: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=node01'],
    env: {}, cwd: '/', hostname: 'node01', user, fs: host.fs, stdin: EMPTY_INPUT, stdout: new Collector(), stderr,
    signal: { interrupted: false, onInterrupt: (cb) => ((stop = cb), () => {}) },
    sys: sysFor(runtime, host),
  });
  await new Promise((r) => setImmediate(r));
  const logged = stderr.text.replace(/^([IE])\d{4} [\d:.]+ +1 /gm, '$1 ');
  stop();
  return { logged, code: await Promise.race([exited, Promise.resolve('running')]) };
}

describe('the kube-proxy binary', () => {
  it('says which proxy mode it uses, as `kubectl logs` of its pod shows', async () => {
    const empty = await start('kind: KubeProxyConfiguration\nmode: ""\n');
    expect(empty.logged.split('\n').slice(0, 4)).toEqual([
      'I server_linux.go:66] "Using iptables proxy"',
      'I server.go:715] "Successfully retrieved node IP(s)" IPs=["192.168.100.11"]',
      'E server.go:255] "Kube-proxy configuration may be incomplete or incorrect" err="nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`"',
      'I server_linux.go:159] "Using iptables Proxier"',
    ]);
    const ipvs = await start('kind: KubeProxyConfiguration\nmode: ipvs\n');
    expect(ipvs.logged).not.toContain('Using iptables proxy');
    expect(ipvs.logged).toContain('"Using ipvs Proxier"');
  });

  it('ends with the command-failed line when its config file is missing', async () => {
    const r = await start(undefined);
    expect(r.code).toBe(1);
    expect(r.logged).toBe('E run.go:72] "command failed" err="failed complete: open /var/lib/kube-proxy/config.conf: no such file or directory"\n');
  });
});
