import type { Process, Program } from '../../host/process.ts';
import { commandFailed, klogLine } from '../../controlplane/programs/klog.ts';
import { untilStopped } from '../../node/images/programs/serve.ts';

/**
 * The kube-proxy binary of the registry.k8s.io/kube-proxy image. The data
 * path lives in engine/network/kube-proxy (iptables mode); this program is
 * what `kubectl logs kube-proxy-…` and `crictl logs` show: it reads its
 * --config file (the kube-proxy ConfigMap) and logs the startup lines of
 * cmd/kube-proxy (the proxy mode chosen, the node's address, the proxier),
 * then runs until its container stops. A missing config file ends it as
 * the real one ends.
 */
export function kubeProxyProgram(version: string): Program {
  return async (p: Process) => {
    const log = (level: 'I' | 'E', source: string, msg: string) => p.stderr.write(klogLine(level, p.sys.runtime.now, source, msg));
    const configPath = p.argv.find((a) => a.startsWith('--config='))?.slice('--config='.length);
    let mode = '';
    if (configPath) {
      let text: string;
      try {
        text = p.fs.readFile(configPath);
      } catch {
        return commandFailed(p, `failed complete: open ${configPath}: no such file or directory`);
      }
      mode = /^mode:\s*"?([a-z]*)"?\s*$/m.exec(text)?.[1] ?? '';
    }
    // platformApplyDefaults: an empty mode is iptables on Linux, and says so
    if (mode === '') log('I', 'server_linux.go:66', '"Using iptables proxy"');
    const proxier = mode === '' ? 'iptables' : mode;
    log('I', 'server.go:715', `"Successfully retrieved node IP(s)" IPs=["${p.sys.hostIp}"]`);
    log('E', 'server.go:255', '"Kube-proxy configuration may be incomplete or incorrect" err="nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`"');
    log('I', 'server_linux.go:159', `"Using ${proxier} Proxier"`);
    log('I', 'server.go:527', `"Version info" version="v${version}"`);
    for (const [start, controller] of [['config.go:200', 'service config'], ['config.go:106', 'endpoint slice config'], ['config.go:329', 'node config']] as const) {
      log('I', start, `"Starting ${controller} controller"`);
      log('I', 'shared_informer.go:349', `"Waiting for caches to sync" controller="${controller}"`);
    }
    for (const controller of ['node config', 'service config', 'endpoint slice config']) log('I', 'shared_informer.go:356', `"Caches are synced" controller="${controller}"`);
    return untilStopped(p, () => {});
  };
}
