import { Registry } from '../../../api/registry.ts';
import type { KObject, ResourceDef } from '../../../api/types.ts';
import type { UserInfo } from '../../authn/types.ts';
import type { AdmissionRequest, ClusterView, Operation } from '../types.ts';

/** FakeView is an in-memory ClusterView for admission unit tests; updateStatus calls are recorded. */
export class FakeView implements ClusterView {
  readonly objects = new Map<string, KObject>();
  readonly statusWrites: KObject[] = [];
  private suffixes = ['abcde', 'fghjk', 'lmnpq'];
  constructor(objs: KObject[] = [], private readonly t = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    for (const o of objs) this.put(o);
  }
  private key(group: string, plural: string, ns: string | undefined, name: string): string {
    return `${group}/${plural}/${ns ?? ''}/${name}`;
  }
  /** put stores an object under the plural its kind maps to. */
  put(o: KObject): void {
    const def = defFor(o);
    this.objects.set(this.key(def.group, def.plural, def.namespaced ? o.metadata.namespace : undefined, o.metadata.name ?? ''), structuredClone(o));
  }
  get(group: string, plural: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.objects.get(this.key(group, plural, namespace, name));
  }
  list(group: string, plural: string, namespace?: string): KObject[] {
    const prefix = `${group}/${plural}/`;
    return [...this.objects.entries()].filter(([k, o]) => k.startsWith(prefix) && (namespace === undefined || o.metadata.namespace === namespace)).map(([, o]) => o);
  }
  updateStatus(group: string, plural: string, obj: KObject): void {
    this.statusWrites.push(structuredClone(obj));
    this.objects.set(this.key(group, plural, obj.metadata.namespace, obj.metadata.name ?? ''), structuredClone(obj));
  }
  now(): number {
    return this.t;
  }
  nameSuffix(): string {
    return this.suffixes.shift() ?? 'zzzzz';
  }
}

const registry = new Registry();

/** defFor finds the ResourceDef of an object by apiVersion and kind. */
export function defFor(o: Pick<KObject, 'apiVersion' | 'kind'>): ResourceDef {
  const d = registry.byKind(o.apiVersion, o.kind);
  if (!d) throw new Error(`no def for ${o.apiVersion} ${o.kind}`);
  return d;
}

/** defOf finds a ResourceDef by group and plural. */
export function defOf(group: string, plural: string): ResourceDef {
  const d = registry.all().find((x) => x.group === group && x.plural === plural);
  if (!d) throw new Error(`no def for ${group}/${plural}`);
  return d;
}

const ADMIN: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** request builds an AdmissionRequest for obj (its def from apiVersion/kind). */
export function request(op: Operation, obj: KObject | undefined, opts: { old?: KObject; user?: UserInfo; subresource?: string; def?: ResourceDef; namespace?: string; name?: string } = {}): AdmissionRequest {
  const base = obj ?? opts.old!;
  const def = opts.def ?? defFor(base);
  return {
    operation: op,
    def,
    subresource: opts.subresource ?? '',
    namespace: opts.namespace ?? base.metadata.namespace ?? '',
    name: opts.name ?? base.metadata.name ?? '',
    object: obj ? structuredClone(obj) : undefined,
    oldObject: opts.old ? structuredClone(opts.old) : undefined,
    user: opts.user ?? ADMIN,
    dryRun: false,
    warnings: [],
  };
}

/** ns builds a Namespace object. */
export function ns(name: string, labels?: Record<string, string>, phase = 'Active'): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) }, spec: { finalizers: ['kubernetes'] }, status: { phase } };
}

/** pod builds a Pod with the given containers (name → image) and spec fields. */
export function pod(name: string, namespace: string, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  };
}

/** catchStatus runs fn and returns the StatusError message it threw ('' when it did not throw). */
export function thrownMessage(fn: () => void): string {
  try {
    fn();
    return '';
  } catch (e) {
    return (e as { status?: { message?: string } }).status?.message ?? String(e);
  }
}
