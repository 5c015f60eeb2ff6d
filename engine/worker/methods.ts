import type { EngineApi } from '../protocol/api.ts';
import type { Method } from './messages.ts';

/**
 * METHODS lists the EngineApi calls the worker serves. A call naming anything
 * else (tick, a prototype method, a typo) is refused. The `satisfies` check
 * and the exhaustiveness type below make the compiler fail when EngineApi
 * gains a method this list lacks.
 */
export const METHODS = [
  'boot',
  'openSession',
  'closeSession',
  'submit',
  'interrupt',
  'stdin',
  'complete',
  'finishEdit',
  'readFile',
  'writeFile',
  'watchCluster',
  'inspect',
  'setSpeed',
  'saveState',
  'resize',
  'endInput',
  'ping',
  'adminRequest',
  'advance',
] as const satisfies readonly Method[];

type Missing = Exclude<keyof EngineApi, (typeof METHODS)[number]>;
/** EXHAUSTIVE fails to compile when an EngineApi method is missing from METHODS. */
export const EXHAUSTIVE: Missing extends never ? true : Missing = true;

/** isMethod tells whether a name from a message is a served EngineApi method. */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && (METHODS as readonly string[]).includes(name);
}
