import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isAscii, sha256AsciiHex } from './sha256.ts';

/** ParsedRef is an image reference with containerd's defaults applied. */
export interface ParsedRef {
  /** registry host: docker.io, registry.k8s.io, quay.io… */
  registry: string;
  /** repository path inside the registry: library/nginx, pause, curlimages/curl */
  path: string;
  tag?: string;
  digest?: string;
  /** fullRef is the normalised name containerd pulls: docker.io/library/nginx:latest */
  fullRef: string;
}

const DOMAIN = /^(localhost|[a-z0-9.-]+\.[a-z0-9.-]+|[a-z0-9.-]+:\d+)$/;

/**
 * parseImageRef normalises a reference the way the docker reference library
 * does: a first component without a dot or port is a Docker Hub path, a
 * single-component Hub path gets "library/", a missing tag is "latest".
 * Errors carry the reference library's texts ("invalid reference format…").
 */
export function parseImageRef(ref: string): ParsedRef | { error: string } {
  let hit = parsed.get(ref);
  if (!hit) {
    // every pod start parses its images several times (pull policy, store, catalogue): the few names a lab uses are parsed once
    if (parsed.size >= PARSED_MAX) parsed.clear();
    hit = Object.freeze(parse(ref));
    parsed.set(ref, hit);
  }
  return hit;
}

const PARSED_MAX = 512;
const parsed = new Map<string, Readonly<ParsedRef> | Readonly<{ error: string }>>();

function parse(ref: string): ParsedRef | { error: string } {
  if (ref === '' || /\s/.test(ref)) return { error: 'invalid reference format' };
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) return { error: 'invalid reference format' };
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return { error: 'invalid reference format' };
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && DOMAIN.test(parts[0]!)) registry = parts.shift()!;
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (path !== path.toLowerCase()) return { error: `invalid reference format: repository name (${path}) must be lowercase` };
  if (!parts.every((p) => /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return { error: 'invalid reference format' };
  if (!tag && !digest) tag = 'latest';
  const fullRef = `${registry}/${path}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { registry, path, tag, digest, fullRef };
}

/** repoKey is the normalised repository (registry/path) used to find an image in the catalogue. */
export function repoKey(r: { registry: string; path: string }): string {
  return `${r.registry}/${r.path}`;
}

/** sha256Hex hashes text (digests and ids derived from names, so they are stable across runs). */
export function sha256Hex(text: string): string {
  return isAscii(text) ? sha256AsciiHex(text) : bytesToHex(sha256(utf8ToBytes(text)));
}
