import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack, type LoadResult, type PackFiles } from '../pack/load.ts';

/** PACKS_DIR is where the shipped packs live. */
export const PACKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../packs');

/** readPackFiles reads a pack folder (its .yaml and .md files), or one exercise or pack.yaml file. */
export function readPackFiles(path: string): { name: string; files: PackFiles } {
  if (statSync(path).isDirectory()) {
    const files: PackFiles = {};
    for (const f of readdirSync(path).sort()) if (/\.(ya?ml|md)$/.test(f) && f !== 'README.md') files[f] = readFileSync(join(path, f), 'utf8');
    return { name: basename(resolve(path)), files };
  }
  if (basename(path) === 'pack.yaml') return readPackFiles(dirname(path));
  const files: PackFiles = { [basename(path)]: readFileSync(path, 'utf8') };
  const md = path.replace(/\.ya?ml$/, '.md');
  try {
    files[basename(md)] = readFileSync(md, 'utf8');
  } catch {
    // no Markdown beside it: the task is in the YAML
  }
  return { name: basename(path).replace(/\.ya?ml$/, ''), files };
}

/** readPack reads and validates a pack from disk. */
export function readPack(path: string): LoadResult {
  const { name, files } = readPackFiles(path);
  return loadPack(files, name);
}

/** shippedPackDirs lists the folders of the packs shipped with kubelab. */
export function shippedPackDirs(): string[] {
  return readdirSync(PACKS_DIR)
    .filter((d) => statSync(join(PACKS_DIR, d)).isDirectory())
    .sort()
    .map((d) => join(PACKS_DIR, d));
}
