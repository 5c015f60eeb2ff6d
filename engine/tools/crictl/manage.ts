import { rfc3339 } from '../../base/clock.ts';
import { renderLog } from '../../node/runtime/logs.ts';
import type { CrictlContext } from './program.ts';
import { findContainer, opts } from './args.ts';

/** logs prints a container's output (stdout and stderr to their streams). */
export function logs(c: CrictlContext): number {
  const { flags, rest } = opts(c.args, ['tail', 'since', 'limit-bytes']);
  const r = findContainer(c, rest[0]);
  if (typeof r === 'number') return r;
  const tail = flags.get('tail');
  const o = { timestamps: flags.has('t') || flags.has('timestamps'), tailLines: tail !== undefined && tail !== '-1' ? Number(tail) : undefined };
  c.p.stdout.write(renderLog(r.log.lines.filter((l) => l.stream === 'stdout'), o));
  c.p.stderr.write(renderLog(r.log.lines.filter((l) => l.stream === 'stderr'), o));
  return 0;
}

/** exec runs a command in a running container. */
export async function exec(c: CrictlContext): Promise<number> {
  const { rest } = opts(c.args, ['timeout', 'e', 'env', 'u', 'user']);
  const r = findContainer(c, rest[0]);
  if (typeof r === 'number') return r;
  const argv = rest.slice(1);
  if (argv.length === 0) return c.fatal('Command cannot be empty');
  const res = c.cri.exec(r.id, argv, { stdin: c.p.stdin, stdout: c.p.stdout, stderr: c.p.stderr });
  if (!('then' in res)) return c.fatal(`execing command in container synchronously: rpc error: code = Unknown desc = ${res.error}`);
  return res;
}

/** stop stops containers (SIGTERM, SIGKILL after --timeout). */
export function stop(c: CrictlContext): number {
  const { flags, rest } = opts(c.args, ['timeout', 't']);
  if (rest.length === 0) return c.fatal('ID cannot be empty');
  for (const id of rest) {
    const r = findContainer(c, id);
    if (typeof r === 'number') return r;
    c.cri.stopContainer(r.id, Number(flags.get('timeout') ?? flags.get('t') ?? 0));
    c.p.stdout.write(`${id}\n`);
  }
  return 0;
}

/** rm removes stopped containers (-f: running ones too). */
export function rm(c: CrictlContext): number {
  const { flags, rest } = opts(c.args, []);
  if (rest.length === 0 && !flags.has('a') && !flags.has('all')) return c.fatal('ID cannot be empty');
  const ids = rest.length > 0 ? rest : [...c.cri.containers.values()].filter((r) => r.state !== 'CONTAINER_RUNNING').map((r) => r.id);
  for (const id of ids) {
    const r = findContainer(c, id);
    if (typeof r === 'number') return r;
    if (r.state === 'CONTAINER_RUNNING' && !flags.has('f') && !flags.has('force')) {
      c.p.stderr.write(`time="${rfc3339(c.now)}" level=error msg="rpc error: code = Unknown desc = failed to remove container \\"${r.id}\\": container is in running state: ${r.id}"\n`);
      return c.fatal('unable to remove container(s)');
    }
    c.cri.removeContainer(r.id);
    c.p.stdout.write(`${id}\n`);
  }
  return 0;
}

/** rmp removes stopped pod sandboxes. */
export function rmp(c: CrictlContext): number {
  const { flags, rest } = opts(c.args, []);
  if (rest.length === 0) return c.fatal('ID cannot be empty');
  for (const id of rest) {
    const s = c.cri.findSandbox(id);
    if (!s) return c.fatal(`rpc error: code = NotFound desc = an error occurred when try to find sandbox "${id}": not found`);
    if (s.state === 'SANDBOX_READY' && !flags.has('f') && !flags.has('force')) return c.fatal(`removing the pod sandbox "${id}": rpc error: code = Unknown desc = pod sandbox "${s.id}" is not stopped`);
    c.cri.removePodSandbox(s.id);
    c.p.stdout.write(`Removed sandbox ${id}\n`);
  }
  return 0;
}

/** stopp stops pod sandboxes. */
export function stopp(c: CrictlContext): number {
  for (const id of c.args) {
    const s = c.cri.findSandbox(id);
    if (!s) return c.fatal(`rpc error: code = NotFound desc = an error occurred when try to find sandbox "${id}": not found`);
    c.cri.stopPodSandbox(s.id);
    c.p.stdout.write(`Stopped sandbox ${id}\n`);
  }
  return 0;
}

/** pull fetches an image into the node's store. */
export function pull(c: CrictlContext): Promise<number> {
  const ref = opts(c.args, ['creds', 'auth', 'pod-config']).rest[0];
  if (!ref) return Promise.resolve(c.fatal('Image name cannot be empty'));
  return new Promise((resolve) =>
    c.cri.images.pull(ref, (r) => {
      if (r.ok) {
        c.p.stdout.write(`Image is up to date for ${r.image.id}\n`);
        resolve(0);
      } else resolve(c.fatal(`pulling image: ${r.error}`));
    }),
  );
}

/** rmi removes images no container uses. */
export function rmi(c: CrictlContext): number {
  const { rest } = opts(c.args, []);
  if (rest.length === 0) return c.fatal('ID cannot be empty');
  for (const ref of rest) {
    const i = c.cri.images.find(ref);
    if (!i) return c.fatal(`no such image ${ref}`);
    const inUse = [...c.cri.containers.values()].some((r) => r.image.id === i.id);
    if (inUse) return c.fatal(`unable to remove the image(s): rpc error: code = Unknown desc = failed to remove image "${i.id}": image is being used by a container`);
    c.cri.images.remove(i.id);
    for (const t of i.repoTags) c.p.stdout.write(`Deleted: ${t}\n`);
  }
  return 0;
}

