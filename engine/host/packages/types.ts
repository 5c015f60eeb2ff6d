/** A package as a repository index or the dpkg database describes it. */
export interface PackageInfo {
  name: string;
  version: string;
  architecture: string;
  section: string;
  priority: string;
  maintainer: string;
  /** Installed-Size in KiB */
  installedSize: number;
  /** size of the .deb in bytes */
  size: number;
  depends?: string;
  description: string;
  homepage?: string;
}

/** Repo is one apt source as the lab knows it: where it is and what it serves. */
export interface Repo {
  /** uri as written in sources.list, e.g. https://pkgs.k8s.io/core:/stable:/v1.35/deb/ */
  uri: string;
  /** suite ("jammy", or "/" for a flat repository) */
  suite: string;
  components: string[];
  /** fetchBase is what apt prints in Get: lines (after redirects), without the trailing slash */
  fetchBase: string;
  /** label for Hit/Get lines: "jammy InRelease" or " InRelease" (flat repo) */
  packages: PackageInfo[];
  /** InRelease size in bytes */
  releaseSize: number;
  /** priority of the origin (apt-cache policy) */
  pin: number;
}

/** Installed is a package in the dpkg database. */
export interface Installed extends PackageInfo {
  /** Status: "install ok installed" or "hold ok installed" */
  want: 'install' | 'hold' | 'deinstall';
  state: 'installed' | 'config-files';
  /** auto is apt's Auto-Installed flag (/var/lib/apt/extended_states) */
  auto?: boolean;
}
