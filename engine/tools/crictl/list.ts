import type { CrictlContext } from './program.ts';
import { humanSize, tabwrite, truncatedId } from './format.ts';
import { ago, opts, sandboxOf, STATE } from './args.ts';
import { containerMessage, imageMessage, printResponse, sandboxMessage } from './messages.ts';

/** goLogFatal is Go's log.Fatalf, which crictl uses for a bad --state: a dated line and exit status 1. */
function goLogFatal(c: CrictlContext, msg: string): number {
  const d = new Date(c.now).toISOString();
  c.p.stderr.write(`${d.slice(0, 10).replace(/-/g, '/')} ${d.slice(11, 19)} ${msg}\n`);
  return 1;
}

/** labelSelector parses repeated --label key=value, as crictl's parseLabelStringSlice does. */
function labelSelector(c: CrictlContext, values: string[]): Record<string, string> | number {
  const out: Record<string, string> = {};
  for (const v of values) {
    const pair = v.split('=');
    if (pair.length !== 2) return c.fatal(`incorrectly specified label: ${v}`);
    out[pair[0]!] = pair[1]!;
  }
  return out;
}

const matchesLabels = (labels: Record<string, string>, want: Record<string, string>) => Object.entries(want).every(([k, v]) => labels[k] === v);

/** newestFirst sorts by creation time and keeps what --latest (one) or --last N ask for. */
function newestFirst<T extends { createdAt: number }>(list: T[], flags: Map<string, string>): T[] {
  list.sort((a, b) => b.createdAt - a.createdAt);
  let n = list.length;
  if (flags.has('latest') || flags.has('l')) n = 1;
  const last = Number.parseInt(flags.get('last') ?? flags.get('n') ?? '0', 10);
  if (last > 0) n = last;
  return list.slice(0, n);
}

/** outputFormat is -o/--output (table by default); what is not json, yaml or table is refused with `what`'s error. */
function outputFormat(c: CrictlContext, flags: Map<string, string>, what: string): 'json' | 'yaml' | 'table' | number {
  const o = flags.get('output') ?? flags.get('o') ?? 'table';
  if (o === 'json' || o === 'yaml' || o === 'table') return o;
  return c.fatal(`${what}: unsupported output format "${o}"`);
}

/** ps lists containers (running ones unless -a, --state, -l or --last say otherwise), newest first. */
export function ps(c: CrictlContext): number {
  const { flags, values } = opts(c.args, ['id', 'name', 'pod', 'p', 'state', 's', 'o', 'output', 'label', 'image', 'namespace', 'n', 'last']);
  const state = flags.get('state') ?? flags.get('s');
  const states: Record<string, string> = { created: 'CONTAINER_CREATED', running: 'CONTAINER_RUNNING', exited: 'CONTAINER_EXITED', unknown: 'CONTAINER_UNKNOWN' };
  if (state && !states[state.toLowerCase()]) return goLogFatal(c, '--state should be one of created, running, exited or unknown');
  const labels = labelSelector(c, values('label'));
  if (typeof labels === 'number') return labels;
  const format = outputFormat(c, flags, 'listing containers');
  if (typeof format === 'number') return format;
  let list = [...c.cri.containers.values()];
  const byLatest = flags.has('latest') || flags.has('l') || Number.parseInt(flags.get('last') ?? flags.get('n') ?? '0', 10) > 0;
  if (!byLatest) {
    if (state) list = list.filter((r) => r.state === states[state.toLowerCase()]);
    else if (!flags.has('a') && !flags.has('all')) list = list.filter((r) => r.state === 'CONTAINER_RUNNING');
  }
  const id = flags.get('id');
  if (id) list = list.filter((r) => r.id.startsWith(id));
  const pod = flags.get('pod') ?? flags.get('p');
  if (pod) list = list.filter((r) => r.sandboxId.startsWith(pod));
  list = list.filter((r) => matchesLabels(r.config.labels, labels));
  const image = flags.get('image');
  if (image) list = list.filter((r) => r.image.id.startsWith(image) || r.image.id === `sha256:${image}` || r.image.repoTags.includes(image) || r.image.repoTags.includes(`${image}:latest`) || r.config.image === image);
  const name = flags.get('name');
  if (name) list = list.filter((r) => new RegExp(name).test(r.config.name));
  const ns = flags.get('namespace');
  if (ns) list = list.filter((r) => new RegExp(ns).test(sandboxOf(c, r)?.config.namespace ?? ''));
  list = newestFirst(list, flags);
  if (format !== 'table') {
    printResponse((s) => c.p.stdout.write(s), format, { containers: list.map(containerMessage) });
    return 0;
  }
  if (flags.has('q') || flags.has('quiet')) {
    c.p.stdout.write(list.map((r) => `${r.id}\n`).join(''));
    return 0;
  }
  const noTrunc = flags.has('no-trunc');
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
  for (const r of list) {
    const sb = sandboxOf(c, r);
    rows.push([noTrunc ? r.id : truncatedId(r.id), noTrunc ? r.image.id : truncatedId(r.image.id, 'sha256:'), ago(c, r.createdAt), STATE[r.state]!, r.config.name, String(r.config.attempt), noTrunc ? r.sandboxId : truncatedId(r.sandboxId), sb?.config.name ?? '', sb?.config.namespace ?? '']);
  }
  c.p.stdout.write(tabwrite(rows));
  return 0;
}

