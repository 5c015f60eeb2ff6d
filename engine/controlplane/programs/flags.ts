/**
 * pflag as Kubernetes components use it: `--name=value` or `--name value`,
 * booleans bare or `=true|false`, repeated flags for lists. A flag the
 * component does not define ends it the way cobra does (usage, then
 * `Error: unknown flag: --foo`, exit 1).
 */

/** ComponentFlags are the parsed values: the last value of each flag, every value for repeated ones. */
export interface ComponentFlags {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
  args: string[];
}

/** parseComponentFlags reads argv (without argv[0]); bools lists the boolean flags (they take no separate value). */
export function parseComponentFlags(argv: string[], known: ReadonlySet<string>, bools: ReadonlySet<string>): ComponentFlags | { error: string } {
  const values = new Map<string, string[]>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    if (!known.has(name)) return { error: a.startsWith('--') ? `unknown flag: --${name}` : `unknown shorthand flag: '${name[0]}' in ${a}` };
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (bools.has(name)) value = 'true';
    else if (i + 1 < argv.length) value = argv[++i]!;
    else return { error: `flag needs an argument: --${name}` };
    if (bools.has(name) && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(value)) {
      return { error: `invalid argument "${value}" for "--${name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax` };
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return {
    get: (n) => values.get(n)?.at(-1),
    all: (n) => (values.get(n) ?? []).flatMap((v) => v.split(',')).filter((v) => v !== ''),
    has: (n) => values.has(n),
    args,
  };
}

/** COMMON_FLAGS are the logging and generic flags every Kubernetes component takes. */
export const COMMON_FLAGS = [
  'v', 'vmodule', 'log-flush-frequency', 'logging-format', 'log-json-info-buffer-size', 'log-json-split-stream', 'log-text-info-buffer-size', 'log-text-split-stream',
  'help', 'version', 'feature-gates', 'kubeconfig', 'master', 'bind-address', 'secure-port', 'cert-dir', 'tls-cert-file', 'tls-private-key-file',
  'tls-cipher-suites', 'tls-min-version', 'tls-sni-cert-key', 'http2-max-streams-per-connection', 'permit-port-sharing', 'permit-address-sharing',
  'authentication-kubeconfig', 'authentication-skip-lookup', 'authentication-token-webhook-cache-ttl', 'authentication-tolerate-lookup-failure',
  'authorization-kubeconfig', 'authorization-always-allow-paths', 'authorization-webhook-cache-authorized-ttl', 'authorization-webhook-cache-unauthorized-ttl',
  'client-ca-file', 'requestheader-client-ca-file', 'requestheader-allowed-names', 'requestheader-extra-headers-prefix', 'requestheader-group-headers',
  'requestheader-username-headers', 'requestheader-uid-headers', 'leader-elect', 'leader-elect-lease-duration', 'leader-elect-renew-deadline', 'leader-elect-resource-lock',
  'leader-elect-resource-name', 'leader-elect-resource-namespace', 'leader-elect-retry-period', 'kube-api-burst', 'kube-api-content-type', 'kube-api-qps',
  'profiling', 'contention-profiling', 'show-hidden-metrics-for-version', 'allow-metric-labels', 'allow-metric-labels-manifest', 'disabled-metrics', 'emulated-version',
];

/** COMMON_BOOLS are the boolean ones among COMMON_FLAGS. */
export const COMMON_BOOLS = ['help', 'version', 'leader-elect', 'profiling', 'contention-profiling', 'permit-port-sharing', 'permit-address-sharing', 'authentication-skip-lookup', 'authentication-tolerate-lookup-failure', 'log-json-split-stream', 'log-text-split-stream'];
