import type { FileSystem } from '../types.ts';
import { k8sRepo, parseK8sUri } from './k8s-repo.ts';
import type { Repo } from './types.ts';
import { otherRepo, ubuntuRepos } from './ubuntu-repo.ts';

/** SourceLine is one "deb" line of sources.list(5). */
export interface SourceLine {
  uri: string;
  suite: string;
  components: string[];
  signedBy?: string;
  file: string;
  line: number;
}

/** SourceError is a malformed line, with apt's message. */
export interface SourceError {
  message: string;
}

/** readSources reads /etc/apt/sources.list and sources.list.d/*.list in apt's order. */
export function readSources(fs: FileSystem): { lines: SourceLine[]; errors: string[] } {
  const files = ['/etc/apt/sources.list'];
  try {
    files.push(...fs.readdir('/etc/apt/sources.list.d').filter((f) => f.endsWith('.list')).sort().map((f) => `/etc/apt/sources.list.d/${f}`));
  } catch {
    // no sources.list.d
  }
  const lines: SourceLine[] = [];
  const errors: string[] = [];
  for (const file of files) {
    let text = '';
    try {
      text = fs.readFile(file);
    } catch {
      continue;
    }
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (line === '') return;
      const m = /^(deb|deb-src)\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
      if (!m) {
        errors.push(`E: Malformed entry ${i + 1} in list file ${file} (Component)`);
        return;
      }
      if (m[1] === 'deb-src') return;
      const opts = m[2] ?? '';
      const signed = /signed-by=(\S+)/.exec(opts);
      lines.push({ uri: m[3]!, suite: m[4]!, components: m[5]!.split(/\s+/).filter((x) => x), signedBy: signed?.[1], file, line: i + 1 });
    });
  }
  return { lines, errors };
}

/** repoFor finds what the lab serves at a source line, or undefined when nothing answers there. */
export function repoFor(s: SourceLine): Repo | undefined {
  if (parseK8sUri(s.uri) !== undefined) return s.suite === '/' ? k8sRepo(s.uri) : undefined;
  const u = s.uri.replace(/\/$/, '') + '/';
  const ubuntu = ubuntuRepos().find((r) => r.uri === u && r.suite === s.suite);
  if (ubuntu) return ubuntu;
  return otherRepo(s.uri, s.suite);
}

/** hostOf is the host name in a URI. */
export function hostOf(uri: string): string {
  return /^\w+:\/\/([^/]+)/.exec(uri)?.[1] ?? uri;
}

/** displayBase is how apt writes a source in Hit:/Get: lines: "URI suite" or, for flat repos, "URI " (two spaces before the file). */
export function displayName(s: SourceLine, base = s.uri.replace(/\/$/, '')): string {
  return s.suite === '/' ? `${base} ` : `${base} ${s.suite}`;
}

/** listFileBase is the file name prefix apt uses under /var/lib/apt/lists for a source. */
export function listFileBase(s: SourceLine): string {
  const u = s.uri.replace(/^\w+:\/\//, '').replace(/\/$/, '');
  const path = s.suite === '/' ? u : `${u}/dists/${s.suite}`;
  return path.replace(/\//g, '_');
}

/** DEFAULT_SOURCES_LIST is Ubuntu 22.04's /etc/apt/sources.list (comments trimmed). */
export const DEFAULT_SOURCES_LIST = `# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to
# newer versions of the distribution.
deb http://archive.ubuntu.com/ubuntu/ jammy main restricted universe multiverse
deb http://archive.ubuntu.com/ubuntu/ jammy-updates main restricted universe multiverse
deb http://archive.ubuntu.com/ubuntu/ jammy-backports main restricted universe multiverse
deb http://security.ubuntu.com/ubuntu/ jammy-security main restricted universe multiverse
`;

/** k8sSourceLine is the kubernetes.list line of the official install guide for a minor ("v1.34"). */
export function k8sSourceLine(minor: string): string {
  return `deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/${minor}/deb/ /\n`;
}
