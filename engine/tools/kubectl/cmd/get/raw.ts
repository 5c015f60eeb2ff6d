import type { RunContext } from '../../cli/command.ts';
import { toStatusError } from '../../../../client/client.ts';

/** runRaw is `kubectl get --raw URI` (and `delete --raw`): the body exactly as the server sent it. */
export async function runRaw(c: RunContext, method: 'GET' | 'DELETE' = 'GET'): Promise<number> {
  const uri = c.flag<string>('raw');
  const q = uri.indexOf('?');
  const path = q < 0 ? uri : uri.slice(0, q);
  const query: Record<string, string> = {};
  if (q >= 0) for (const [k, v] of new URLSearchParams(uri.slice(q + 1))) query[k] = v;
  const resp = c.f.client().raw({ method, path, query });
  if (resp.status >= 300) throw toStatusError(resp);
  const body = resp.body;
  c.out(typeof body === 'string' ? body : JSON.stringify(body ?? {}));
  return 0;
}
