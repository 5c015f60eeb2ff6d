import { parse as parseYaml } from 'yaml';
import { clone } from '../../../../base/deep.ts';
import type { KObject } from '../../../../api/types.ts';
import { strategicMerge } from '../../../../api/strategic-merge.ts';
import type { Factory } from '../../factory.ts';
import { parseManifestText } from '../../resource/manifests.ts';
import { WrappedError } from '../create/common.ts';
import { applyJsonPatch } from '../patch/json-patch.ts';
import { generate, kustomizeHash } from './generators.ts';
import { CLUSTER_SCOPED, addAnnotations, addLabels, legacyOrder, renameRefs, setImages } from './transform.ts';

type Obj = Record<string, unknown>;

/** Item is one object being built, with what kustomize remembers about it. */
interface Item {
  obj: KObject;
  /** generated objects get the content hash appended at the very end */
  hash?: boolean;
}

const FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function readKustomization(f: Factory, dir: string): Obj {
  const fs = f.proc.fs;
  for (const n of FILES) {
    const p = `${dir}/${n}`;
    if (fs.exists(p)) return (parseYaml(fs.readFile(p)) ?? {}) as Obj;
  }
  throw new WrappedError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
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

function applyPatch(items: Item[], patchText: string, target: Target | undefined): void {
  const parsed = parseYaml(patchText) as unknown;
  const docs = Array.isArray(parsed) ? [parsed] : parseManifestText(patchText, 'patch').map((m) => m.obj as unknown);
  for (const p of docs) {
    const json6902 = Array.isArray(p);
    const t: Target = target ?? (json6902 ? {} : { kind: (p as KObject).kind, name: (p as KObject).metadata?.name });
    for (const it of items) {
      if (!matches(it.obj, t)) continue;
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

function buildDir(f: Factory, dir: string, warnings: Set<string>): Item[] {
  const k = readKustomization(f, dir);
  const fs = f.proc.fs;
  const items: Item[] = [];
  for (const r of ((k.resources ?? []) as string[]).concat((k.bases ?? []) as string[])) {
    const p = r.startsWith('/') ? r : `${dir}/${r}`;
    if (/^https?:\/\//.test(r)) throw new WrappedError(`accumulating resources: accumulation err='accumulating resources from '${r}': URL is not reachable from the lab'`);
    if (!fs.exists(p)) throw new WrappedError(`accumulating resources: accumulation err='accumulating resources from '${r}': open ${p}: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '${p}' : lstat ${p}: no such file or directory`);
    if (fs.stat(p).type === 'dir') items.push(...buildDir(f, p, warnings));
    else for (const m of parseManifestText(fs.readFile(p), r)) items.push({ obj: clone(m.obj) });
  }
  for (const g of generate(f, dir, k)) items.push({ obj: g.obj, hash: g.hash });
  for (const pf of (k.patchesStrategicMerge ?? []) as string[]) applyPatch(items, fs.readFile(`${dir}/${pf}`), undefined);
  for (const p of (k.patches ?? []) as { path?: string; patch?: string; target?: Target }[]) {
    applyPatch(items, p.patch ?? fs.readFile(`${dir}/${p.path}`), p.target);
  }
  for (const p of (k.patchesJson6902 ?? []) as { path?: string; patch?: string; target?: Target }[]) {
    applyPatch(items, p.patch ?? fs.readFile(`${dir}/${p.path}`), p.target);
  }
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
  const abs = f.abs(dir).replace(/\/+$/, '') || '/';
  if (!f.proc.fs.exists(abs) || f.proc.fs.stat(abs).type !== 'dir') {
    throw new WrappedError(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${abs}: no such file or directory`);
  }
  const warnings = new Set<string>();
  const items = buildDir(f, abs, warnings);
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
  for (const w of warnings) f.proc.stderr.write(`${w}\n`);
  return legacyOrder(items.map((i) => i.obj));
}
