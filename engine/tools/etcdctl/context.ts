import type { Process } from '../../host/process.ts';
import type { EtcdService } from '../../controlplane/etcd/wire.ts';
import { dialEtcd, loadTls, retryWarning, type ClientConfig, type TlsMaterial } from './connect.ts';
import type { FlagSpec, ParsedArgs } from './flags.ts';

/** Exit codes of etcdctl (cobrautl). */
export const EXIT = { ok: 0, error: 1, interrupted: 2, badConnection: 3, badFeature: 4, badArgs: 128 } as const;

/** GLOBAL_FLAGS are etcdctl's persistent flags. */
export const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  endpoints: { kind: 'strings', def: '127.0.0.1:2379' },
  cacert: { kind: 'string', def: '' },
  cert: { kind: 'string', def: '' },
  key: { kind: 'string', def: '' },
  'write-out': { kind: 'string', def: 'simple', short: 'w' },
  'dial-timeout': { kind: 'duration', def: '2s' },
  'command-timeout': { kind: 'duration', def: '5s' },
  'keepalive-time': { kind: 'duration', def: '2s' },
  'keepalive-timeout': { kind: 'duration', def: '6s' },
  'insecure-skip-tls-verify': { kind: 'bool', def: 'false' },
  'insecure-transport': { kind: 'bool', def: 'true' },
  'insecure-discovery': { kind: 'bool', def: 'true' },
  'discovery-srv': { kind: 'string', def: '', short: 'd' },
  'discovery-srv-name': { kind: 'string', def: '' },
  hex: { kind: 'bool', def: 'false' },
  debug: { kind: 'bool', def: 'false' },
  user: { kind: 'string', def: '' },
  password: { kind: 'string', def: '' },
  help: { kind: 'bool', def: 'false', short: 'h' },
};

/** Ctx is one etcdctl run: the process, its parsed flags and a way to reach etcd. */
export class Ctx {
  constructor(
    readonly p: Process,
    readonly flags: ParsedArgs,
  ) {}

  str(name: string): string {
    return this.flags.values.get(name) ?? '';
  }
  bool(name: string): boolean {
    return this.flags.values.get(name) === 'true';
  }
  int(name: string): number {
    return Number(this.flags.values.get(name) ?? '0');
  }
  get writeOut(): string {
    return this.str('write-out');
  }
  out(s: string): void {
    this.p.stdout.write(s);
  }
  err(s: string): void {
    this.p.stderr.write(s);
  }
  /** fail prints etcdctl's "Error: …" line and answers the exit code. */
  fail(code: number, msg: string): number {
    this.err(`Error: ${msg}\n`);
    return code;
  }

  config(): ClientConfig {
    const dur = (n: string) => {
      const v = this.str(n);
      const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v);
      return m ? Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60000 : 1000) : 5000;
    };
    return {
      endpoints: this.str('endpoints').split(',').filter((e) => e !== ''),
      cacert: this.str('cacert') || undefined,
      cert: this.str('cert') || undefined,
      key: this.str('key') || undefined,
      insecureSkipVerify: this.bool('insecure-skip-tls-verify'),
      commandTimeoutMs: dur('command-timeout'),
      dialTimeoutMs: dur('dial-timeout'),
    };
  }

  /**
   * clientTls reads the --cert/--key/--cacert files as etcdctl's
   * mustClientCfgFromCmd does, before a command does anything else; a
   * missing or unusable one is "Error: …" with exit 128.
   */
  clientTls(): TlsMaterial | { code: number } {
    const tls = loadTls(this.p, this.config());
    return 'error' in tls ? { code: this.fail(EXIT.badArgs, tls.error) } : tls;
  }

  /**
   * connect reaches the first endpoint that answers. When none does, it waits
   * out the command timeout, prints the client's retry warning and "Error:
   * context deadline exceeded", and answers the exit code instead.
   */
  async connect(o: { anyMember?: boolean } = {}): Promise<{ service: EtcdService } | { code: number }> {
    const c = this.config();
    const tls = this.clientTls();
    if ('code' in tls) return tls;
    let lastError = '';
    for (const ep of c.endpoints) {
      const r = dialEtcd(this.p, ep, tls, c.insecureSkipVerify, o.anyMember);
      if ('service' in r) return r;
      lastError = r.grpcError;
    }
    await this.p.sys.sleep(c.commandTimeoutMs, this.p.signal);
    this.err(retryWarning(this.p, c.endpoints, lastError));
    return { code: this.fail(EXIT.error, 'context deadline exceeded') };
  }
}
