import { parseAllDocuments } from 'yaml';
import type { EngineEvent } from '../../engine/protocol/api.ts';
import { Lab } from '../../engine/lab/lab.ts';
import type { ClusterHandle } from '../../engine/cluster/boot/direct.ts';
import { Discovery, objectPath } from '../grader/discovery.ts';
import type { ApiAccess, CommandResult, GradeTarget } from '../grader/target.ts';

/** Transcript is one command typed into a host's shell and what it printed. */
export interface Transcript extends CommandResult {
  host: string;
  user: string;
  cmd: string;
}

/**
 * LabDriver runs a Lab in stepped mode for grading: it types commands into
 * shells on any host, applies manifests as the cluster admin, writes files,
 * and is the GradeTarget the grader reads through.
 */
export class LabDriver implements GradeTarget {
  readonly lab: Lab;
  private out = new Map<string, { stdout: string; stderr: string }>();

  constructor(yieldToHost: () => Promise<void>) {
    const emit = (e: EngineEvent) => {
      if (e.type !== 'output') return;
      const b = this.out.get(e.session);
      if (!b) return;
      if (e.stream === 'stdout') b.stdout += e.data;
      else b.stderr += e.data;
    };
    this.lab = new Lab({ emit, yieldToHost, mode: 'stepped', maxCommandMs: 5 * 60_000 });
  }

  /** boot starts the lab (a lab definition's text, or the default lab). */
  async boot(opts: { lab?: string; seed?: number; state?: Uint8Array } = {}): Promise<void> {
    await this.lab.boot(opts);
    this.out.clear();
  }

  get clusters(): ClusterHandle[] {
    const b = this.lab.booted;
    if (!b) throw new Error('the lab has not booted');
    return b.clusters;
  }

  /** studentHost and studentUser are where a learner's terminal starts. */
  get student(): { host: string; user: string } {
    const d = this.lab.booted!.def.student;
    return { host: d.host, user: d.user };
  }

  /** advance moves simulated time on, letting controllers settle. */
  advance(ms: number): void {
    this.lab.booted!.world.runtime.advance(ms);
  }

  /**
   * type opens a shell on a host as a user and types a script into it line by
   * line (heredocs and `ssh` into other hosts work as at a terminal).
   */
  async type(host: string, user: string, script: string): Promise<Transcript[]> {
    const s = await this.lab.openSession({ host, user });
    const buf = { stdout: '', stderr: '' };
    this.out.set(s.id, buf);
    const log: Transcript[] = [];
    const lines = script.replace(/\n$/, '').split('\n');
    let pending: string[] = [];
    try {
      for (const line of lines) {
        pending.push(line);
        const r = await this.lab.submit(s.id, line);
        if (r.kind === 'incomplete') continue;
        log.push({ host, user, cmd: pending.join('\n'), stdout: buf.stdout, stderr: buf.stderr, exit: r.exit });
        pending = [];
        buf.stdout = '';
        buf.stderr = '';
        if (r.session.ended) break;
      }
      if (pending.length) log.push({ host, user, cmd: pending.join('\n'), stdout: '', stderr: 'bash: syntax error: unexpected end of file', exit: 2 });
    } finally {
      this.out.delete(s.id);
      await this.lab.closeSession(s.id);
    }
    return log;
  }

  /** applyManifests creates or replaces every object of a YAML stream as the cluster admin; returns error lines. */
  async applyManifests(yamlText: string, context?: string): Promise<string[]> {
    const api = this.api(context);
    if (!api) return [`no cluster for context ${context}`];
    const disc = new Discovery(api);
    const errors: string[] = [];
    for (const doc of parseAllDocuments(yamlText)) {
      if (!('errors' in doc) || doc.errors.length) {
        errors.push(`manifest: ${'errors' in doc ? doc.errors[0]?.message : 'unreadable'}`);
        continue;
      }
      const obj = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; resourceVersion?: string } } | null;
      if (!obj) continue;
      const res = await disc.resolve(obj.kind ?? '', obj.apiVersion);
      if (!res) {
        errors.push(`manifest: unknown kind ${obj.kind}`);
        continue;
      }
      const ns = res.namespaced ? (obj.metadata?.namespace ?? 'default') : undefined;
      let created = await api.request({ method: 'POST', path: objectPath(res, ns), body: obj });
      // A namespace created a moment ago gets its default ServiceAccount from a controller: wait for it as kubectl users do.
      for (let i = 0; i < 10 && created.status === 403 && /serviceaccount "default" not found/.test(String((created.body as { message?: string }).message)); i++) {
        this.advance(1000);
        created = await api.request({ method: 'POST', path: objectPath(res, ns), body: obj });
      }
      if (created.status === 409) {
        const cur = await api.request({ method: 'GET', path: objectPath(res, ns, obj.metadata?.name) });
        const rv = (cur.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
        const put = await api.request({ method: 'PUT', path: objectPath(res, ns, obj.metadata?.name), body: { ...obj, metadata: { ...obj.metadata, resourceVersion: rv } } });
        if (put.status >= 300) errors.push(`${obj.kind} ${obj.metadata?.name}: ${(put.body as { message?: string }).message}`);
      } else if (created.status >= 300) errors.push(`${obj.kind} ${obj.metadata?.name}: ${(created.body as { message?: string }).message}`);
    }
    this.lab.booted!.world.runtime.settle();
    return errors;
  }

  /** writeFile writes a file on a host, creating its directory. */
  async writeFile(host: string, path: string, content: string, mode?: number): Promise<void> {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    await this.type(host, 'root', `mkdir -p '${dir}'`);
    await this.lab.writeFile(host, path, content);
    if (mode !== undefined) await this.type(host, 'root', `chmod ${mode.toString(8)} '${path}'`);
  }

  api(context?: string): ApiAccess | undefined {
    const c = context ? this.clusters.find((x) => x.spec.context === context || x.spec.name === context) : this.clusters[0];
    if (!c) return undefined;
    return { request: async (req) => c.admin.raw(req as Parameters<typeof c.admin.raw>[0]) };
  }

  async readFile(host: string, path: string): Promise<string | undefined> {
    try {
      return await this.lab.readFile(host, path);
    } catch {
      return undefined;
    }
  }

  async run(host: string, command: string, user = 'root'): Promise<CommandResult> {
    const log = await this.type(host, user, command);
    const last = log[log.length - 1];
    return { stdout: log.map((l) => l.stdout).join(''), stderr: log.map((l) => l.stderr).join(''), exit: last?.exit ?? 0 };
  }
}
