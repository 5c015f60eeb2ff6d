import type { HttpResponse } from '../../host/net.ts';

/** nginxPage is the error page nginx writes for a status (ingress-nginx keeps nginx's defaults). */
export function nginxPage(status: number, reason: string, extraHeaders: Record<string, string> = {}): HttpResponse {
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return {
    status,
    statusText: reason,
    headers: { 'content-type': 'text/html', 'content-length': String(body.length), connection: 'keep-alive', ...extraHeaders },
    body,
  };
}

/** notFound is the default backend's answer when no rule matches. */
export const notFound = (): HttpResponse => nginxPage(404, 'Not Found');
/** unavailable is the answer for a backend Service without endpoints. */
export const unavailable = (): HttpResponse => nginxPage(503, 'Service Temporarily Unavailable');

/**
 * asServedByNginx is a response as an nginx proxy writes it: proxy_hide_header
 * drops the upstream's Date (and Server, unless keepServer), nginx puts its
 * own Date first, then Content-Type, Content-Length and Connection. Its own
 * pages (404, 502…) get the Date the same way.
 */
export function asServedByNginx(r: HttpResponse, now: number, o: { keepServer?: boolean } = {}): HttpResponse {
  const rest = Object.fromEntries(Object.entries(r.headers).filter(([k]) => k !== 'date' && (o.keepServer || k !== 'server')));
  const first = Object.fromEntries(['content-type', 'content-length', 'connection'].filter((k) => k in rest).map((k) => [k, rest[k]!]));
  return { ...r, headers: { date: new Date(now).toUTCString(), ...first, ...rest } };
}
