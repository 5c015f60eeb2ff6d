import type { HttpRequest, HttpResponse } from '../../host/net.ts';
import type { HttpRouteFilter, HttpRouteMatch, HttpRouteRule } from './types.ts';

/** hostnameMatches applies Gateway API hostname matching ("*.example.com" matches any deeper label). */
export function hostnameMatches(pattern: string | undefined, host: string): boolean {
  if (!pattern) return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return pattern === host;
}

function safeRegex(text: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${text})$`);
  } catch {
    return undefined;
  }
}

/** pathMatches applies one path match; PathPrefix matches whole path elements, as the spec requires. */
export function pathMatches(m: HttpRouteMatch['path'], path: string): boolean {
  const type = m?.type ?? 'PathPrefix';
  const value = m?.value ?? '/';
  if (type === 'Exact') return path === value;
  if (type === 'RegularExpression') return safeRegex(value)?.test(path) ?? false;
  const base = value.replace(/\/+$/, '');
  return base === '' || path === base || path.startsWith(`${base}/`);
}

/** matchApplies tells whether a request satisfies one HTTPRouteMatch (path, headers, query, method all together). */
export function matchApplies(m: HttpRouteMatch, req: HttpRequest): boolean {
  const [path, query] = req.path.split('?');
  if (!pathMatches(m.path, path!)) return false;
  if (m.method && m.method !== req.method) return false;
  for (const h of m.headers ?? []) {
    const v = req.headers[h.name.toLowerCase()];
    if (v === undefined) return false;
    if ((h.type ?? 'Exact') === 'Exact' ? v !== h.value : !(safeRegex(h.value)?.test(v) ?? false)) return false;
  }
  const params = new Map((query ?? '').split('&').filter(Boolean).map((kv) => [decodeURIComponent(kv.split('=')[0]!), decodeURIComponent(kv.split('=')[1] ?? '')] as const));
  for (const q of m.queryParams ?? []) {
    const v = params.get(q.name);
    if (v === undefined) return false;
    if ((q.type ?? 'Exact') === 'Exact' ? v !== q.value : !(safeRegex(q.value)?.test(v) ?? false)) return false;
  }
  return true;
}

/** Candidate is one match of one rule, ranked for precedence. */
export interface Candidate {
  rule: HttpRouteRule;
  match: HttpRouteMatch;
  hostnameLen: number;
  order: number;
}

/**
 * precedence orders matches as the Gateway API says: Exact path before
 * prefix, longer prefix first, then more header matches, then more query
 * matches, then a method match; ties keep route and rule order.
 */
export function precedence(a: Candidate, b: Candidate): number {
  const pa = a.match.path ?? {};
  const pb = b.match.path ?? {};
  const exact = (pb.type === 'Exact' ? 1 : 0) - (pa.type === 'Exact' ? 1 : 0);
  if (exact) return exact;
  const len = (pb.value ?? '/').length - (pa.value ?? '/').length;
  if (len) return len;
  const m = (b.match.method ? 1 : 0) - (a.match.method ? 1 : 0);
  if (m) return m;
  const h = (b.match.headers?.length ?? 0) - (a.match.headers?.length ?? 0);
  if (h) return h;
  const q = (b.match.queryParams?.length ?? 0) - (a.match.queryParams?.length ?? 0);
  if (q) return q;
  return a.order - b.order;
}

/** rewrite applies URLRewrite / RequestHeaderModifier filters to a request. */
export function applyFilters(filters: HttpRouteFilter[], match: HttpRouteMatch, req: HttpRequest): HttpRequest {
  let out = { ...req, headers: { ...req.headers } };
  for (const f of filters) {
    if (f.type === 'RequestHeaderModifier' && f.requestHeaderModifier) out.headers = modifyHeaders(out.headers, f.requestHeaderModifier);
    if (f.type === 'URLRewrite' && f.urlRewrite) {
      if (f.urlRewrite.hostname) out = { ...out, host: f.urlRewrite.hostname, headers: { ...out.headers, host: f.urlRewrite.hostname } };
      const p = f.urlRewrite.path;
      if (p) out = { ...out, path: replacePath(p, match, out.path) };
    }
  }
  return out;
}

/** replacePath is the ReplaceFullPath / ReplacePrefixMatch modifier. */
export function replacePath(p: { type: string; replaceFullPath?: string; replacePrefixMatch?: string }, match: HttpRouteMatch, fullPath: string): string {
  const [path, query] = fullPath.split('?');
  const q = query !== undefined ? `?${query}` : '';
  if (p.type === 'ReplaceFullPath') return `${p.replaceFullPath ?? '/'}${q}`;
  const prefix = (match.path?.value ?? '/').replace(/\/+$/, '');
  const rest = path!.slice(prefix.length);
  const repl = (p.replacePrefixMatch ?? '/').replace(/\/+$/, '');
  const joined = `${repl}${rest}`;
  return `${joined === '' ? '/' : joined.startsWith('/') ? joined : `/${joined}`}${q}`;
}

/** modifyHeaders applies a RequestHeaderModifier / ResponseHeaderModifier: set, then add (appended with a comma), then remove. */
function modifyHeaders(headers: Record<string, string>, m: NonNullable<HttpRouteFilter['requestHeaderModifier']>): Record<string, string> {
  const out = { ...headers };
  for (const h of m.set ?? []) out[h.name.toLowerCase()] = h.value;
  for (const h of m.add ?? []) out[h.name.toLowerCase()] = out[h.name.toLowerCase()] ? `${out[h.name.toLowerCase()]},${h.value}` : h.value;
  for (const n of m.remove ?? []) delete out[n.toLowerCase()];
  return out;
}

/** applyResponseFilters applies ResponseHeaderModifier filters to the backend's answer. */
export function applyResponseFilters(filters: HttpRouteFilter[], res: HttpResponse): HttpResponse {
  let headers = res.headers;
  for (const f of filters) if (f.type === 'ResponseHeaderModifier' && f.responseHeaderModifier) headers = modifyHeaders(headers, f.responseHeaderModifier);
  return headers === res.headers ? res : { ...res, headers };
}
