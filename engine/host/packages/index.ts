/** Packages of a lab host: the dpkg database, apt sources and indexes, install plans. See README.md. */
export { installedVersion, installedPackage, readStatus, writeStatus, setHold, STATUS_FILE } from './db.ts';
export { provisionPackages, refreshIndexes, K8S_KEYRING, type NodeProvision } from './provision.ts';
export { binaryPackageVersion, packageFiles, packagedBinary, type PackageFile } from './files.ts';
export { binaryVersion } from './binary-version.ts';
export { compareVersions, satisfies, upstreamOf } from './version.ts';
export { AptCache, type PackageView } from './candidates.ts';
export { planInstall, configureOrder, parseDepends, type Change, type Plan, type Request } from './plan.ts';
export { applyChanges, installQuietly, removePackage, writePackageFiles } from './apply.ts';
export { debFileContent, readDebFile, CRI_DOCKERD } from './deb-file.ts';
export { k8sPackages, k8sRepo, LATEST_PATCH, parseK8sUri } from './k8s-repo.ts';
export { readSources, repoFor, k8sSourceLine, DEFAULT_SOURCES_LIST, type SourceLine } from './sources.ts';
export { type Installed, type PackageInfo, type Repo } from './types.ts';
