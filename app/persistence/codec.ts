import { SESSION_FORMAT, SESSION_VERSION, type LabSnapshot, type UiSnapshot } from './snapshot.ts';

/** toBase64 encodes bytes (chunked: large states exceed the argument limit of String.fromCharCode). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** fromBase64 decodes what toBase64 made. */
export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** encodeSession writes a lab as an export file (JSON, the engine state in base64). */
export function encodeSession(s: LabSnapshot): string {
  return JSON.stringify({ format: SESSION_FORMAT, version: SESSION_VERSION, savedAt: new Date(s.savedAt).toISOString(), engine: toBase64(s.engine), ui: s.ui });
}

/** SessionFileError explains why a file cannot be imported. */
export class SessionFileError extends Error {
  override name = 'SessionFileError';
}

/** decodeSession reads an export file, refusing anything that is not one this version understands. */
export function decodeSession(text: string): LabSnapshot {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SessionFileError('not a kubelab session file (it is not JSON)');
  }
  const r = raw as Record<string, unknown>;
  if (!r || typeof r !== 'object' || r.format !== SESSION_FORMAT) throw new SessionFileError('not a kubelab session file');
  if (r.version !== SESSION_VERSION) throw new SessionFileError(`session file version ${String(r.version)} is not supported (this kubelab reads version ${SESSION_VERSION})`);
  if (typeof r.engine !== 'string') throw new SessionFileError('the session file has no lab state');
  const ui = r.ui as UiSnapshot | undefined;
  if (!ui || !Array.isArray(ui.tabs) || !Array.isArray(ui.history) || !Array.isArray(ui.files)) throw new SessionFileError('the session file has no terminal or editor state');
  let engine: Uint8Array;
  try {
    engine = fromBase64(r.engine);
  } catch {
    throw new SessionFileError('the lab state in the session file is damaged');
  }
  const savedAt = typeof r.savedAt === 'string' ? Date.parse(r.savedAt) : NaN;
  return { savedAt: Number.isNaN(savedAt) ? 0 : savedAt, engine, ui: { ...ui, timeline: [], timelineAt: null } };
}

/** TRANSCRIPT_MAX bounds a saved terminal transcript (the newest part is kept). */
export const TRANSCRIPT_MAX = 256 * 1024;

/**
 * trimTranscript keeps the newest part of a terminal transcript, cut at a
 * line start so replay never begins inside an escape sequence.
 */
export function trimTranscript(t: string, max = TRANSCRIPT_MAX): string {
  if (t.length <= max) return t;
  const cut = t.indexOf('\n', t.length - max);
  return cut < 0 ? t.slice(t.length - max) : t.slice(cut + 1);
}
