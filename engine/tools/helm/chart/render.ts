import { parse } from 'yaml';
import { GoTemplate } from '../../kubectl/printers/gotemplate/exec.ts';
import { parseTemplate, TemplateParseError, type Defined } from '../../kubectl/printers/gotemplate/parse.ts';
import { TemplateExecError } from '../../kubectl/printers/gotemplate/funcs.ts';
import { helmFuncs } from '../template/helm-funcs.ts';
import { helmExecError } from '../template/errors.ts';
import type { Chart } from './types.ts';

/** ReleaseInfo is what templates see as .Release. */
export interface ReleaseInfo {
  name: string;
  namespace: string;
  revision: number;
  isInstall: boolean;
  isUpgrade: boolean;
}

/** Rendered is a chart's output: manifests by their template path (in install order), and NOTES.txt. */
export interface Rendered {
  manifests: { path: string; text: string }[];
  notes: string;
}

/** RenderError carries helm's text for a template that fails ("template: nginx/templates/x.yaml:3:4: …"). */
export class RenderError extends Error {}

/** mergeValues merges values over defaults as helm does (maps deep, everything else replaced; null deletes). */
export function mergeValues(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else if (isMap(v) && isMap(out[k])) out[k] = mergeValues(out[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
  return out;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** KIND_ORDER is helm's InstallOrder: what a release creates first. */
export const KIND_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList',
  'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding',
  'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet',
  'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

/**
 * renderChart renders every template of a chart with its values, as helm
 * does: all templates are parsed into one set (so _helpers.tpl's defines are
 * shared), files starting with "_" are not output, NOTES.txt is the notes,
 * and "<no value>" becomes empty.
 */
export function renderChart(chart: Chart, values: Record<string, unknown>, release: ReleaseInfo, kubeVersion: string): Rendered {
  const name = chart.metadata.name;
  const defines = new Map<string, Defined>();
  const templates = Object.keys(chart.files)
    .filter((f) => f.startsWith('templates/'))
    .sort();
  const parsed = new Map<string, GoTemplate>();
  let current: GoTemplate | undefined;
  const funcs = helmFuncs(defines, () => current!);
  for (const path of templates) {
    try {
      parsed.set(path, new GoTemplate(chart.files[path]!, true, { name: `${name}/${path}`, defines, funcs, missingZero: true }));
    } catch (e) {
      if (e instanceof TemplateParseError) throw new RenderError(`parse error at (${e.message.replace(/^([^:]+:\d+): /, '$1): ')}`);
      throw e;
    }
  }
  const [major, minor] = kubeVersion.replace(/^v/, '').split('.');
  const apiVersions = new Set(['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'policy/v1', 'autoscaling/v2', 'apiextensions.k8s.io/v1', 'storage.k8s.io/v1', 'scheduling.k8s.io/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1']);
  const files = chart.files;
  const data = {
    Values: values,
    Release: { Name: release.name, Namespace: release.namespace, Revision: release.revision, IsInstall: release.isInstall, IsUpgrade: release.isUpgrade, Service: 'Helm' },
    Chart: { Name: name, Version: chart.metadata.version, AppVersion: chart.metadata.appVersion ?? '', Description: chart.metadata.description ?? '', Type: chart.metadata.type ?? 'application', ...chart.metadata },
    Capabilities: {
      KubeVersion: { Version: kubeVersion, Major: major, Minor: minor, GitVersion: kubeVersion },
      APIVersions: { Has: (a: unknown[]) => apiVersions.has(String(a[0] ?? '').replace(/\/[A-Z]\w*$/, '')) },
      HelmVersion: { Version: 'v3.17.0' },
    },
    Template: { Name: '', BasePath: `${name}/templates` },
    Files: { Get: (a: unknown[]) => files[String(a[0] ?? '')] ?? '' },
  };
  const manifests: { path: string; text: string }[] = [];
  let notes = '';
  for (const path of templates) {
    const base = path.split('/').pop()!;
    if (base.startsWith('_')) continue;
    current = parsed.get(path)!;
    let text: string;
    try {
      text = current.execute({ ...data, Template: { Name: `${name}/${path}`, BasePath: `${name}/templates` } }).replaceAll('<no value>', '');
    } catch (e) {
      if (e instanceof TemplateExecError) throw new RenderError(helmExecError(e));
      throw e;
    }
    if (base === 'NOTES.txt') notes = text;
    else if (text.trim()) manifests.push({ path: `${name}/${path}`, text });
  }
  return { manifests, notes };
}

/** ManifestDoc is one object of a rendered manifest, with the template it came from. */
export interface ManifestDoc {
  path: string;
  text: string;
  obj: { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };
}

/** splitManifests splits rendered templates into their YAML documents, sorted in install order. */
export function splitManifests(manifests: { path: string; text: string }[]): ManifestDoc[] {
  const docs: ManifestDoc[] = [];
  for (const m of manifests) {
    for (const part of m.text.split(/^---\s*$/m)) {
      if (!part.trim() || part.split('\n').every((l) => !l.trim() || l.trim().startsWith('#'))) continue;
      let obj: ManifestDoc['obj'];
      try {
        obj = (parse(part) ?? {}) as ManifestDoc['obj'];
      } catch (e) {
        throw new RenderError(`YAML parse error on ${m.path}: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
      }
      if (!obj || typeof obj !== 'object') continue;
      docs.push({ path: m.path, text: part.replace(/^\n+/, '').replace(/\s*$/, '\n'), obj });
    }
  }
  const rank = (k: string | undefined) => {
    const i = KIND_ORDER.indexOf(k ?? '');
    return i < 0 ? KIND_ORDER.length : i;
  };
  return docs.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d.obj.kind) - rank(b.d.obj.kind) || a.i - b.i).map((x) => x.d);
}

/** manifestText is a release's manifest as helm stores and prints it: "---\n# Source: path\n" before each document. */
export function manifestText(docs: ManifestDoc[]): string {
  return docs.map((d) => `---\n# Source: ${d.path}\n${d.text}`).join('');
}
