import type { EngineApi, EngineEvent } from '../protocol/api.ts';
import { Lab } from './lab.ts';

export { Lab, type LabOptions } from './lab.ts';

/**
 * createLab builds the lab the Web Worker serves: simulated time follows the
 * worker's tick() (wall time times the speed), and editors open in the UI.
 */
export function createLab(opts: { emit: (e: EngineEvent) => void; yieldToHost: () => Promise<void> }): EngineApi & { tick(wallMs: number): void } {
  return new Lab({ ...opts, mode: 'realtime' });
}
