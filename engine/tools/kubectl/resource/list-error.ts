import type { ResourceRef } from '../../../client/client.ts';
import { StatusError, isStatusError } from '../../../base/errors.ts';

/**
 * enhanceListError is cli-runtime's EnhanceListError, which kubectl applies
 * to a failed list of the resource builder (get, describe, delete, label…
 * with -l, --field-selector or --all): a BadRequest or NotFound from the
 * server keeps its status and gets the resource and selectors in front of its
 * message. The apiserver itself says only what was wrong
 * ("field label not supported: foo").
 */
export function enhanceListError(e: unknown, res: ResourceRef, opts: { labelSelector?: string; fieldSelector?: string }): unknown {
  if (!isStatusError(e) || (e.status.code !== 400 && e.status.code !== 404)) return e;
  const subject = `${res.group}/${res.version}, Resource=${res.plural}`;
  const labels = opts.labelSelector ?? '';
  const fields = opts.fieldSelector ?? '';
  const message =
    labels === '' && fields === ''
      ? `Unable to list "${subject}": ${e.status.message}`
      : `Unable to find "${subject}" that match label selector "${labels}", field selector "${fields}": ${e.status.message}`;
  return new StatusError({ ...e.status, message });
}

/** listSelected is the builder's list of one resource by selectors, with its errors enhanced as kubectl words them. */
export function listSelected<T extends { items: unknown[] }>(list: () => T, res: ResourceRef, opts: { labelSelector?: string; fieldSelector?: string }): T {
  try {
    return list();
  } catch (e) {
    throw enhanceListError(e, res, opts);
  }
}
