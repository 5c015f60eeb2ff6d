import { parse, stringify } from 'yaml';
import type { Process } from '../../../host/process.ts';
import { gunzip, readTar } from '../../coreutils/lib/tarball.ts';
import type { Chart, ChartMetadata } from '../chart/types.ts';
import { chartOf, metadataOf, repoAt, type ChartVersion } from '../repo/catalog.ts';
import { semverSatisfies } from '../template/sprig.ts';

/** RepoEntry is one line of repositories.yaml. */
export interface RepoEntry {
  name: string;
  url: string;
}

/** HelmError ends a command with "Error: <message>". */
export class HelmError extends Error {}

/** ArgCountError is cobra's check of a command's arguments: it fails before the command runs, so no command prefix ("INSTALLATION FAILED: ") is put before it. */
export class ArgCountError extends HelmError {}

function home(p: Process): string {
  return p.env['HOME'] ?? p.user.home;
}

/** repositoriesFile is $HELM_REPOSITORY_CONFIG, else ~/.config/helm/repositories.yaml. */
export function repositoriesFile(p: Process): string {
  return p.env['HELM_REPOSITORY_CONFIG'] ?? `${p.env['XDG_CONFIG_HOME'] ?? `${home(p)}/.config`}/helm/repositories.yaml`;
}

/** cacheDir is $HELM_REPOSITORY_CACHE, else ~/.cache/helm/repository. */
export function cacheDir(p: Process): string {
  return p.env['HELM_REPOSITORY_CACHE'] ?? `${p.env['XDG_CACHE_HOME'] ?? `${home(p)}/.cache`}/helm/repository`;
}

/** readRepos reads the configured repositories (none when the file is absent). */
export function readRepos(p: Process): RepoEntry[] {
  try {
    const doc = parse(p.fs.readFile(repositoriesFile(p))) as { repositories?: RepoEntry[] } | null;
    return doc?.repositories ?? [];
  } catch {
    return [];
  }
}

/** writeRepos writes repositories.yaml as helm does. */
export function writeRepos(p: Process, repos: RepoEntry[]): void {
  const file = repositoriesFile(p);
  p.fs.mkdir(file.replace(/\/[^/]+$/, ''), { recursive: true });
  const doc = { apiVersion: '', generated: '0001-01-01T00:00:00Z', repositories: repos.map((r) => ({ caFile: '', certFile: '', insecure_skip_tls_verify: false, keyFile: '', name: r.name, pass_credentials_all: false, password: '', url: r.url, username: '' })) };
  p.fs.writeFile(file, stringify(doc), { mode: 0o600 });
}

function abs(p: Process, path: string): string {
  if (path.startsWith('/')) return path;
  if (path.startsWith('~/')) return `${home(p)}${path.slice(1)}`;
  return `${p.cwd.replace(/\/$/, '')}/${path.replace(/^\.\//, '')}`;
}

/** readDirFiles reads every file under dir, by path relative to it. */
function readDirFiles(p: Process, dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of p.fs.readdir(dir)) {
    const full = `${dir}/${name}`;
    if (p.fs.stat(full).type === 'dir') Object.assign(out, readDirFiles(p, full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = p.fs.readFile(full);
  }
  return out;
}

/** chartFromFiles loads a chart's files (Chart.yaml, values.yaml, templates/…). */
export function chartFromFiles(files: Record<string, string>, where: string): Chart {
  const text = files['Chart.yaml'];
  if (text === undefined) throw new HelmError(`Chart.yaml file is missing`);
  let metadata: ChartMetadata;
  try {
    metadata = parse(text) as ChartMetadata;
  } catch (e) {
    throw new HelmError(`cannot load Chart.yaml: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!metadata?.name) throw new HelmError(`validation: chart.metadata.name is required`);
  if (!metadata.version) throw new HelmError(`validation: chart.metadata.version is required`);
  let values: Record<string, unknown> = {};
  try {
    values = (parse(files['values.yaml'] ?? '') ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new HelmError(`cannot load values.yaml: error converting YAML to JSON: ${(e as Error).message.split('\n')[0]} (${where})`);
  }
  return { metadata, values, files };
}

/**
 * resolveChart finds the chart a command names: a chart directory or .tgz on
 * the host, or repo/chart from a repository added with `helm repo add` (at
 * --version, a version or a constraint; default the newest).
 */
export function resolveChart(p: Process, ref: string, version = ''): Chart {
  const path = abs(p, ref);
  if (p.fs.exists(path)) {
    if (p.fs.stat(path).type === 'dir') return chartFromFiles(readDirFiles(p, path), ref);
    const entries = readTar(gunzip(p.fs.readBytes(path)));
    const files: Record<string, string> = {};
    for (const e of entries) if (e.type === 'file') files[e.name.replace(/^[^/]+\//, '')] = new TextDecoder().decode(e.data);
    return chartFromFiles(files, ref);
  }
  if (ref.startsWith('.') || ref.startsWith('/')) throw new HelmError(`path "${ref}" not found`);
  if (ref.startsWith('oci://')) throw new HelmError(`failed to do request: Head "https://${ref.slice(6).split('/')[0]}/v2/${ref.slice(6).split('/').slice(1).join('/')}/manifests/${version || 'latest'}": dial tcp: lookup ${ref.slice(6).split('/')[0]}: no such host`);
  const slash = ref.indexOf('/');
  if (slash < 0) throw new HelmError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  const repoName = ref.slice(0, slash);
  const chartName = ref.slice(slash + 1);
  const entry = readRepos(p).find((r) => r.name === repoName);
  if (!entry) throw new HelmError(`repo ${repoName} not found`);
  const repo = repoAt(entry.url);
  const versions = repo?.charts[chartName];
  if (!versions) throw new HelmError(`chart "${chartName}" matching ${version} not found in ${repoName} index. (try 'helm repo update'): no chart name found`);
  const pick = versions.find((v) => matches(metadataOf(v()).version, version));
  if (!pick) throw new HelmError(`chart "${chartName}" matching ${version} not found in ${repoName} index. (try 'helm repo update'): no chart version found for ${chartName}-${version}`);
  return chartOf(pick());
}

function matches(v: string, want: string): boolean {
  if (!want) return true;
  if (/^v?\d+\.\d+\.\d+$/.test(want)) return v === want.replace(/^v/, '');
  try {
    return semverSatisfies(want, v);
  } catch {
    return false;
  }
}

/** publishedVersions lists a repository chart's versions, newest first. */
export function publishedVersions(versions: (() => ChartVersion)[]): ChartMetadata[] {
  return versions.map((v) => metadataOf(v()));
}
