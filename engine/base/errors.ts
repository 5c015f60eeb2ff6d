/**
 * Structured errors, shaped like Kubernetes' metav1.Status and field.Error.
 * Inside the engine errors stay structured; text is made at the edge (the
 * apiserver renders Status.message, kubectl renders "Error from server (...)").
 */

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'Gone'
  | 'Expired'
  | 'TooManyRequests'
  | 'RequestEntityTooLarge'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'
  | '';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** Status is metav1.Status as the apiserver returns it. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string; continue?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** StatusError carries a Status through the engine. */
export class StatusError extends Error {
  readonly status: Status;

  constructor(status: Omit<Status, 'kind' | 'apiVersion' | 'metadata' | 'status'> & Partial<Pick<Status, 'status'>>) {
    super(status.message ?? status.reason ?? 'error');
    this.name = 'StatusError';
    // In metav1.Status's field order, which the apiserver's JSON keeps (curl shows it).
    const { message, reason, details, code } = status;
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: status.status ?? 'Failure',
      ...(message !== undefined ? { message } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(details !== undefined ? { details } : {}),
      code,
    };
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): StatusReason {
    return this.status.reason ?? '';
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError;
}

/** GroupResource names a resource the way error messages do: "pods", "deployments.apps". */
export interface GroupResource {
  group: string;
  resource: string;
}

export function grString(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

export function notFound(gr: GroupResource, name: string): StatusError {
  return new StatusError({
    reason: 'NotFound',
    code: 404,
    message: `${grString(gr)} "${name}" not found`,
    details: { name, group: gr.group || undefined, kind: gr.resource },
  });
}

export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return new StatusError({
    reason: 'AlreadyExists',
    code: 409,
    message: `${grString(gr)} "${name}" already exists`,
    details: { name, group: gr.group || undefined, kind: gr.resource },
  });
}

export function conflict(gr: GroupResource, name: string, detail: string): StatusError {
  return new StatusError({
    reason: 'Conflict',
    code: 409,
    message: `Operation cannot be fulfilled on ${grString(gr)} "${name}": ${detail}`,
    details: { name, group: gr.group || undefined, kind: gr.resource },
  });
}

export const CONFLICT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export function badRequest(message: string): StatusError {
  return new StatusError({ reason: 'BadRequest', code: 400, message });
}

export function internalError(message: string): StatusError {
  return new StatusError({ reason: 'InternalError', code: 500, message: `Internal error occurred: ${message}`, details: { causes: [{ message }] } });
}

export function methodNotSupported(gr: GroupResource, verb: string): StatusError {
  return new StatusError({ reason: 'MethodNotAllowed', code: 405, message: `${verb} is not supported on resources of kind "${grString(gr)}"`, details: { group: gr.group || undefined, kind: gr.resource } });
}

/** forbidden is apierrors.NewForbidden: `pods "x" is forbidden: <reason>` (name omitted when empty). */
export function forbidden(gr: GroupResource, name: string, reason: string): StatusError {
  const subject = name ? `${grString(gr)} "${name}"` : grString(gr);
  return new StatusError({
    reason: 'Forbidden',
    code: 403,
    message: `${subject} is forbidden: ${reason}`,
    details: { name: name || undefined, group: gr.group || undefined, kind: gr.resource },
  });
}

export function unauthorized(): StatusError {
  return new StatusError({ reason: 'Unauthorized', code: 401, message: 'Unauthorized' });
}

export function gone(message: string): StatusError {
  return new StatusError({ reason: 'Expired', code: 410, message });
}

// ---------------------------------------------------------------------------
// Field errors (k8s.io/apimachinery/pkg/util/validation/field)

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** FieldError is field.Error: a path, a type, the bad value and a detail. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail?: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Types whose message omits the bad value (field.Error.ErrorBody). */
const OMITS_VALUE = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong', 'InternalError']);

/** formatValue renders a bad value as Go's field.Error does (%q for strings, %d for ints, %#v-like otherwise). */
export function formatFieldValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  return JSON.stringify(v);
}

/** fieldErrorBody is field.Error.ErrorBody(): "Invalid value: \"x\": detail". */
export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (!OMITS_VALUE.has(e.type) && e.badValue !== OMIT) {
    s += `: ${formatFieldValue(e.badValue)}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** fieldErrorString is field.Error.Error(): "spec.containers[0].image: Required value". */
export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** OMIT marks a FieldError whose value must not be printed (field.OmitValueType). */
export const OMIT: unique symbol = Symbol('omit');

export const fieldErr = {
  required: (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail }),
  invalid: (field: string, value: unknown, detail = ''): FieldError => ({ type: 'FieldValueInvalid', field, badValue: value, detail }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    badValue: value,
    detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '',
  }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, badValue: value }),
  notFound: (field: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field, badValue: value }),
  tooLong: (field: string, max: number): FieldError => ({ type: 'FieldValueTooLong', field, detail: `may not be more than ${max} bytes` }),
};

/**
 * invalid is apierrors.NewInvalid: the message lists the field errors
 * ("Pod \"x\" is invalid: [a: Required value, b: Invalid value: ...]") and the
 * causes carry them one by one, which is what kubectl prints.
 */
export function invalid(kind: { group: string; kind: string }, name: string, errs: FieldError[]): StatusError {
  const qualified = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const texts = errs.map(fieldErrorString);
  const agg = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new StatusError({
    reason: 'Invalid',
    code: 422,
    message: `${qualified} "${name}" is invalid: ${agg}`,
    details: {
      name,
      group: kind.group || undefined,
      kind: kind.kind,
      causes: errs.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
    },
  });
}
