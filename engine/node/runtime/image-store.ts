import type { Runtime } from '../../base/runtime.ts';
import { imageIdOf, type ResolvedImage } from '../images/catalog.ts';
import { parseImageRef } from '../images/refs.ts';
import type { ImageCatalog, ImageDef } from '../images/types.ts';

/** StoredImage is an image in a node's content store (`crictl images`). */
export interface StoredImage {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  def: ImageDef;
  tag: string;
  /** pinned images (the sandbox image) are never garbage collected */
  pinned: boolean;
}

/** PullResult is a finished pull: the image, or containerd's error text. */
export type PullResult = { ok: true; image: StoredImage; ms: number } | { ok: false; error: string };

/**
 * pullMs is how long a pull takes: a registry round trip plus the layers at
 * ~40 MB/s, or, when the node already holds every layer (a pod with
 * imagePullPolicy Always, an image pulled before), the round trip and the
 * manifest checks alone.
 */
export function pullMs(size: number, layersPresent = false): number {
  return 400 + Math.round(size / (layersPresent ? 2_000_000 : 40_000));
}

/**
 * ImageStore is one node's images: what is pulled, by tag and by digest, and
 * pulls in flight (two pods asking for the same image share one pull).
 */
export class ImageStore {
  private images = new Map<string, StoredImage>();
  private inflight = new Map<string, Array<(r: PullResult) => void>>();

  constructor(
    private readonly runtime: Runtime,
    private readonly catalog: ImageCatalog,
  ) {}

  list(): StoredImage[] {
    return [...this.images.values()];
  }

  /** find returns the stored image a reference names (tag, digest, or image id), if present. */
  find(ref: string): StoredImage | undefined {
    if (ref.startsWith('sha256:')) return this.images.get(ref) ?? this.list().find((i) => i.id === ref);
    const p = parseImageRef(ref);
    if ('error' in p) return undefined;
    return this.list().find((i) => i.repoTags.includes(p.fullRef) || i.repoDigests.some((d) => `${p.registry}/${p.path}@${p.digest}` === d));
  }

  /** pull fetches ref from the lab's registries in simulated time; done receives the result. */
  pull(ref: string, done: (r: PullResult) => void): void {
    const hit = this.catalog.lookup(ref);
    const p = parseImageRef(ref);
    const full = 'error' in p ? ref : p.fullRef;
    if ('error' in hit) {
      const text = hit.error === 'invalid' ? `failed to pull and unpack image "${full}": ${hit.message}` : `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${hit.message}`;
      this.runtime.after(300, () => done({ ok: false, error: text }), 'image-pull');
      return;
    }
    const waiting = this.inflight.get(hit.fullRef);
    if (waiting) {
      waiting.push(done);
      return;
    }
    this.inflight.set(hit.fullRef, [done]);
    const ms = pullMs(hit.def.size, this.images.has(imageIdOf(hit.def, hit.tag)));
    this.runtime.after(ms, () => {
      const image = this.add(hit);
      const cbs = this.inflight.get(hit.fullRef) ?? [];
      this.inflight.delete(hit.fullRef);
      for (const cb of cbs) cb({ ok: true, image, ms });
    }, 'image-pull');
  }

  /** add stores a resolved image at once (images present on the machine before boot, the sandbox image). */
  add(hit: ResolvedImage, pinned = false): StoredImage {
    const id = imageIdOf(hit.def, hit.tag);
    const name = hit.fullRef.split('@')[0]!.replace(/:[^:/]+$/, '');
    const existing = this.images.get(id);
    const tagRef = `${name}:${hit.tag}`;
    const digestRef = `${name}@${hit.digest}`;
    if (existing) {
      if (!existing.repoTags.includes(tagRef)) existing.repoTags.push(tagRef);
      if (!existing.repoDigests.includes(digestRef)) existing.repoDigests.push(digestRef);
      existing.pinned ||= pinned;
      return existing;
    }
    const img: StoredImage = { id, repoTags: [tagRef], repoDigests: [digestRef], size: hit.def.size, def: hit.def, tag: hit.tag, pinned };
    this.images.set(id, img);
    return img;
  }

  /** remove deletes an image (crictl rmi); false when absent. */
  remove(ref: string): boolean {
    const img = this.find(ref);
    if (!img) return false;
    this.images.delete(img.id);
    return true;
  }

  /** preload stores references without pulling (the machine image's cached images). */
  preload(refs: string[], pinned = false): void {
    for (const r of refs) {
      const hit = this.catalog.lookup(r);
      if (!('error' in hit)) this.add(hit, pinned);
    }
  }
}
