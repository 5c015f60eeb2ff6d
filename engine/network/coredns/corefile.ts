/**
 * The Corefile as CoreDNS reads it, reduced to what the lab's DNS honours:
 * the kubernetes plugin's zone and TTL, the hosts plugin's entries, rewrite
 * name rules, and whether the file parses at all (CoreDNS exits on a Corefile
 * it cannot parse, and its pods crash-loop).
 */

/** DEFAULT_COREFILE is the Corefile kubeadm writes into the coredns ConfigMap. */
export const DEFAULT_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

/** CoreConfig is what a parsed Corefile configures. */
export interface CoreConfig {
  /** the kubernetes plugin's cluster zone, e.g. "cluster.local"; undefined when the plugin is missing */
  zone?: string;
  ttl: number;
  /** pods insecure|verified|disabled */
  pods: 'insecure' | 'verified' | 'disabled';
  /** hosts plugin: name → address */
  hosts: Map<string, string>;
  /** rewrite name exact FROM TO */
  rewrites: { from: string; to: string; kind: 'exact' | 'suffix' | 'prefix' | 'substring' | 'regex' }[];
  forward: boolean;
  /** reload: the reload plugin is on (a running CoreDNS re-reads its Corefile) */
  reload: boolean;
}

/** CorefileError says why CoreDNS would refuse to start, as its log line does. */
export interface CorefileError {
  error: string;
}

/** ParseOptions say where the Corefile is and what a plugin's setup may look at. */
export interface ParseOptions {
  /** path is the file name errors start with (CoreDNS's -conf, e.g. /etc/coredns/Corefile) */
  path?: string;
  /** fileExists tells whether a file exists (forward's upstream may be a resolv.conf); every path does, when absent */
  fileExists?: (path: string) => boolean;
  /**
   * syntaxOnly checks only what the Caddyfile parser checks without a directive list (braces,
   * server blocks): the reload plugin's own parse, before it tries the new configuration.
   */
  syntaxOnly?: boolean;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** isIp is Go's net.ParseIP for the addresses a Corefile names (IPv4, or IPv6 with colons). */
function isIp(s: string): boolean {
  return IPV4.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));
}

/** forwardError is the forward plugin's setup error for `forward FROM TO...` (undefined when it is valid). */
function forwardError(args: string[], block: string[][], where: (what: string) => string, fileExists: (p: string) => boolean): string | undefined {
  // c.Args(&from) then RemainingArgs(): a missing FROM or TO is ArgErr on the last token read
  if (args.length === 0) return `plugin/forward: ${where(`Wrong argument count or unexpected line ending after 'forward'`)}`;
  if (args.length === 1) return `plugin/forward: ${where(`Wrong argument count or unexpected line ending after '${args[0]}'`)}`;
  for (const to of args.slice(1)) {
    const hostPort = to.replace(/^(dns|tls):\/\//, '');
    const bracket = /^\[(.*)\](?::\d+)?$/.exec(hostPort);
    const host = bracket ? bracket[1]! : /^[^:]+:\d+$/.test(hostPort) ? hostPort.replace(/:\d+$/, '') : hostPort;
    if (isIp(host.replace(/%.*$/, ''))) continue;
    if (fileExists(hostPort)) continue;
    return `plugin/forward: not an IP address or file: ${JSON.stringify(hostPort)}`;
  }
  const props = new Set(['except', 'max_fails', 'health_check', 'force_tcp', 'prefer_udp', 'tls', 'tls_servername', 'expire', 'policy', 'max_concurrent']);
  for (const b of block) if (!props.has(b[0]!)) return `plugin/forward: ${where(`unknown property '${b[0]}'`)}`;
  return undefined;
}

const KNOWN = new Set([
  'errors', 'health', 'ready', 'kubernetes', 'prometheus', 'forward', 'cache', 'loop', 'reload', 'loadbalance', 'log', 'hosts', 'rewrite', 'template', 'file',
  'whoami', 'debug', 'bind', 'autopath', 'k8s_external', 'any', 'acl', 'local', 'root', 'trace', 'dnssec', 'minimal', 'nsid', 'chaos', 'etcd', 'import',
]);

function tokenize(text: string): { tok: string; line: number }[] {
  const out: { tok: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '');
    for (const m of line.matchAll(/"[^"]*"|[{}]|[^\s{}]+/g)) out.push({ tok: m[0].replace(/^"|"$/g, ''), line: i + 1 });
    out.push({ tok: '\n', line: i + 1 });
  });
  return out;
}

