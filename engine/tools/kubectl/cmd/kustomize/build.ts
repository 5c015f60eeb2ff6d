import { parse as parseYaml, stringify } from 'yaml';
import { clone } from '../../../../base/deep.ts';
import type { KObject } from '../../../../api/types.ts';
import { strategicMerge } from '../../../../api/strategic-merge.ts';
import type { Factory } from '../../factory.ts';
import { parseManifestText } from '../../resource/manifests.ts';
import { WrappedError } from '../create/common.ts';
import { applyJsonPatch } from '../patch/json-patch.ts';
import { generate, kustomizeHash } from './generators.ts';
import { loadKustomization } from './kustomization.ts';
import { normalize } from '../../../../host/fs/path.ts';
import { CLUSTER_SCOPED, addAnnotations, addLabels, legacyOrder, renameRefs, setImages } from './transform.ts';

type Obj = Record<string, unknown>;

/** Item is one object being built, with what kustomize remembers about it. */
interface Item {
  obj: KObject;
  /** generated objects get the content hash appended at the very end */
  hash?: boolean;
}

interface Target {
  kind?: string;
  name?: string;
  namespace?: string;
  group?: string;
  version?: string;
  labelSelector?: string;
}

function matches(obj: KObject, t: Target): boolean {
  const [group, version] = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/') : ['', obj.apiVersion];
  const re = (p: string | undefined, v: string | undefined) => p === undefined || new RegExp(`^(?:${p})$`).test(v ?? '');
  if (!re(t.kind, obj.kind) || !re(t.name, obj.metadata.name) || !re(t.namespace, obj.metadata.namespace)) return false;
  if (t.group !== undefined && t.group !== group) return false;
  if (t.version !== undefined && t.version !== version) return false;
  if (t.labelSelector) {
    for (const req of t.labelSelector.split(',')) {
      const [k, v] = req.split('=');
      if ((obj.metadata.labels ?? {})[k!.trim()] !== v?.trim()) return false;
    }
  }
  return true;
}

/** resId is how kustomize names an object in its errors: Kind.version.group/name.namespace. */
function resId(o: KObject): string {
  const av = o.apiVersion ?? '';
  const [group, version] = av.includes('/') ? av.split('/') : ['', av];
  return `${o.kind}.${version || '[noVer]'}.${group || '[noGrp]'}/${o.metadata?.name ?? ''}.${o.metadata?.namespace || '[noNs]'}`;
}

/** sameId is how a strategic merge patch without a target finds its object: group, version, kind, name and a namespace the patch gives. */
function sameId(obj: KObject, p: KObject): boolean {
  return obj.apiVersion === p.apiVersion && obj.kind === p.kind && obj.metadata.name === p.metadata?.name && (!p.metadata?.namespace || p.metadata.namespace === (obj.metadata.namespace ?? ''));
}

function applyPatch(items: Item[], patchText: string, target: Target | undefined, legacy = false): void {
  const parsed = parseYaml(patchText) as unknown;
  const docs = Array.isArray(parsed) ? [parsed] : parseManifestText(patchText, 'patch').map((m) => m.obj as unknown);
  for (const p of docs) {
    const json6902 = Array.isArray(p);
    if (!target && !json6902 && !items.some((it) => sameId(it.obj, p as KObject))) {
      const id = resId(p as KObject);
      throw new WrappedError(`${legacy ? '' : `no resource matches strategic merge patch "${id}": `}no matches for Id ${id}; failed to find unique target for patch ${id}`);
    }
    for (const it of items) {
      if (target || json6902 ? !matches(it.obj, target ?? {}) : !sameId(it.obj, p as KObject)) continue;
      if (json6902) it.obj = applyJsonPatch(it.obj, p) as KObject;
      else {
        const sp = clone(p) as Obj;
        if (target) {
          delete sp.metadata;
          delete sp.kind;
          delete sp.apiVersion;
          const pm = ((p as KObject).metadata ?? {}) as Obj;
          const keep: Obj = {};
          if (pm.labels) keep.labels = pm.labels;
          if (pm.annotations) keep.annotations = pm.annotations;
          if (Object.keys(keep).length) sp.metadata = keep;
        }
        it.obj = strategicMerge(it.obj, sp, it.obj.kind ?? '') as KObject;
      }
    }
  }
}

