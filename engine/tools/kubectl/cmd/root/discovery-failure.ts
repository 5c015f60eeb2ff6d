import { ConnectionError } from '../../../../client/client.ts';
import type { RunContext } from '../../cli/command.ts';
import { discoveryFailure } from '../../errors.ts';

/**
 * withDiscovery runs a step that needs API discovery. When the server cannot
 * be reached kubectl's cached discovery logs its memcache.go line once per
 * attempt before the command fails; attempts is how many times the command in
 * question tries (recorded in the connection-refused transcripts).
 */
export function withDiscovery<T>(c: RunContext, attempts: number, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof ConnectionError) logDiscoveryFailures(c, attempts, e);
    throw e;
  }
}

/** logDiscoveryFailures writes the memcache.go lines for a discovery that could not reach the server. */
export function logDiscoveryFailures(c: RunContext, attempts: number, e: ConnectionError): void {
  const pid = (c.proc as { pid?: number }).pid ?? 4242;
  const line = discoveryFailure(c.proc.sys.runtime.now, pid, c.f.config().server, e.message);
  for (let i = 0; i < attempts; i++) c.err(`${line}\n`);
}