/** pods lists pod sandboxes, newest first. */
export function pods(c: CrictlContext): number {
  const { flags, values } = opts(c.args, ['id', 'name', 'namespace', 'state', 's', 'o', 'output', 'label', 'n', 'last']);
  const state = flags.get('state') ?? flags.get('s');
  if (state && !['ready', 'notready'].includes(state.toLowerCase())) return goLogFatal(c, '--state should be ready or notready');
  const labels = labelSelector(c, values('label'));
  if (typeof labels === 'number') return labels;
  const format = outputFormat(c, flags, 'listing pod sandboxes');
  if (typeof format === 'number') return format;
  let list = [...c.cri.sandboxes.values()];
  const id = flags.get('id');
  if (id) list = list.filter((s) => s.id.startsWith(id));
  if (state) list = list.filter((s) => (s.state === 'SANDBOX_READY' ? 'ready' : 'notready') === state.toLowerCase());
  list = list.filter((s) => matchesLabels(s.config.labels, labels));
  const name = flags.get('name');
  if (name) list = list.filter((s) => new RegExp(name).test(s.config.name));
  const ns = flags.get('namespace');
  if (ns) list = list.filter((s) => new RegExp(ns).test(s.config.namespace));
  list = newestFirst(list, flags);
  if (format !== 'table') {
    printResponse((s) => c.p.stdout.write(s), format, { items: list.map(sandboxMessage) });
    return 0;
  }
  if (flags.has('q') || flags.has('quiet')) {
    c.p.stdout.write(list.map((s) => `${s.id}\n`).join(''));
    return 0;
  }
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const s of list) rows.push([flags.has('no-trunc') ? s.id : truncatedId(s.id), ago(c, s.createdAt), s.state === 'SANDBOX_READY' ? 'Ready' : 'NotReady', s.config.name, s.config.namespace, String(s.config.attempt), '(default)']);
  c.p.stdout.write(tabwrite(rows));
  return 0;
}

/** images lists the node's images, one row per tag. */
export function images(c: CrictlContext): number {
  const { flags } = opts(c.args, ['o', 'output']);
  const list = c.cri.images.list().sort((a, b) => (a.repoTags[0] ?? '').localeCompare(b.repoTags[0] ?? ''));
  // crictl images prints the response for json and yaml and a table for anything else
  const o = flags.get('output') ?? flags.get('o');
  if (o === 'json' || o === 'yaml') {
    printResponse((s) => c.p.stdout.write(s), o, { images: list.map(imageMessage) });
    return 0;
  }
  if (flags.has('q') || flags.has('quiet')) {
    c.p.stdout.write(list.map((i) => `${i.id}\n`).join(''));
    return 0;
  }
  const digests = flags.has('digests');
  const rows = [['IMAGE', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE']];
  for (const i of list) {
    const digest = (i.repoDigests[0] ?? '').split('@')[1] ?? '<none>';
    for (const tag of i.repoTags) {
      const at = tag.lastIndexOf(':');
      rows.push([tag.slice(0, at), tag.slice(at + 1), ...(digests ? [truncatedId(digest, 'sha256:')] : []), flags.has('no-trunc') ? i.id : truncatedId(i.id, 'sha256:'), humanSize(i.size)]);
    }
  }
  c.p.stdout.write(tabwrite(rows));
  return 0;
}

