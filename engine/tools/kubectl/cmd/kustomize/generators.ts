import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { btoaUtf8 } from '../../../../base/base64.ts';
import type { KObject } from '../../../../api/types.ts';
import type { Factory } from '../../factory.ts';
import { parseLiteral, readEnvFile, readFileSources, sortedRecord } from '../create/sources.ts';

type Obj = Record<string, unknown>;

/**
 * configMapGenerator and secretGenerator: data from literals, files and env
 * files, named with kustomize's content hash (which, unlike kubectl create
 * --append-hash, hashes an empty name).
 */

function encodeHash(hex: string): string {
  const sub: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((ch) => sub[ch] ?? ch).join('');
}

function goJson(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Obj;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** kustomizeHash is kustomize's hasher for a generated ConfigMap or Secret. */
export function kustomizeHash(obj: KObject): string {
  const m: Obj = obj.kind === 'Secret' ? { kind: 'Secret', name: '', data: obj.data ?? '', type: obj.type ?? '' } : { kind: 'ConfigMap', name: '', data: obj.data ?? '' };
  return encodeHash(bytesToHex(sha256(utf8ToBytes(goJson(m)))));
}

interface GeneratorSpec {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  type?: string;
  options?: { disableNameSuffixHash?: boolean; labels?: Record<string, string>; annotations?: Record<string, string> };
}

/** generate builds the objects of one kustomization's generators, in dir. */
export function generate(f: Factory, dir: string, k: Obj): { obj: KObject; hash: boolean; original: string }[] {
  const out: { obj: KObject; hash: boolean; original: string }[] = [];
  const global = (k.generatorOptions ?? {}) as GeneratorSpec['options'] & Obj;
  const inDir = (p: string) => (p.startsWith('/') ? p : `${dir}/${p}`);
  const build = (g: GeneratorSpec, kind: 'ConfigMap' | 'Secret') => {
    const data: Record<string, string> = {};
    for (const l of g.literals ?? []) {
      const kv = parseLiteral(l);
      data[kv.key] = kv.value.replace(/^(["'])(.*)\1$/s, '$2');
    }
    for (const kv of readFileSources(f, (g.files ?? []).map((s) => (s.includes('=') ? `${s.slice(0, s.indexOf('='))}=${inDir(s.slice(s.indexOf('=') + 1))}` : inDir(s))))) data[kv.key] = kv.value;
    for (const e of [...(g.envs ?? []), ...(g.env ? [g.env] : [])]) for (const kv of readEnvFile(f, inDir(e), 'config')) data[kv.key] = kv.value;
    const sorted = sortedRecord(kind === 'Secret' ? Object.fromEntries(Object.entries(data).map(([a, b]) => [a, btoaUtf8(b)])) : data);
    const labels = { ...(global?.labels ?? {}), ...(g.options?.labels ?? {}) };
    const annotations = { ...(global?.annotations ?? {}), ...(g.options?.annotations ?? {}) };
    const meta: Obj = { name: g.name ?? '' };
    if (g.namespace) meta.namespace = g.namespace;
    if (Object.keys(labels).length) meta.labels = labels;
    if (Object.keys(annotations).length) meta.annotations = annotations;
    const obj: KObject = { apiVersion: 'v1', kind, metadata: meta as KObject['metadata'] } as KObject;
    if (Object.keys(sorted).length) obj.data = sorted;
    if (kind === 'Secret') obj.type = g.type ?? 'Opaque';
    const noHash = g.options?.disableNameSuffixHash ?? global?.disableNameSuffixHash ?? false;
    out.push({ obj, hash: !noHash, original: g.name ?? '' });
  };
  for (const g of (k.configMapGenerator ?? []) as GeneratorSpec[]) build(g, 'ConfigMap');
  for (const g of (k.secretGenerator ?? []) as GeneratorSpec[]) build(g, 'Secret');
  return out;
}
