import type { GradeTarget } from './target.ts';

/** HttpAnswer is a response's status and body, or why there was none. */
export type HttpAnswer = { status: number; body: string } | { error: string };

/**
 * httpProbe makes an HTTP request from a host by running curl there, so the
 * request takes the path a learner's would (DNS, Service routing, Ingress,
 * NetworkPolicy). This is the one place that knows how.
 */
export async function httpProbe(target: GradeTarget, host: string, url: string, headers: Record<string, string>): Promise<HttpAnswer> {
  const hs = Object.entries(headers)
    .map(([k, v]) => ` -H ${shellQuote(`${k}: ${v}`)}`)
    .join('');
  const r = await target.run(host, `curl -s -k -i -m 5${hs} ${shellQuote(url)}`);
  if (r.exit === 127) return { error: 'curl is not available on the host' };
  if (r.exit !== 0) return { error: `curl exited with ${r.exit}${r.stderr.trim() ? `: ${r.stderr.trim()}` : curlError(r.exit)}` };
  return parseHttpResponse(r.stdout);
}

/** parseHttpResponse reads `curl -i` output: the last status line, headers, then the body. */
export function parseHttpResponse(out: string): HttpAnswer {
  let rest = out;
  let status = 0;
  // Interim answers (100 Continue) and redirects followed by curl print several header blocks.
  for (;;) {
    const m = /^HTTP\/[\d.]+ (\d{3})[^\n]*\n/.exec(rest);
    if (!m) break;
    status = Number(m[1]);
    const end = rest.search(/\r?\n\r?\n/);
    rest = end < 0 ? '' : rest.slice(end).replace(/^\r?\n\r?\n/, '');
  }
  if (!status) return { error: 'no HTTP answer' };
  return { status, body: rest };
}

function curlError(code: number): string {
  return { 6: ' (could not resolve host)', 7: ' (could not connect)', 28: ' (timed out)', 52: ' (empty reply)', 56: ' (connection reset)' }[code] ?? '';
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
