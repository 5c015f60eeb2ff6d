import type { ImageCatalog, ImageDef } from './types.ts';
import { parseImageRef, repoKey, sha256Hex } from './refs.ts';

/** ResolvedImage is a catalogue hit: the image, its tag and digests. */
export interface ResolvedImage {
  def: ImageDef;
  tag: string;
  /** digest is the repo digest (sha256:…) a registry would answer for the tag */
  digest: string;
  fullRef: string;
}

/** imageIdOf is the image's config digest (what `crictl images` shows as IMAGE ID). */
export function imageIdOf(def: ImageDef, tag: string): string {
  return `sha256:${sha256Hex(`config:${def.repository}:${tag}`)}`;
}

/** normalisedRepo is an ImageDef's repository with registry defaults expanded. */
export function normalisedRepo(def: ImageDef): string {
  const p = parseImageRef(def.repository);
  return 'error' in p ? def.repository : repoKey(p);
}

/**
 * makeImageCatalog builds the lookup the container runtime pulls through.
 * Unknown Docker Hub repositories answer like Hub does (pull access denied),
 * unknown tags and other registries' unknown names "not found".
 */
export function makeImageCatalog(defs: ImageDef[]): ImageCatalog & { all(): ImageDef[] } {
  const byRepo = new Map<string, ImageDef[]>();
  for (const d of defs) {
    const k = normalisedRepo(d);
    byRepo.set(k, [...(byRepo.get(k) ?? []), d]);
  }
  // every pod start looks its image up: the answers for the few names a lab uses are kept (they never change)
  const answers = new Map<string, ReturnType<ImageCatalog['lookup']>>();
  const lookup = (ref: string): ReturnType<ImageCatalog['lookup']> => {
    let hit = answers.get(ref);
    if (!hit) {
      if (answers.size >= 512) answers.clear();
      hit = Object.freeze(resolve(ref));
      answers.set(ref, hit);
    }
    return hit;
  };
  const resolve = (ref: string): ReturnType<ImageCatalog['lookup']> => {
    const p = parseImageRef(ref);
    if ('error' in p) return { error: 'invalid', message: p.error };
    const lines = byRepo.get(repoKey(p));
    if (!lines) {
      if (p.registry === 'docker.io') return { error: 'unauthorized', message: 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' };
      return { error: 'not-found', message: `${p.fullRef}: not found` };
    }
    let tag = p.tag;
    const allTags = lines.flatMap((l) => l.tags);
    if (p.digest) {
      const hit = allTags.find((t) => `sha256:${sha256Hex(`${repoKey(p)}:${t}`)}` === p.digest);
      if (!hit) return { error: 'not-found', message: `${p.fullRef}: not found` };
      tag = tag ?? hit;
    }
    const def = lines.find((l) => tag !== undefined && l.tags.includes(tag));
    if (!tag || !def) return { error: 'not-found', message: `${p.fullRef}: not found` };
    return { def, tag, digest: `sha256:${sha256Hex(`${repoKey(p)}:${tag}`)}`, fullRef: p.fullRef };
  };
  return { all: () => defs, lookup };
}