/** parseCorefile reads a Corefile; an error is what CoreDNS prints before exiting. */
export function parseCorefile(text: string, opts: ParseOptions = {}): CoreConfig | CorefileError {
  const path = opts.path ?? 'Corefile';
  const cfg: CoreConfig = { ttl: 5, pods: 'disabled', hosts: new Map(), rewrites: [], forward: false, reload: false };
  const toks = tokenize(text);
  let i = 0;
  let depth = 0;
  let sawServer = false;
  const err = (line: number, what: string): CorefileError => ({ error: `${path}:${line} - Error during parsing: ${what}` });
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.tok === '\n') {
      i++;
      continue;
    }
    if (depth === 0) {
      // a server block key: ".:53", "cluster.local:53", "."
      if (t.tok === '{' || t.tok === '}') return err(t.line, `Unexpected token '${t.tok}', expecting a server block key`);
      while (i < toks.length && toks[i]!.tok !== '{' && toks[i]!.tok !== '\n') i++;
      if (toks[i]?.tok !== '{') return err(t.line, `Unexpected EOF`);
      depth = 1;
      sawServer = true;
      i++;
      continue;
    }
    if (t.tok === '}') {
      depth--;
      i++;
      continue;
    }
    // a directive line (at depth 1) with optional block
    const line: string[] = [];
    while (i < toks.length && toks[i]!.tok !== '\n' && toks[i]!.tok !== '{' && toks[i]!.tok !== '}') line.push(toks[i++]!.tok);
    const block: string[][] = [];
    if (toks[i]?.tok === '{') {
      i++;
      let cur: string[] = [];
      let closed = false;
      while (i < toks.length) {
        const x = toks[i++]!;
        if (x.tok === '}') {
          if (cur.length) block.push(cur);
          closed = true;
          break;
        }
        if (x.tok === '{') return err(x.line, `Unexpected token '{', expecting argument`);
        if (x.tok === '\n') {
          if (cur.length) block.push(cur);
          cur = [];
        } else cur.push(x.tok);
      }
      if (!closed) return err(t.line, 'Unexpected EOF');
    }
    if (depth === 1 && line.length && !opts.syntaxOnly) {
      const name = line[0]!;
      if (!KNOWN.has(name)) return err(t.line, `Unknown directive '${name}'`);
      if (name === 'kubernetes') {
        cfg.zone = (line[1] ?? 'cluster.local').replace(/\.$/, '');
        for (const b of block) {
          if (b[0] === 'pods') cfg.pods = (b[1] as CoreConfig['pods']) ?? 'disabled';
          if (b[0] === 'ttl') cfg.ttl = Number(b[1] ?? 5);
        }
      } else if (name === 'hosts') {
        for (const b of block) if (/^\d+\.\d+\.\d+\.\d+$/.test(b[0]!)) for (const n of b.slice(1)) cfg.hosts.set(n.replace(/\.$/, ''), b[0]!);
      } else if (name === 'rewrite') {
        const args = line.slice(1);
        if (args[0] === 'stop' || args[0] === 'continue') args.shift();
        if (args[0] === 'name') {
          const kinds = ['exact', 'suffix', 'prefix', 'substring', 'regex'];
          const kind = kinds.includes(args[1] ?? '') ? (args[1] as CoreConfig['rewrites'][number]['kind']) : 'exact';
          const rest = kinds.includes(args[1] ?? '') ? args.slice(2) : args.slice(1);
          if (rest.length < 2) return err(t.line, `Wrong argument count or unexpected line ending after '${rest.at(-1) ?? 'name'}'`);
          cfg.rewrites.push({ from: rest[0]!.replace(/\.$/, ''), to: rest[1]!.replace(/\.$/, ''), kind });
        }
      } else if (name === 'reload') cfg.reload = true;
      else if (name === 'forward') {
        const bad = forwardError(line.slice(1), block, (what) => err(t.line, what).error, opts.fileExists ?? (() => true));
        if (bad) return { error: bad };
        cfg.forward = true;
      }
    }
  }
  if (depth !== 0) return err(toks.at(-1)?.line ?? 1, 'Unexpected EOF');
  if (!sawServer) return err(1, 'no server blocks');
  return cfg;
}
