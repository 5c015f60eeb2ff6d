import type { CrictlContext } from './program.ts';
import { humanSize, tabwrite, truncatedId } from './format.ts';
import { ago, opts, sandboxOf, STATE } from './args.ts';

/** ps lists containers (running ones unless -a), newest first. */
export function ps(c: CrictlContext): number {
  const { flags } = opts(c.args, ['name', 'pod', 'p', 'state', 's', 'o', 'output', 'label', 'image', 'namespace', 'n', 'last']);
  let list = [...c.cri.containers.values()];
  if (!flags.has('a') && !flags.has('all') && !flags.has('state') && !flags.has('s')) list = list.filter((r) => r.state === 'CONTAINER_RUNNING');
  const state = flags.get('state') ?? flags.get('s');
  if (state) list = list.filter((r) => STATE[r.state]!.toLowerCase() === state.toLowerCase());
  const name = flags.get('name');
  if (name) list = list.filter((r) => new RegExp(name).test(r.config.name));
  const pod = flags.get('pod') ?? flags.get('p');
  if (pod) list = list.filter((r) => r.sandboxId.startsWith(pod));
  const ns = flags.get('namespace') ?? flags.get('n');
  if (ns) list = list.filter((r) => new RegExp(ns).test(sandboxOf(c, r)?.config.namespace ?? ''));
  list.sort((a, b) => b.createdAt - a.createdAt);
  if (flags.has('l') || flags.has('latest')) list = list.slice(0, 1);
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
  const { flags } = opts(c.args, ['name', 'namespace', 'state', 's', 'o', 'output', 'label', 'id']);
  let list = [...c.cri.sandboxes.values()];
  const name = flags.get('name');
  if (name) list = list.filter((s) => new RegExp(name).test(s.config.name));
  const ns = flags.get('namespace');
  if (ns) list = list.filter((s) => new RegExp(ns).test(s.config.namespace));
  const state = flags.get('state') ?? flags.get('s');
  if (state) list = list.filter((s) => (s.state === 'SANDBOX_READY' ? 'ready' : 'notready') === state.toLowerCase());
  list.sort((a, b) => b.createdAt - a.createdAt);
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

