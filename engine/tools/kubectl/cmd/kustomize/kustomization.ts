import { parse as parseYaml } from 'yaml';
import type { FileSystem } from '../../../../host/types.ts';
import { WrappedError } from '../create/common.ts';

type Obj = Record<string, unknown>;

/**
 * Reading a kustomization file as kustomize does: the first of its three
 * names, decoded strictly into the Kustomization type (an unknown field or a
 * value of the wrong type is an error, worded as Go's encoding/json words
 * it), and a warning for each deprecated field used.
 */

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Shape is the Go type of a Kustomization field, as far as decoding checks it. */
type Shape = 'string' | '[]string' | 'map[string]string' | 'list' | 'object' | 'any';

const FIELDS: Record<string, Shape> = {
  apiVersion: 'string', kind: 'string', metadata: 'object', openapi: 'object',
  namePrefix: 'string', nameSuffix: 'string', namespace: 'string',
  commonLabels: 'map[string]string', labels: 'list', commonAnnotations: 'map[string]string',
  patchesStrategicMerge: '[]string', patchesJson6902: 'list', patches: 'list',
  images: 'list', imageTags: 'list', replacements: 'list', replicas: 'list', vars: 'list', sortOptions: 'object',
  resources: '[]string', components: '[]string', crds: '[]string', bases: '[]string',
  configMapGenerator: 'list', secretGenerator: 'list', helmGlobals: 'object', helmCharts: 'list',
  helmChartInflationGenerator: 'list', generatorOptions: 'object',
  configurations: '[]string', generators: '[]string', transformers: '[]string', validators: '[]string', buildMetadata: '[]string',
};

/** DEPRECATED fields in the order kustomize checks them, with what replaces each. */
const DEPRECATED: [string, string][] = [
  ['bases', "'resources' instead."], ['commonLabels', "'labels' instead."], ['imageTags', "'images' instead."],
  ['patchesJson6902', "'patches' instead."], ['patchesStrategicMerge', "'patches' instead."], ['vars', "'replacements' instead. [EXPERIMENTAL]"],
];

/** jsonKind is the name encoding/json gives a decoded value's kind. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function mismatch(v: unknown, field: string, type: string): WrappedError {
  return new WrappedError(`invalid Kustomization: json: cannot unmarshal ${jsonKind(v)} into Go struct field Kustomization.${field} of type ${type}`);
}

/** check returns the first decoding error of v against shape (null decodes into anything). */
function check(field: string, shape: Shape, v: unknown): WrappedError | undefined {
  if (v === null || shape === 'any') return undefined;
  const kind = jsonKind(v);
  switch (shape) {
    case 'string':
      return kind === 'string' ? undefined : mismatch(v, field, 'string');
    case 'object':
      return kind === 'object' ? undefined : mismatch(v, field, `types.${field[0]!.toUpperCase()}${field.slice(1)}`);
    case 'list':
      return kind === 'array' ? undefined : mismatch(v, field, `[]types.${field[0]!.toUpperCase()}${field.slice(1)}`);
    case '[]string':
      if (kind !== 'array') return mismatch(v, field, '[]string');
      for (const x of v as unknown[]) if (x !== null && typeof x !== 'string') return mismatch(x, field, 'string');
      return undefined;
    case 'map[string]string':
      if (kind !== 'object') return mismatch(v, field, 'map[string]string');
      for (const x of Object.values(v as Obj)) if (x !== null && typeof x !== 'string') return mismatch(x, field, 'string');
      return undefined;
  }
}

/** findKustomization returns the path of dir's kustomization file, if it has one. */
export function findKustomization(fs: FileSystem, dir: string): string | undefined {
  for (const n of KUSTOMIZATION_FILES) if (fs.exists(`${dir}/${n}`)) return `${dir}/${n}`;
  return undefined;
}

/**
 * loadKustomization reads dir's kustomization: the decoded object, and the
 * deprecation warnings kustomize prints for it.
 */
export function loadKustomization(fs: FileSystem, dir: string): { k: Obj; warnings: string[] } {
  const path = findKustomization(fs, dir);
  if (!path) throw new WrappedError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
  let doc: unknown;
  try {
    doc = parseYaml(fs.readFile(path), { version: '1.1' }) ?? {};
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new WrappedError(`invalid Kustomization: yaml: ${line ? `line ${line}: ` : ''}${String((e as Error).message).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (jsonKind(doc) !== 'object') throw new WrappedError(`invalid Kustomization: json: cannot unmarshal ${jsonKind(doc)} into Go value of type types.Kustomization`);
  const k = doc as Obj;
  // sigs.k8s.io/yaml turns the YAML into JSON with its keys sorted, so the first error in that order is the one reported.
  for (const key of Object.keys(k).sort()) {
    const shape = FIELDS[key];
    if (!shape) throw new WrappedError(`invalid Kustomization: json: unknown field "${key}"`);
    const err = check(key, shape, k[key]);
    if (err) throw err;
  }
  if (k.apiVersion !== undefined && k.apiVersion !== null && k.apiVersion !== '' && k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' && k.kind !== 'Component') {
    throw new WrappedError(`Failed to read kustomization file under ${dir}:\napiVersion for Kustomization should be kustomize.config.k8s.io/v1beta1`);
  }
  const warnings = DEPRECATED.filter(([f]) => k[f] !== undefined && k[f] !== null).map(([f, use]) => `# Warning: '${f}' is deprecated. Please use ${use} Run 'kustomize edit fix' to update your Kustomization automatically.`);
  return { k, warnings };
}
