import { parse } from 'yaml';
import { argoCd } from '../charts/argo-cd.ts';
import { bitnamiNginx } from '../charts/nginx.ts';
import type { Chart, ChartMetadata } from '../chart/types.ts';

/** ChartVersion is one published version of a chart: its files, and when it was published. */
export interface ChartVersion {
  files: Record<string, string>;
  created: string;
}

/** RepoDef is a chart repository the lab's offline mirror serves, by the URL `helm repo add` names. */
export interface RepoDef {
  url: string;
  /** charts by name, newest version first */
  charts: Record<string, (() => ChartVersion)[]>;
}

const memo = (f: () => ChartVersion) => {
  let v: ChartVersion | undefined;
  return () => (v ??= f());
};

/**
 * REPOS are the chart repositories of the offline mirror. The lab has no
 * Internet; these answer `helm repo add` with charts shaped like the
 * published ones, whose images the lab's registries serve.
 */
export const REPOS: RepoDef[] = [
  {
    url: 'https://charts.bitnami.com/bitnami',
    charts: {
      nginx: [memo(() => bitnamiNginx('18.3.5', '1.27.3')), memo(() => bitnamiNginx('18.2.6', '1.27.2')), memo(() => bitnamiNginx('17.3.3', '1.26.3'))],
    },
  },
  {
    url: 'https://argoproj.github.io/argo-helm',
    charts: {
      'argo-cd': [memo(() => argoCd('7.7.11', 'v2.13.3')), memo(() => argoCd('7.7.3', 'v2.13.0')), memo(() => argoCd('7.6.12', 'v2.12.6'))],
    },
  },
];

/** repoAt finds the mirrored repository behind a URL (a trailing slash does not matter). */
export function repoAt(url: string): RepoDef | undefined {
  const want = url.replace(/\/+$/, '');
  return REPOS.find((r) => r.url === want);
}

/** metadataOf reads a chart version's Chart.yaml. */
export function metadataOf(v: ChartVersion): ChartMetadata {
  return parse(v.files['Chart.yaml']!) as ChartMetadata;
}

/** chartOf turns a published version into a loaded chart. */
export function chartOf(v: ChartVersion): Chart {
  return { metadata: metadataOf(v), values: (parse(v.files['values.yaml'] ?? '') ?? {}) as Record<string, unknown>, files: v.files };
}

/** indexYaml is the repository's index.yaml, as `helm repo add` caches it. */
export function indexYaml(repo: RepoDef): string {
  const lines = ['apiVersion: v1', 'entries:'];
  for (const [name, versions] of Object.entries(repo.charts)) {
    lines.push(`  ${name}:`);
    for (const v of versions) {
      const m = metadataOf(v());
      lines.push(`  - apiVersion: ${m.apiVersion}`, `    appVersion: ${m.appVersion ?? ''}`, `    created: "${v().created}"`, `    description: ${JSON.stringify(m.description ?? '')}`, `    name: ${name}`, `    urls:`, `    - ${repo.url}/${name}-${m.version}.tgz`, `    version: ${m.version}`);
    }
  }
  lines.push('generated: "2025-01-15T00:00:00Z"');
  return lines.join('\n') + '\n';
}