/** missing is kustomize's text for a path that does not exist. */
const missing = (p: string) => `evalsymlink failure on '${p}' : lstat ${p}: no such file or directory`;

/** patchText reads a patch entry's text, failing as the PatchTransformer's configuration does. */
function patchText(f: Factory, dir: string, p: { path?: string; patch?: string; target?: Target }, plugin: string): string {
  if (p.patch !== undefined || p.path === undefined) return p.patch ?? '';
  const full = normalize(p.path.startsWith('/') ? p.path : `${dir}/${p.path}`);
  // The configuration is echoed as sigs.k8s.io/yaml writes it: keys sorted.
  if (!f.proc.fs.exists(full)) throw new WrappedError(`trouble configuring builtin ${plugin} with config: \`\n${stringify(p, { sortMapEntries: true })}\`: ${plugin === 'PatchTransformer' ? `failed to get the patch file from path(${p.path}): ` : ''}${missing(full)}`);
  return f.proc.fs.readFile(full);
}

/** accumulate adds the objects of one `resources` entry: a file of manifests or a directory with its own kustomization. */
function accumulate(f: Factory, dir: string, r: string, items: Item[], warnings: Set<string>): void {
  const fs = f.proc.fs;
  const p = normalize(r.startsWith('/') ? r : `${dir}/${r}`);
  const fail = (inner: string, tail: string) => new WrappedError(`accumulating resources: accumulation err='accumulating resources from '${r}': ${inner}': ${tail}`);
  if (/^https?:\/\//.test(r)) throw fail('URL is not reachable from the lab', `must build at directory: not a valid directory: ${missing(p)}`);
  if (!fs.exists(p)) throw fail(missing(p), `must build at directory: not a valid directory: ${missing(p)}`);
  if (fs.stat(p).type === 'dir') {
    const mustFile = `'${p}' must resolve to a file`;
    let loaded: ReturnType<typeof loadKustomization>;
    try {
      loaded = loadKustomization(fs, p);
    } catch (e) {
      throw fail(mustFile, `couldn't make target for path '${p}': ${(e as Error).message}`);
    }
    try {
      items.push(...buildDir(f, p, loaded.k, loaded.warnings, warnings));
    } catch (e) {
      throw fail(mustFile, `recursed accumulation of path '${p}': ${(e as Error).message}`);
    }
    return;
  }
  const notDir = `must build at directory: '${p}': file is not directory`;
  for (const m of parseManifestText(fs.readFile(p), r)) {
    const obj = clone(m.obj);
    if (!obj.metadata || typeof obj.metadata !== 'object') throw fail('missing Resource metadata', notDir);
    const dup = items.find((it) => resId(it.obj) === resId(obj));
    if (dup) throw new WrappedError(`accumulating resources: accumulation err='merging resources from '${r}': may not add resource with an already registered id: ${resId(obj)}': ${notDir}`);
    items.push({ obj });
  }
}

function buildDir(f: Factory, dir: string, k: Obj, own: string[], warnings: Set<string>): Item[] {
  for (const w of own) warnings.add(w);
  const items: Item[] = [];
  for (const r of ((k.resources ?? []) as string[]).concat((k.bases ?? []) as string[])) accumulate(f, dir, r, items, warnings);
  for (const g of generate(f, dir, k)) items.push({ obj: g.obj, hash: g.hash });
  for (const pf of (k.patchesStrategicMerge ?? []) as string[]) {
    // An entry is a file name or, when it does not name a file, the patch itself.
    const full = normalize(pf.startsWith('/') ? pf : `${dir}/${pf}`);
    const inline = pf.includes('\n') || (!f.proc.fs.exists(full) && /^\s*(apiVersion|kind|metadata)\s*:/m.test(pf));
    if (!inline && !f.proc.fs.exists(full)) throw new WrappedError(`trouble configuring builtin PatchStrategicMergeTransformer with config: \`\npaths:\n- ${pf}\n\`: ${missing(full)}`);
    applyPatch(items, inline ? pf : f.proc.fs.readFile(full), undefined, true);
  }
  for (const p of (k.patches ?? []) as { path?: string; patch?: string; target?: Target }[]) applyPatch(items, patchText(f, dir, p, 'PatchTransformer'), p.target);
  for (const p of (k.patchesJson6902 ?? []) as { path?: string; patch?: string; target?: Target }[]) applyPatch(items, patchText(f, dir, p, 'PatchJson6902Transformer'), p.target);
  const images = (k.images ?? []) as { name: string; newName?: string; newTag?: string; digest?: string }[];
  if (images.length) for (const it of items) setImages(it.obj, images);
  for (const r of (k.replicas ?? []) as { name: string; count: number }[]) {
    for (const it of items) {
      if (it.obj.metadata.name === r.name && ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(it.obj.kind ?? '')) (it.obj.spec as Obj).replicas = r.count;
    }
  }
  if (typeof k.namespace === 'string' && k.namespace) {
    for (const it of items) {
      if (!CLUSTER_SCOPED.has(it.obj.kind ?? '')) it.obj.metadata = { ...it.obj.metadata, namespace: k.namespace };
      for (const s of ((it.obj as { subjects?: Obj[] }).subjects ?? [])) if (s.kind === 'ServiceAccount' && (s.namespace === undefined || s.namespace === 'default')) s.namespace = k.namespace;
    }
  }
  const prefix = (k.namePrefix as string | undefined) ?? '';
  const suffix = (k.nameSuffix as string | undefined) ?? '';
  if (prefix || suffix) {
    const cms = new Map<string, string>();
    const secrets = new Map<string, string>();
    for (const it of items) {
      if (it.obj.kind === 'CustomResourceDefinition' || it.obj.kind === 'Namespace') continue;
      const old = it.obj.metadata.name ?? '';
      const name = `${prefix}${old}${suffix}`;
      it.obj.metadata = { ...it.obj.metadata, name };
      if (it.obj.kind === 'ConfigMap') cms.set(old, name);
      if (it.obj.kind === 'Secret') secrets.set(old, name);
    }
    for (const it of items) renameRefs(it.obj, cms, secrets);
  }
  if (k.commonLabels) {
    warnings.add("# Warning: 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.");
    for (const it of items) addLabels(it.obj, k.commonLabels as Record<string, string>, true, true);
  }
  for (const l of (k.labels ?? []) as { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[]) {
    for (const it of items) addLabels(it.obj, l.pairs ?? {}, !!l.includeSelectors, !!l.includeTemplates);
  }
  if (k.commonAnnotations) for (const it of items) addAnnotations(it.obj, k.commonAnnotations as Record<string, string>);
  return items;
}

/** kustomizeBuild renders the kustomization in dir into objects, as `kubectl kustomize` does. */
export function kustomizeBuild(f: Factory, dir: string): KObject[] {
  const abs = normalize(f.abs(dir));
  if (!f.proc.fs.exists(abs) || f.proc.fs.stat(abs).type !== 'dir') {
    throw new WrappedError(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${abs}: no such file or directory`);
  }
  const warnings = new Set<string>();
  const { k, warnings: own } = loadKustomization(f.proc.fs, abs);
  let items: Item[];
  try {
    items = buildDir(f, abs, k, own, warnings);
  } finally {
    // kustomize warns as it loads each kustomization, so the warnings come before any error.
    for (const w of warnings) f.proc.stderr.write(`${w}\n`);
  }
  const cms = new Map<string, string>();
  const secrets = new Map<string, string>();
  for (const it of items) {
    if (!it.hash) continue;
    const old = it.obj.metadata.name ?? '';
    const name = `${old}-${kustomizeHash(it.obj)}`;
    it.obj.metadata = { ...it.obj.metadata, name };
    (it.obj.kind === 'Secret' ? secrets : cms).set(old, name);
  }
  for (const it of items) renameRefs(it.obj, cms, secrets);
  return legacyOrder(items.map((i) => i.obj));
}
