import { parse } from 'yaml';
import { toGoYaml } from '../../../../base/goyaml.ts';
import type { FileSystem } from '../../../../host/types.ts';
import { KubeconfigError, type Kubeconfig } from '../../config/kubeconfig.ts';

/** Section is one of the three named lists of a kubeconfig. */
export type Section = 'clusters' | 'users' | 'contexts';

/** ENTRY_KEY is the key that holds an entry's body in each section. */
export const ENTRY_KEY: Record<Section, 'cluster' | 'user' | 'context'> = { clusters: 'cluster', users: 'user', contexts: 'context' };

type Entry = Record<string, unknown>;

interface ConfigFile {
  path: string;
  /** cfg is undefined when the file does not exist */
  cfg: Kubeconfig | undefined;
}

/**
 * KubeconfigFiles is the chain of kubeconfig files `kubectl config` reads and
 * writes, with clientcmd's rules: for each named entry the first file that
 * defines it wins (and is where a change to it is written); a new entry and a
 * new current-context go to the file that already sets one, else the first file
 * that exists, else the last file in the chain. A written file is re-serialized
 * whole, in clientcmd's canonical form.
 */
export class KubeconfigFiles {
  readonly files: ConfigFile[];

  constructor(
    private readonly fs: FileSystem,
    paths: string[],
    readonly explicit: boolean,
  ) {
    // A file that does not exist reads as empty; the first write creates it.
    this.files = paths.map((path) => ({ path, cfg: fs.exists(path) ? parseConfig(fs.readFile(path), path) : undefined }));
  }

  /** defaultFile is where new entries go: the first existing file, else the last one named. */
  defaultFile(): string {
    return (this.files.find((f) => f.cfg) ?? this.files[this.files.length - 1])!.path;
  }

  /** merged is the effective configuration, entries sorted by name as clientcmd's maps print. */
  merged(): Kubeconfig {
    const out: Kubeconfig = { clusters: [], users: [], contexts: [], preferences: {} };
    for (const f of this.files) {
      if (!f.cfg) continue;
      for (const s of ['clusters', 'users', 'contexts'] as Section[]) {
        for (const e of (f.cfg[s] ?? []) as { name: string }[]) {
          if (e && typeof e.name === 'string' && !(out[s] as { name: string }[]).some((x) => x.name === e.name)) (out[s] as unknown[]).push(e);
        }
      }
      if (!out['current-context'] && f.cfg['current-context']) out['current-context'] = f.cfg['current-context'];
      if (f.cfg.preferences && Object.keys(out.preferences!).length === 0) out.preferences = f.cfg.preferences;
    }
    for (const s of ['clusters', 'users', 'contexts'] as Section[]) (out[s] as { name: string }[]).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return out;
  }

  /** entry returns a merged entry's body (a copy). */
  entry(section: Section, name: string): Entry | undefined {
    const e = (this.merged()[section] as { name: string }[]).find((x) => x.name === name) as Record<string, unknown> | undefined;
    return e ? { ...((e[ENTRY_KEY[section]] as Entry | undefined) ?? {}) } : undefined;
  }

  /** currentContext is the merged current-context ('' when unset). */
  currentContext(): string {
    return this.merged()['current-context'] ?? '';
  }

  private origin(section: Section, name: string): ConfigFile | undefined {
    return this.files.find((f) => ((f.cfg?.[section] ?? []) as { name: string }[]).some((e) => e?.name === name));
  }

  private fileAt(path: string): ConfigFile {
    return this.files.find((f) => f.path === path)!;
  }

  /** setEntry writes an entry's new body to the file that defines it (or the default file). */
  setEntry(section: Section, name: string, body: Entry): void {
    const f = this.origin(section, name) ?? this.fileAt(this.defaultFile());
    const cfg: Kubeconfig = f.cfg ?? {};
    const list = ((cfg[section] ?? []) as Record<string, unknown>[]).filter((e) => e?.name !== name);
    list.push({ name, [ENTRY_KEY[section]]: body });
    (cfg as Record<string, unknown>)[section] = list;
    f.cfg = cfg;
    this.write(f);
  }

  /** deleteEntry removes an entry from the file that defines it. */
  deleteEntry(section: Section, name: string): void {
    const f = this.origin(section, name);
    if (!f?.cfg) return;
    (f.cfg as Record<string, unknown>)[section] = ((f.cfg[section] ?? []) as { name: string }[]).filter((e) => e?.name !== name);
    this.write(f);
  }

  /** setCurrentContext writes current-context to the file that sets one, else the default file. */
  setCurrentContext(name: string): void {
    const f = this.files.find((x) => x.cfg?.['current-context']) ?? this.fileAt(this.defaultFile());
    f.cfg = { ...(f.cfg ?? {}), 'current-context': name };
    this.write(f);
  }

  /** setPreferences writes the preferences stanza to the default file. */
  setPreferences(prefs: Record<string, unknown>): void {
    const f = this.files.find((x) => x.cfg?.preferences && Object.keys(x.cfg.preferences).length) ?? this.fileAt(this.defaultFile());
    f.cfg = { ...(f.cfg ?? {}), preferences: prefs };
    this.write(f);
  }

  private write(f: ConfigFile): void {
    const dir = f.path.replace(/\/[^/]*$/, '');
    if (dir && !this.fs.exists(dir)) this.fs.mkdir(dir, { recursive: true });
    this.fs.writeFile(f.path, serializeKubeconfig(f.cfg ?? {}), { mode: 0o600 });
  }
}

function parseConfig(text: string, path: string): Kubeconfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new KubeconfigError(`error loading config file "${path}": couldn't get version/kind; json parse error: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new KubeconfigError(`error loading config file "${path}": couldn't get version/kind; json parse error`);
  return doc as Kubeconfig;
}

/** canonicalEntry gives an entry body the fields clientcmd always writes (a cluster's server, a context's cluster and user). */
export function canonicalEntry(section: Section, body: Entry): Entry {
  const out: Entry = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined || v === null || v === false || v === '' || k === 'extensions') continue;
    out[k] = v;
  }
  if (section === 'clusters') out.server ??= '';
  if (section === 'contexts') {
    out.cluster ??= '';
    out.user ??= '';
  }
  return out;
}

/** canonicalConfig is a kubeconfig in the shape clientcmd writes and `config view` prints. */
export function canonicalConfig(cfg: Kubeconfig): Record<string, unknown> {
  const section = (s: Section) => {
    const list = ((cfg[s] ?? []) as Record<string, unknown>[]).filter((e) => e && typeof e.name === 'string');
    if (list.length === 0) return null;
    return [...list]
      .sort((a, b) => ((a.name as string) < (b.name as string) ? -1 : 1))
      .map((e) => ({ name: e.name, [ENTRY_KEY[s]]: canonicalEntry(s, (e[ENTRY_KEY[s]] as Entry | undefined) ?? {}) }));
  };
  return {
    apiVersion: 'v1',
    clusters: section('clusters'),
    contexts: section('contexts'),
    'current-context': cfg['current-context'] ?? '',
    kind: 'Config',
    preferences: cfg.preferences ?? {},
    users: section('users'),
  };
}

/** serializeKubeconfig is the text clientcmd writes for a kubeconfig file. */
export function serializeKubeconfig(cfg: Kubeconfig): string {
  return toGoYaml(canonicalConfig(cfg));
}
