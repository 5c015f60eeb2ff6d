import { PlainError } from '../../errors.ts';
import { WrappedError } from './common.ts';

/**
 * aggregateError is how kubectl reports an aggregate of errors from several
 * objects: one error as "error: <message>", several as their messages, one a
 * line, without the prefix (cmdutil's MultipleErrors).
 */
export function aggregateError(errors: string[]): Error {
  return errors.length === 1 ? new WrappedError(errors[0]!) : new PlainError(errors.join('\n'));
}
