import type { EngineApi, EngineEvent } from '../protocol/api.ts';
import { Lab } from './lab.ts';

export { Lab, type LabOptions } from './lab.ts';

/**
 * createLab builds the lab the Web Worker serves: simulated time follows the
 * worker's tick() (wall time times the speed), and editors open in the UI.
 */
export function createLab(opts: { emit: (e: EngineEvent) => void; yieldToHost: () => Promise<void> }): EngineApi & { tick(wallMs: number): void } {
  // A component's exception is a bug: report it in the worker's console, keep the lab running.
  return new Lab({ ...opts, mode: 'realtime', onInternalError: (err, label) => (globalThis as { console?: { error(...a: unknown[]): void } }).console?.error(`kubelab: ${label || 'scheduled work'} failed:`, err) });
}
