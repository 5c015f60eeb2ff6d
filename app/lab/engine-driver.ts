import { parseAllDocuments } from 'yaml';
import type { EngineEvent } from '../../engine/protocol/api.ts';
import type { EngineClient } from '../engine/client.ts';
import { Discovery, objectPath } from '../../exercises/grader/discovery.ts';
import type { ApiAccess, CommandResult, GradeTarget } from '../../exercises/grader/target.ts';

/** Transcript is one command typed into a host's shell and what it printed. */
export interface Transcript extends CommandResult {
  host: string;
  user: string;
  cmd: string;
}

/**
 * EngineDriver is what exercise setup and grading need, over the engine's
 * protocol: shells on any host that no terminal tab shows (their output is
 * collected here, not printed), manifests applied and objects read as the
 * cluster administrator (the grader's identity, which nothing typed in the
 * terminal can reach), and host files.
 */
export class EngineDriver implements GradeTarget {
  private out = new Map<string, { stdout: string; stderr: string }>();

  constructor(
    private readonly engine: EngineClient,
    readonly student: { host: string; user: string },
  ) {
    engine.on((e: EngineEvent) => {
      if (e.type !== 'output') return;
      const b = this.out.get(e.session);
      if (!b) return;
      if (e.stream === 'stdout') b.stdout += e.data;
      else b.stderr += e.data;
    });
  }

  /** type opens a hidden shell on a host as a user and types a script into it line by line. */
  async type(host: string, user: string, script: string): Promise<Transcript[]> {
    // Hidden shells run on simulated time at full speed: a setup's `sleep 60` or
    // `kubectl wait` must not keep the learner waiting a real minute.
    const s = await this.engine.openSession({ host, user, stepped: true });
    const buf = { stdout: '', stderr: '' };
    this.out.set(s.id, buf);
    const log: Transcript[] = [];
    let pending: string[] = [];
    try {
      for (const line of script.replace(/\n$/, '').split('\n')) {
        pending.push(line);
        const r = await this.engine.submit(s.id, line);
        if (r.kind === 'incomplete') continue;
        log.push({ host, user, cmd: pending.join('\n'), stdout: buf.stdout, stderr: buf.stderr, exit: r.exit });
        pending = [];
        buf.stdout = '';
        buf.stderr = '';
        if (r.session.ended) break;
      }
    } finally {
      this.out.delete(s.id);
      await this.engine.closeSession(s.id);
    }
    return log;
  }

  api(context?: string): ApiAccess {
    return { request: (req) => this.engine.adminRequest({ ...req, context }) };
  }

  /** applyManifests creates or replaces every object of a YAML stream as the cluster admin; returns error lines. */
  async applyManifests(yamlText: string, context?: string): Promise<string[]> {
    const api = this.api(context);
    const disc = new Discovery(api);
    const errors: string[] = [];
    for (const doc of parseAllDocuments(yamlText)) {
      if (!('errors' in doc) || doc.errors.length) {
        errors.push(`manifest: ${'errors' in doc ? doc.errors[0]?.message : 'unreadable'}`);
        continue;
      }
      const obj = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } } | null;
      if (!obj) continue;
      const res = await disc.resolve(obj.kind ?? '', obj.apiVersion);
      if (!res) {
        errors.push(`manifest: unknown kind ${obj.kind}`);
        continue;
      }
      const ns = res.namespaced ? (obj.metadata?.namespace ?? 'default') : undefined;
      const created = await api.request({ method: 'POST', path: objectPath(res, ns), body: obj });
      if (created.status === 409) {
        const cur = await api.request({ method: 'GET', path: objectPath(res, ns, obj.metadata?.name) });
        const rv = (cur.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
        const put = await api.request({ method: 'PUT', path: objectPath(res, ns, obj.metadata?.name), body: { ...obj, metadata: { ...obj.metadata, resourceVersion: rv } } });
        if (put.status >= 300) errors.push(`${obj.kind} ${obj.metadata?.name}: ${(put.body as { message?: string }).message}`);
      } else if (created.status >= 300) errors.push(`${obj.kind} ${obj.metadata?.name}: ${(created.body as { message?: string }).message}`);
    }
    return errors;
  }

  async writeFile(host: string, path: string, content: string, mode?: number): Promise<void> {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    await this.type(host, 'root', `mkdir -p '${dir}'`);
    await this.engine.writeFile(host, path, content);
    if (mode !== undefined) await this.type(host, 'root', `chmod ${mode.toString(8)} '${path}'`);
  }

  async readFile(host: string, path: string): Promise<string | undefined> {
    try {
      return await this.engine.readFile(host, path);
    } catch {
      return undefined;
    }
  }

  async run(host: string, command: string, user = 'root'): Promise<CommandResult> {
    const log = await this.type(host, user, command);
    const last = log[log.length - 1];
    return { stdout: log.map((l) => l.stdout).join(''), stderr: log.map((l) => l.stderr).join(''), exit: last?.exit ?? 0 };
  }

  /**
   * advance lets simulated time pass at once so controllers react between
   * steps. The engine answers calls in order, so what comes next sees it.
   */
  advance(ms: number): void {
    void this.engine.advance(ms).catch(() => undefined);
  }
}
