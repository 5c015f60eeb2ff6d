import { decodeBase64, encodeBase64 } from '../../base/base64.ts';
import type { HostSnapshot } from '../../host/host.ts';

/**
 * LabState is what survives a reload: what a real lab would keep across a
 * power cut. The disks of every machine and each cluster's etcd data are
 * durable; processes are not, so on restore the control plane, kubelets and
 * controllers start again from that data, as after a reboot. Terminal
 * sessions come back on the machine and in the directory they were in.
 */
export interface LabState {
  format: typeof STATE_FORMAT;
  /** lab is the lab definition's YAML; absent for the default lab */
  lab?: string;
  seed: number;
  /** start is the simulated time the lab first booted at (its certificates date from then) */
  start: number;
  /** now is the simulated time when the state was saved */
  now: number;
  rand: number[];
  hosts: HostSnapshot[];
  /** etcd is each cluster's store as an etcd snapshot file, by cluster name */
  etcd: Record<string, Uint8Array>;
  sessions: SavedSession[];
}

/** SavedSession is one terminal session: where its shell was. */
export interface SavedSession {
  id: string;
  host: string;
  user: string;
  cwd: string;
}

export const STATE_FORMAT = 'kubelab-state/1';

/** LabStateError says why a saved lab cannot be loaded; nothing has been changed when it is thrown. */
export class LabStateError extends Error {}

/** encodeLabState writes a LabState as bytes (JSON text, with the etcd files in base64). */
export function encodeLabState(s: LabState): Uint8Array {
  const etcd: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.etcd)) etcd[k] = encodeBase64(v);
  return new TextEncoder().encode(JSON.stringify({ ...s, etcd }));
}

/** decodeLabState reads bytes written by encodeLabState, checking their shape. */
export function decodeLabState(bytes: Uint8Array): LabState {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new LabStateError('the saved lab is damaged: it is not a kubelab state file');
  }
  const o = raw as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== STATE_FORMAT) {
    const got = o && typeof o === 'object' && typeof o.format === 'string' ? ` (${o.format})` : '';
    throw new LabStateError(`the saved lab has an unknown format${got}; expected ${STATE_FORMAT}`);
  }
  const num = (k: string) => {
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) throw new LabStateError(`the saved lab is damaged: ${k} is missing`);
    return o[k] as number;
  };
  if (!Array.isArray(o.rand) || !Array.isArray(o.hosts) || !Array.isArray(o.sessions) || !o.etcd || typeof o.etcd !== 'object') {
    throw new LabStateError('the saved lab is damaged: hosts, sessions or etcd data are missing');
  }
  const etcd: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(o.etcd as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new LabStateError(`the saved lab is damaged: the etcd data of ${k} is not a snapshot`);
    etcd[k] = decodeBase64(v);
  }
  return {
    format: STATE_FORMAT,
    lab: typeof o.lab === 'string' ? o.lab : undefined,
    seed: num('seed'),
    start: num('start'),
    now: num('now'),
    rand: o.rand as number[],
    hosts: o.hosts as HostSnapshot[],
    etcd,
    sessions: o.sessions as SavedSession[],
  };
}
