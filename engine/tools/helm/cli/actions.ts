import { parse } from 'yaml';
import type { KObject } from '../../../api/types.ts';
import type { ApiClient } from '../../../client/client.ts';
import { R } from '../../../client/refs.ts';
import type { Process } from '../../../host/process.ts';
import { Discovery } from '../../kubectl/discovery.ts';
import { manifestText, mergeValues, renderChart, splitManifests, type ManifestDoc } from '../chart/render.ts';
import type { Chart } from '../chart/types.ts';
import { history, saveRelease, type Release } from '../release/storage.ts';
import { parseSetInto, StrvalsError } from '../values/strvals.ts';
import { HelmError } from './env.ts';
import { rfc3339Nano } from './table.ts';

/** Kube is what an action needs of the cluster: a client, discovery (read again after CRDs are created) and the server's version. */
export interface Kube {
  client: ApiClient;
  discovery: Discovery;
  kubeVersion: string;
}

/** rediscover drops what discovery knew (new CustomResourceDefinitions serve new kinds). */
function rediscover(k: Kube): void {
  k.discovery = new Discovery(k.client);
}

/** userValues merges -f files then --set/--set-string/--set-json, in helm's order. */
export function userValues(p: Process, files: string[], sets: string[], setStrings: string[]): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const f of files) {
    const path = f.startsWith('/') ? f : `${p.cwd.replace(/\/$/, '')}/${f}`;
    let text: string;
    try {
      text = p.fs.readFile(path);
    } catch {
      throw new HelmError(`open ${f}: no such file or directory`);
    }
    let v: unknown;
    try {
      v = parse(text) ?? {};
    } catch (e) {
      throw new HelmError(`failed to parse ${f}: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    }
    out = mergeValues(out, v as Record<string, unknown>);
  }
  try {
    for (const s of sets) parseSetInto(s, out);
    for (const s of setStrings) parseSetInto(s, out, true);
  } catch (e) {
    if (e instanceof StrvalsError) throw new HelmError(`failed parsing --set data: ${e.message}`);
    throw e;
  }
  return out;
}

const isNamespaced = (k: Kube, d: ManifestDoc) => k.discovery.byKind(d.obj.apiVersion ?? '', d.obj.kind ?? '')?.namespaced ?? true;

/** own adds what helm marks its objects with (the release's annotations and the managed-by label). */
function own(d: ManifestDoc, release: Release, namespaced: boolean): KObject {
  const obj = structuredClone(d.obj) as KObject;
  obj.metadata ??= {};
  if (namespaced) obj.metadata.namespace ??= release.namespace;
  obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'app.kubernetes.io/managed-by': 'Helm' };
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), 'meta.helm.sh/release-name': release.name, 'meta.helm.sh/release-namespace': release.namespace };
  return obj;
}

function refFor(k: Kube, d: ManifestDoc) {
  const r = k.discovery.byKind(d.obj.apiVersion ?? '', d.obj.kind ?? '');
  if (!r) throw new HelmError(`resource mapping not found for name: "${d.obj.metadata?.name ?? ''}" namespace: "${d.obj.metadata?.namespace ?? ''}" from "": no matches for kind "${d.obj.kind}" in version "${d.obj.apiVersion}"\nensure CRDs are installed first`);
  return r;
}

/**
 * checkBuild is helm's KubeClient.Build of a manifest before anything is
 * created: every object needs a kind the cluster serves.
 */
export function checkBuild(k: Kube, docs: ManifestDoc[]): void {
  const prefix = 'unable to build kubernetes objects from release manifest: ';
  for (const d of docs) {
    const missing = [d.obj.apiVersion ? '' : 'apiVersion not set', d.obj.kind ? '' : 'kind not set'].filter(Boolean);
    if (missing.length) throw new HelmError(`${prefix}error validating "": error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}`);
    try {
      refFor(k, d);
    } catch (e) {
      throw new HelmError(`${prefix}${(e as Error).message}`);
    }
  }
}

/**
 * applyRelease creates a release's objects (install) or brings them to the
 * new manifest (upgrade, rollback): objects are created in install order,
 * existing ones updated, and those the old manifest had but the new one has
 * not are deleted.
 */
export function applyRelease(k: Kube, release: Release, docs: ManifestDoc[], old: ManifestDoc[] | undefined): void {
  for (const d of docs) {
    const ref = refFor(k, d);
    const obj = own(d, release, ref.namespaced);
    const ns = ref.namespaced ? obj.metadata.namespace : undefined;
    let cur: KObject | undefined;
    try {
      cur = k.client.get(ref, ns, obj.metadata.name!);
    } catch {
      cur = undefined;
    }
    if (!cur) {
      try {
        k.client.create(ref, ns, obj);
      } catch (e) {
        // helm's kube client: an install's creations fail with the apiserver's text, an upgrade's are wrapped
        throw new HelmError(`${old ? 'failed to create resource: ' : ''}${(e as Error).message}`);
      }
      // CRDs must be served before the objects of their kinds: discovery is read again.
      if (d.obj.kind === 'CustomResourceDefinition') rediscover(k);
      continue;
    }
    const owner = cur.metadata.annotations?.['meta.helm.sh/release-name'];
    if (!old || owner !== release.name) {
      if (owner !== release.name) {
        throw new HelmError(
          `Unable to continue with ${old ? 'update' : 'install'}: ${d.obj.kind} "${obj.metadata.name}"${ns ? ` in namespace "${ns}"` : ''} exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key "meta.helm.sh/release-name": must be set to "${release.name}"; annotation validation error: missing key "meta.helm.sh/release-namespace": must be set to "${release.namespace}"`,
        );
      }
    }
    try {
      k.client.patch(ref, ns, obj.metadata.name!, 'merge', obj);
    } catch (e) {
      throw new HelmError(`cannot patch ${JSON.stringify(obj.metadata.name)} with kind ${d.obj.kind}: ${(e as Error).message}`);
    }
  }
  if (!old) return;
  const keep = new Set(docs.map((d) => `${d.obj.kind}/${d.obj.metadata?.namespace ?? ''}/${d.obj.metadata?.name}`));
  for (const d of [...old].reverse()) {
    if (keep.has(`${d.obj.kind}/${d.obj.metadata?.namespace ?? ''}/${d.obj.metadata?.name}`)) continue;
    deleteDoc(k, d, release.namespace);
  }
}

/** deleteDoc deletes one object of a release (gone already is fine). */
export function deleteDoc(k: Kube, d: ManifestDoc, namespace: string): void {
  try {
    const ref = refFor(k, d);
    k.client.delete(ref, ref.namespaced ? (d.obj.metadata?.namespace ?? namespace) : undefined, d.obj.metadata?.name ?? '');
  } catch {
    /* already gone */
  }
}

/** parseManifest reads a stored manifest back into its documents. */
export function parseManifest(manifest: string): ManifestDoc[] {
  return splitManifests(
    manifest
      .split(/^---\n/m)
      .filter((s) => s.trim())
      .map((s) => {
        const m = /^# Source: (.*)\n/.exec(s);
        return { path: m?.[1] ?? '', text: m ? s.slice(m[0].length) : s };
      }),
  );
}

/** build renders a chart into a new revision of a release (not saved yet). */
export function build(k: Kube, chart: Chart, o: { name: string; namespace: string; version: number; config: Record<string, unknown>; isUpgrade: boolean; now: number; description: string; first?: string }): { release: Release; docs: ManifestDoc[] } {
  const values = mergeValues(chart.values, o.config);
  const rendered = renderChart(chart, values, { name: o.name, namespace: o.namespace, revision: o.version, isInstall: !o.isUpgrade, isUpgrade: o.isUpgrade }, k.kubeVersion);
  const docs = splitManifests(rendered.manifests);
  const at = rfc3339Nano(o.now);
  const release: Release = {
    name: o.name,
    namespace: o.namespace,
    version: o.version,
    info: { first_deployed: o.first ?? at, last_deployed: at, deleted: '', description: o.description, status: 'deployed', ...(rendered.notes ? { notes: rendered.notes } : {}) },
    chart: { metadata: chart.metadata, values: chart.values, files: chart.files },
    config: o.config,
    manifest: manifestText(docs),
  };
  return { release, docs };
}

/** deployed is a release's current deployed revision, if any. */
export function deployed(c: ApiClient, namespace: string, name: string): Release | undefined {
  return history(c, namespace, name)
    .filter((r) => r.info.status === 'deployed')
    .at(-1);
}

/** supersede marks every deployed revision of a release superseded. */
export function supersede(c: ApiClient, namespace: string, name: string, now: number): void {
  for (const r of history(c, namespace, name)) if (r.info.status === 'deployed') saveRelease(c, { ...r, info: { ...r.info, status: 'superseded' } }, now);
}

/** ensureNamespace creates the release's namespace (--create-namespace) unless it exists. */
export function ensureNamespace(c: ApiClient, ns: string): void {
  try {
    c.get(R.namespaces, undefined, ns);
  } catch {
    c.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as KObject);
  }
}

/** namespaceExists tells whether the release's namespace is there. */
export function namespaceExists(c: ApiClient, ns: string): boolean {
  try {
    c.get(R.namespaces, undefined, ns);
    return true;
  } catch {
    return false;
  }
}
