import type { SerializedError } from './messages.ts';

/** serializeError flattens anything thrown into a SerializedError (never throws itself). */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return {
      name: err.name || 'Error',
      message: err.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
  return { name: 'Error', message: typeof err === 'string' ? err : safeString(err) };
}

function safeString(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * transferables lists the buffers of a reply value that can move to the main
 * thread instead of being copied: a saved lab is megabytes, and copying it
 * twice per command would show. Only a Uint8Array that owns its whole buffer
 * is transferred; a view into a larger buffer is left to be copied.
 */
export function transferables(value: unknown): Transferable[] {
  if (value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer) {
    return [value.buffer];
  }
  return [];
}
