/** CurlOptions are the parsed command line of curl. */
export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  output?: string;
  remoteName: boolean;
  method?: string;
  headers: string[];
  data?: string;
  insecure: boolean;
  cacert?: string;
  cert?: string;
  key?: string;
  maxTimeS?: number;
  connectTimeoutS?: number;
  location: boolean;
  fail: boolean;
  writeOut?: string;
  userAgent?: string;
  user?: string;
  resolve: string[];
  /** --no-progress-meter (and -#, whose bar the lab does not draw) */
  noProgress: boolean;
}

const WITH_VALUE: Record<string, keyof CurlOptions> = {
  '-o': 'output', '--output': 'output', '-X': 'method', '--request': 'method', '-H': 'headers', '--header': 'headers',
  '-d': 'data', '--data': 'data', '--data-raw': 'data', '--data-binary': 'data', '--data-ascii': 'data', '--json': 'data', '--cacert': 'cacert', '-E': 'cert', '--cert': 'cert',
  '--key': 'key', '-m': 'maxTimeS', '--max-time': 'maxTimeS', '--connect-timeout': 'connectTimeoutS', '-w': 'writeOut', '--write-out': 'writeOut',
  '-A': 'userAgent', '--user-agent': 'userAgent', '-u': 'user', '--user': 'user', '--resolve': 'resolve',
};
const FLAGS: Record<string, keyof CurlOptions> = {
  '-s': 'silent', '--silent': 'silent', '-S': 'showError', '--show-error': 'showError', '-v': 'verbose', '--verbose': 'verbose', '-I': 'head', '--head': 'head',
  '-i': 'include', '--include': 'include', '-k': 'insecure', '--insecure': 'insecure', '-L': 'location', '--location': 'location', '-f': 'fail', '--fail': 'fail',
  '-O': 'remoteName', '--remote-name': 'remoteName', '--no-progress-meter': 'noProgress', '--progress-bar': 'noProgress', '-#': 'noProgress',
};
/** accepted and ignored: they change nothing the lab shows */
const IGNORED = new Set(['-4', '-6', '--ipv4', '--ipv6', '--http1.1', '--http2', '--compressed', '-N', '--no-buffer', '-Z', '--tcp-nodelay', '--no-keepalive', '-g', '--globoff']);

/** parseCurlArgs reads curl's arguments; a string is the error line to print (exit 2). */
export function parseCurlArgs(args: string[]): CurlOptions | string {
  const o: CurlOptions = { urls: [], silent: false, showError: false, verbose: false, head: false, include: false, remoteName: false, headers: [], insecure: false, location: false, fail: false, resolve: [], noProgress: false };
  const set = (key: keyof CurlOptions, v: string): string | undefined => {
    if (key === 'headers') o.headers.push(v);
    else if (key === 'resolve') o.resolve.push(v);
    else if (key === 'maxTimeS' || key === 'connectTimeoutS') {
      const n = Number(v);
      if (!Number.isFinite(n)) return `curl: option ${key === 'maxTimeS' ? '--max-time' : '--connect-timeout'}: expected a proper numerical parameter`;
      o[key] = n;
    } else if (key === 'data' && o.data !== undefined) o.data += `&${v}`;
    else (o as unknown as Record<string, unknown>)[key] = v;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      o.urls.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (IGNORED.has(name)) continue;
      if (name === '--url') {
        const v = args[++i];
        if (v === undefined) return `curl: option --url: requires parameter`;
        o.urls.push(v);
        continue;
      }
      const flag = FLAGS[name];
      if (flag) {
        (o as unknown as Record<string, unknown>)[flag] = true;
        continue;
      }
      const key = WITH_VALUE[name];
      if (!key) return `curl: option ${a}: is unknown`;
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return `curl: option ${name}: requires parameter`;
      const err = set(key, v);
      if (err) return err;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Short options bundle (-sSL); one taking a value takes the rest of the word or the next argument.
      for (let j = 1; j < a.length; j++) {
        const opt = `-${a[j]}`;
        if (IGNORED.has(opt)) continue;
        const flag = FLAGS[opt];
        if (flag) {
          (o as unknown as Record<string, unknown>)[flag] = true;
          continue;
        }
        const key = WITH_VALUE[opt];
        if (!key) return `curl: option ${a}: is unknown`;
        const rest = a.slice(j + 1);
        const v = rest !== '' ? rest : args[++i];
        if (v === undefined) return `curl: option ${opt}: requires parameter`;
        const err = set(key, v);
        if (err) return err;
        break;
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}
