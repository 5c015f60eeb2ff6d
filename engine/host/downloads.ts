/**
 * The lab's offline mirror of well-known downloads: release manifests that
 * CKA tasks install from a URL (`kubectl apply -f https://github.com/…/cert-manager.yaml`).
 * The lab has no Internet; a URL registered here answers with its content
 * to kubectl, curl and wget alike, and any other URL stays unreachable.
 */
const MIRROR = new Map<string, () => string>();

/** registerDownload makes a URL answer with the text `content` builds (built on first use). */
export function registerDownload(url: string, content: () => string): void {
  let cached: string | undefined;
  MIRROR.set(url, () => (cached ??= content()));
}

/** download answers a mirrored URL's content, or undefined for any other URL. */
export function download(url: string): string | undefined {
  return MIRROR.get(url)?.();
}

/** mirroredUrls lists what the mirror holds (for docs and tests). */
export function mirroredUrls(): string[] {
  return [...MIRROR.keys()].sort();
}
