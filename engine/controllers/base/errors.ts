import { isStatusError } from '../../base/errors.ts';

/** reasonOf is the StatusReason of an apiserver error, or '' for anything else. */
export function reasonOf(err: unknown): string {
  return isStatusError(err) ? (err.status.reason ?? '') : '';
}

/** isNotFound reports a 404 from the apiserver. */
export function isNotFound(err: unknown): boolean {
  return isStatusError(err) && (err.status.code === 404 || err.status.reason === 'NotFound');
}

/** isConflict reports a 409 conflict (stale resourceVersion). */
export function isConflict(err: unknown): boolean {
  return isStatusError(err) && err.status.reason === 'Conflict';
}

/** isAlreadyExists reports a create that met an existing name. */
export function isAlreadyExists(err: unknown): boolean {
  return isStatusError(err) && err.status.reason === 'AlreadyExists';
}

/** errorText is the message a controller puts in its events: the apiserver's message, or the error's. */
export function errorText(err: unknown): string {
  if (isStatusError(err)) return err.status.message ?? err.message;
  return err instanceof Error ? err.message : String(err);
}
