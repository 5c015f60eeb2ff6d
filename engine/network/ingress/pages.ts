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
