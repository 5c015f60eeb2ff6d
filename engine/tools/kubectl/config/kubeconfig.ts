import { parse } from 'yaml';
import { clone } from '../../../base/deep.ts';
import type { FileSystem } from '../../../host/types.ts';

/** Kubeconfig is clientcmdapi.Config in its v1 YAML shape. */
export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  preferences?: Record<string, unknown>;
  clusters?: { name: string; cluster: ClusterEntry }[];
  users?: { name: string; user: UserEntry }[];
  contexts?: { name: string; context: ContextEntry }[];
  'current-context'?: string;
}

export interface ClusterEntry {
  server?: string;
  'certificate-authority-data'?: string;
  'certificate-authority'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'tls-server-name'?: string;
  [k: string]: unknown;
}

export interface UserEntry {
  'client-certificate-data'?: string;
  'client-key-data'?: string;
  'client-certificate'?: string;
  'client-key'?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  [k: string]: unknown;
}

export interface ContextEntry {
  cluster?: string;
  user?: string;
  namespace?: string;
  [k: string]: unknown;
}

/** KubeconfigError carries clientcmd's texts (load errors, missing contexts). */
export class KubeconfigError extends Error {}

/** loadingPaths is clientcmd's precedence: --kubeconfig, else $KUBECONFIG (colon list), else ~/.kube/config. */
export function loadingPaths(explicit: string | undefined, env: Record<string, string>, home: string): { paths: string[]; explicit: boolean } {
  if (explicit) return { paths: [explicit], explicit: true };
  const list = env['KUBECONFIG'];
  if (list) return { paths: list.split(':').filter(Boolean), explicit: false };
  return { paths: [`${home}/.kube/config`], explicit: false };
}

/**
 * parsedTexts remembers the last kubeconfig texts parsed: every kubectl command
 * reads the same file, and YAML parsing (certificates embedded) costs more than
 * the command itself. Callers get a copy, since `kubectl config` edits it.
 */
const parsedTexts = new Map<string, unknown>();
const PARSED_TEXTS_MAX = 8;

function parseYaml(text: string): unknown {
  if (!parsedTexts.has(text)) {
    const doc = parse(text) as unknown;
    if (parsedTexts.size >= PARSED_TEXTS_MAX) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(text, doc);
  }
  return clone(parsedTexts.get(text));
}

function parseFile(fs: FileSystem, path: string): Kubeconfig {
  const text = fs.readFile(path);
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new KubeconfigError(`error loading config file "${path}": couldn't get version/kind; json parse error: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new KubeconfigError(`error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  return doc as Kubeconfig;
}

/**
 * loadKubeconfig reads and merges kubeconfig files the way clientcmd does: for
 * every named cluster, user and context the first file that defines it wins,
 * and current-context comes from the first file that sets one. A file named by
 * --kubeconfig must exist; missing files in $KUBECONFIG are skipped.
 */
export function loadKubeconfig(fs: FileSystem, paths: string[], explicit: boolean): Kubeconfig {
  const merged: Kubeconfig = { clusters: [], users: [], contexts: [] };
  for (const p of paths) {
    if (!fs.exists(p)) {
      if (explicit) throw new KubeconfigError(`stat ${p}: no such file or directory`);
      continue;
    }
    let cfg: Kubeconfig;
    try {
      cfg = parseFile(fs, p);
    } catch (e) {
      if (e instanceof KubeconfigError) throw e;
      throw new KubeconfigError(`open ${p}: permission denied`);
    }
    for (const c of cfg.clusters ?? []) if (!merged.clusters!.some((x) => x.name === c.name)) merged.clusters!.push(c);
    for (const u of cfg.users ?? []) if (!merged.users!.some((x) => x.name === u.name)) merged.users!.push(u);
    for (const c of cfg.contexts ?? []) if (!merged.contexts!.some((x) => x.name === c.name)) merged.contexts!.push(c);
    if (!merged['current-context'] && cfg['current-context']) merged['current-context'] = cfg['current-context'];
    if (!merged.preferences && cfg.preferences) merged.preferences = cfg.preferences;
  }
  return merged;
}

/** Overrides are the command-line flags that override kubeconfig entries. */
export interface Overrides {
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
}

/** ResolvedConfig is the effective client configuration after merging and overrides. */
export interface ResolvedConfig {
  contextName: string;
  clusterName: string;
  userName: string;
  namespace: string;
  /** namespaceExplicit: set by -n or the context (not the "default" fallback) */
  server: string;
  cluster: ClusterEntry;
  user: UserEntry;
  /** empty: no usable configuration at all (kubectl then talks to localhost:8080) */
  empty: boolean;
}

/** resolveConfig picks the context, cluster and user, applying command-line overrides. */
export function resolveConfig(cfg: Kubeconfig, o: Overrides): ResolvedConfig {
  const contextName = o.context ?? cfg['current-context'] ?? '';
  const ctx = cfg.contexts?.find((c) => c.name === contextName)?.context;
  if (o.context && !ctx) throw new KubeconfigError(`context was not found for specified context: ${o.context}`);
  const clusterName = o.cluster ?? ctx?.cluster ?? '';
  const userName = o.user ?? ctx?.user ?? '';
  const cluster = { ...(cfg.clusters?.find((c) => c.name === clusterName)?.cluster ?? {}) };
  if (o.cluster && !cfg.clusters?.some((c) => c.name === o.cluster)) throw new KubeconfigError(`cluster "${o.cluster}" does not exist`);
  const user = { ...(cfg.users?.find((u) => u.name === userName)?.user ?? {}) };
  if (o.server) cluster.server = o.server;
  if (o.certificateAuthority) {
    cluster['certificate-authority'] = o.certificateAuthority;
    delete cluster['certificate-authority-data'];
  }
  if (o.insecureSkipTlsVerify) cluster['insecure-skip-tls-verify'] = true;
  if (o.tlsServerName) cluster['tls-server-name'] = o.tlsServerName;
  if (o.token) user.token = o.token;
  if (o.clientCertificate) {
    user['client-certificate'] = o.clientCertificate;
    delete user['client-certificate-data'];
  }
  if (o.clientKey) {
    user['client-key'] = o.clientKey;
    delete user['client-key-data'];
  }
  const empty = !cluster.server;
  return {
    contextName,
    clusterName,
    userName,
    namespace: o.namespace || ctx?.namespace || 'default',
    server: cluster.server ?? 'http://localhost:8080',
    cluster,
    user,
    empty,
  };
}
