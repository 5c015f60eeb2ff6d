/**
 * Share links: `?exercise=<pack>/<exercise>` opens an exercise, and
 * `?pack=<url>` first opens a pack published at a URL. An instructor hands
 * out one link; each learner's browser does the rest.
 */

/** ShareParams are what a link asks the page to open. */
export interface ShareParams {
  packUrl?: string;
  exercise?: { pack: string; exercise: string };
}

/** readShareParams reads a page's query string. */
export function readShareParams(search: string): ShareParams {
  const q = new URLSearchParams(search);
  const out: ShareParams = {};
  const pack = q.get('pack');
  if (pack) out.packUrl = pack;
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(q.get('exercise') ?? '');
  if (m) out.exercise = { pack: m[1]!, exercise: m[2]! };
  return out;
}

/** shareLink is the link that opens an exercise (and the URL pack it comes from) on this page's address. */
export function shareLink(page: string, exercise: { pack: string; exercise: string }, packUrl?: string): string {
  const u = new URL(page);
  u.search = '';
  u.hash = '';
  if (packUrl) u.searchParams.set('pack', packUrl);
  u.searchParams.set('exercise', `${exercise.pack}/${exercise.exercise}`);
  return u.href;
}
