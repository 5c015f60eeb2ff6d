/** ChartMetadata is a chart's Chart.yaml. */
export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  type?: string;
  kubeVersion?: string;
  home?: string;
  icon?: string;
  keywords?: string[];
  [k: string]: unknown;
}

/** Chart is a loaded chart: its metadata, default values, and every file by its path in the chart. */
export interface Chart {
  metadata: ChartMetadata;
  values: Record<string, unknown>;
  /** files by path relative to the chart root (Chart.yaml, values.yaml, templates/deployment.yaml…) */
  files: Record<string, string>;
}
