import type { Process, Program } from '../../host/process.ts';
import { containerdDefaultConfig } from '../../host/packages/containerd-config.ts';
import { nodeEnvFor } from './registry.ts';

function ts(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/**
 * containerd is /usr/bin/containerd as its unit runs it: while it runs, the
 * node's CRI socket answers (crictl, the kubelet); containers keep running
 * when it stops, as shims do.
 */
export const containerdProgram: Program = async (p: Process) => {
  const runtime = p.sys.runtime;
  const env = nodeEnvFor(runtime, p.hostname);
  if (p.argv.includes('--version') || p.argv.includes('-v')) {
    p.stdout.write(`containerd github.com/containerd/containerd ${env?.cri.version.runtimeVersion ?? 'v1.7.28'} 05044ec0a9a75232cad458027ca83437aae3f4da\n`);
    return 0;
  }
  // `containerd config default` is how the install guide makes /etc/containerd/config.toml.
  if (p.argv[1] === 'config') {
    if (p.argv[2] === 'default') {
      p.stdout.write(containerdDefaultConfig());
      return 0;
    }
    if (p.argv[2] === undefined || p.argv[2] === '--help' || p.argv[2] === '-h') {
      p.stdout.write('NAME:\n   containerd config - Information on the containerd config\n\nUSAGE:\n   containerd config command [command options] [arguments...]\n\nCOMMANDS:\n   default  See the output of the default config\n   dump     See the output of the final main config with imported in subconfig files\n\nOPTIONS:\n   --help, -h  show help\n');
      return 0;
    }
    p.stderr.write(`No help topic for '${p.argv[2]}'\n`);
    return 3;
  }
  const log = (level: string, msg: string) => p.stderr.write(`time="${ts(runtime.now)}" level=${level} msg=${JSON.stringify(msg)}\n`);
  log('info', `starting containerd revision=05044ec0a9a75232cad458027ca83437aae3f4da version=${env?.cri.version.runtimeVersion ?? 'v1.7.28'}`);
  log('info', 'serving... address=/run/containerd/containerd.sock');
  log('info', 'containerd successfully booted in 0.042512s');
  if (env) env.containerdUp = true;
  await new Promise<void>((resolve) => p.signal.onInterrupt(resolve));
  if (env) env.containerdUp = false;
  log('info', 'Stop CRI service');
  return 0;
};
