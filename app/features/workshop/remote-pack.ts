import { parseDocument } from 'yaml';
import { loadPack, type LoadResult, type PackFiles } from '../../../exercises/pack/load.ts';

/** Fetcher reads a URL as text (fetch in the page, a stand-in in tests); it throws when it cannot. */
export type Fetcher = (url: string) => Promise<string>;

/** MAX_FILE is the largest pack file read from a URL: packs are text, and a huge answer is a mistake. */
const MAX_FILE = 1 << 20;

/** pageFetcher fetches with the page's fetch: an answer that is not 2xx is an error. */
export const pageFetcher: Fetcher = async (url) => {
  const r = await fetch(url, { credentials: 'omit', redirect: 'follow' });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const text = await r.text();
  if (text.length > MAX_FILE) throw new Error(`${url}: larger than ${MAX_FILE} bytes`);
  return text;
};

/**
 * fetchPack opens a pack published at a URL, as an instructor hands it out
 * (`?pack=https://…/pack.yaml`): either a pack.yaml, whose `exercises:` (and
 * `lab:`) files are read beside it, or a single exercise file, which is a
 * pack of one. The files are validated as any pack is (errors name file,
 * line and column); nothing in them is run or rendered as HTML.
 */
export async function fetchPack(url: string, get: Fetcher = pageFetcher): Promise<LoadResult> {
  const where = (file: string) => ({ file, line: 1, col: 1 });
  let base: URL;
  try {
    base = new URL(url, globalThis.location?.href);
  } catch {
    return { ok: false, errors: [{ ...where(url), message: 'not a URL' }] };
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return { ok: false, errors: [{ ...where(url), message: `cannot read packs over ${base.protocol}` }] };
  const name = base.pathname.split('/').pop() || 'pack.yaml';
  let first: string;
  try {
    first = await get(base.href);
  } catch (err) {
    return { ok: false, errors: [{ ...where(name), message: (err as Error).message }] };
  }
  const doc = parseDocument(first, { prettyErrors: false });
  const head = doc.errors.length ? undefined : (doc.toJS() as { kind?: unknown; exercises?: unknown; lab?: unknown } | null);
  if (head?.kind !== 'Pack') return loadPack({ [/\.ya?ml$/.test(name) ? name : `${name}.yaml`]: first }, name.replace(/\.ya?ml$/, ''));
  const files: PackFiles = { 'pack.yaml': first };
  const listed = Array.isArray(head.exercises) ? head.exercises.filter((f): f is string => typeof f === 'string') : [];
  if (!listed.length) return { ok: false, errors: [{ ...where('pack.yaml'), message: 'exercises: a pack read from a URL must list its exercise files' }] };
  const wanted = [...listed, ...(typeof head.lab === 'string' ? [head.lab] : [])];
  const errors: string[] = [];
  await Promise.all(
    wanted.map(async (f) => {
      const at = new URL(f, base);
      // A pack's files live beside it: no other host, no climbing out of its folder.
      if (at.origin !== base.origin || !at.pathname.startsWith(base.pathname.replace(/[^/]*$/, ''))) {
        errors.push(`${f}: not inside the pack's folder`);
        return;
      }
      try {
        files[f] = await get(at.href);
      } catch (err) {
        errors.push(`${f}: ${(err as Error).message}`);
        return;
      }
      // A task may be written in Markdown beside its exercise.
      if (/\.ya?ml$/.test(f) && f !== head.lab) {
        const md = f.replace(/\.ya?ml$/, '.md');
        const text = await get(new URL(md, base).href).catch(() => undefined);
        if (text !== undefined) files[md] = text;
      }
    }),
  );
  if (errors.length) return { ok: false, errors: errors.map((message) => ({ ...where('pack.yaml'), message })) };
  return loadPack(files, name.replace(/\.ya?ml$/, ''));
}
